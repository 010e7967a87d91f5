import Foundation
import Testing

@testable import Diagnostics

/// Every rule says why it is an error or a warning (issue 24), and docs/severity.md shows exactly
/// those reasons, so that neither can be forgotten when a rule is added or its severity changed.
@Suite("Severity reasons")
struct SeverityReasonTests {
    @Test("every rule has a reason, written for its severity, with the English gist")
    func everyRuleHasAReason() {
        for rule in Rule.all {
            #expect(
                rule.severityReason.unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) }) && rule.severityReason.contains(" ("),
                "\(rule.id) has no reason in Chinese with an English gist: add one to Rule+SeverityReason.swift")
            #expect(
                Rule.severityReasons[rule.id]?.severity == rule.severity,
                "\(rule.id) is \(rule.severity.rawValue) but its reason argues for another severity: rewrite it")
        }
        let unknown = Set(Rule.severityReasons.keys).subtracting(Rule.all.map(\.id))
        #expect(unknown.isEmpty, "reasons for rules that do not exist: \(unknown.sorted())")
    }

    /// The rows docs/severity.md must have, in the order of `Rule.all`.
    static let expectedRows = Rule.all.map { rule in
        "| `\(rule.id)` | \(rule.family.chinese) | \(rule.severity.chinese) \(rule.severity.rawValue) | \(rule.severityReason) |"
    }

    @Test("docs/severity.md lists exactly the rules, with their severities and reasons")
    func documentIsCurrent() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/severity.md")
        let rows = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
            .filter { $0.hasPrefix("| `") }
        let isCurrent = rows == Self.expectedRows  // a Bool, so that only the table to paste is printed
        #expect(
            isCurrent,
            "docs/severity.md's rule table is out of date; it should read:\n\(Self.expectedRows.joined(separator: "\n"))")
    }
}
