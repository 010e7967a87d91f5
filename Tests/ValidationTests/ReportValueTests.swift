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
}
