import Diagnostics
import Foundation
import ReportForm
@testable import SiteModel
import Testing

/// A report is a value: its fields share one box between copies, and changing a copy must
/// never show through the others (roll-ups change copies of the reports they sum).
@Suite struct ReportValueTests {
    @Test("changing a copy of a report leaves the original as it was")
    func copiesAreIndependent() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let original = try #require(try SiteLoader.load(root: root).agencies.first?.reports.first)
        let findings = original.findings
        let cells = original.tables?.form.cells.indices.compactMap { original.tables?.value(at: $0)?.text }
        let date = original.publicationDate

        var copy = original
        copy.findings.append(Finding(rule: "x", severity: .info, message: "m", gist: "g", location: SourceLocation(file: "f")))
        copy.tables = nil
        copy.rollupSources = ["Content/a/2024"]

        #expect(copy.findings.count == findings.count + 1 && copy.tables == nil && copy.rollupSources == ["Content/a/2024"])
        #expect(original.findings.count == findings.count && original.rollupSources.isEmpty)
        #expect(original.tables?.form.cells.indices.compactMap { original.tables?.value(at: $0)?.text } == cells)
        #expect(original.publicationDate == date && copy.publicationDate == date && date != nil)
        // Unchanged fields still read the same in both.
        #expect(copy.folder == original.folder && copy.frontMatter["published"]?.value == original.frontMatter["published"]?.value)
    }

    /// The reading of `-?digits(.digits)?` by Character, as it was before it went by bytes: the
    /// oracle for `plainDecimalAgrees`.
    static func decimalByCharacter(_ text: String) -> [String]? {
        var body = Substring(text)
        let negative = body.hasPrefix("-")
        if negative { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard parts.count == 1 || (!fraction.isEmpty && fraction.allSatisfy({ $0.isASCII && $0.isNumber })) else { return nil }
        return [negative ? "-" : "+", String(whole), String(fraction)]
    }

    @Test("a cell's decimal is read on its bytes as it was by Character")
    func plainDecimalAgrees() {
        let pieces = ["-", ".", "0", "5", "12", "37", "x", "５", "\u{301}", " ", "e", "+", "．", "--", ".."]
        var random = SeededRandom(seed: 0xDA94_2042_E4DD_58B5)
        var accepted = 0
        for _ in 0..<20000 {
            let text = (0..<(1 + random.next(5))).map { _ in pieces[random.next(pieces.count)] }.joined()
            let read = CellValueParser.plainDecimal(text).map { [$0.negative ? "-" : "+", $0.whole, $0.fraction] }
            #expect(read == Self.decimalByCharacter(text), "\(text.debugDescription)")
            if read != nil { accepted += 1 }
        }
        #expect(accepted > 1000, "the random texts should hold some numbers (\(accepted))")
    }

    @Test("an amount is read on its bytes as the cell parser reads it, or left to the parser")
    func plainAmountAgrees() throws {
        let amount = try #require(ReportForm.revised2021.cells.first { $0.kind.scale > 0 })
        let count = try #require(ReportForm.revised2021.cells.first { $0.kind == .count })
        let pieces = ["0", "5", "12", "37", "9999999", "1234567890123", ".", "-", "x", " ", "５", "00"]
        var random = SeededRandom(seed: 0x5EED_A40C_7A11_0002)
        var answered = 0
        for _ in 0..<20000 {
            let text = (0..<(1 + random.next(4))).map { _ in pieces[random.next(pieces.count)] }.joined()
            for spec in [amount, count] {
                let scale = spec.kind.scale
                let fast = Array(text.utf8).withUnsafeBufferPointer { CellValueParser.plainAmount($0, scale: scale) }
                let parsed: Int64? =
                    if case .value(let value, _, nil) = CellValueParser.parse(text, kind: spec.kind, cell: spec, at: SourceLocation(file: "t"))
                    { value } else { nil }
                if let fast {
                    answered += 1
                    #expect(fast == parsed, "\(text.debugDescription) at scale \(scale)")
                } else if parsed != nil, let match = text.wholeMatch(of: /[0-9]{1,13}(?:\.([0-9]+))?/), (match.1?.count ?? 0) <= scale {
                    // A plain amount within the scale is the fast reader's to answer too.
                    Issue.record("plain amount \(text.debugDescription) not read at scale \(scale)")
                }
            }
        }
        #expect(answered > 2000, "the random texts should hold some amounts (\(answered))")
    }
}
