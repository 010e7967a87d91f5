import Diagnostics
import Foundation
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
}
