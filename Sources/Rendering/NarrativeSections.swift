import Diagnostics
import ReportForm
import SiteModel

/// A report's narrative cut at its `##` headings, with table values written into its
/// `{{cell-id}}` placeholders: the Markdown before the first heading, then each section with its
/// anchor (`section-1` … `section-6` for the statutory sections) and the statutory table that
/// follows its text (each table once). The web page and the printed report are both built on it.
public struct NarrativeSections: Sendable {
    public struct Section: Sendable {
        /// The heading as written.
        public let heading: String
        public let anchor: String
        public let markdown: String
        /// The table of sections 二, 三 and 四, where the report has tables.
        public let table: TableID?
    }

    public let preamble: String
    public let sections: [Section]

    public init(_ report: Report) {
        let document = report.document
        let lines = document.source.lineSlices
        // Where each `##` heading is, as an index into `lines`.
        let starts = document.sections.map { $0.location.line - 1 - document.sourceLineOffset }
        func markdown(_ range: Range<Int>) -> String {
            let clamped = max(0, range.lowerBound)..<min(lines.count, max(range.lowerBound, range.upperBound))
            let text = lines[clamped].joined(separator: "\n")
            return report.tables.map { Placeholders.fill(text, from: $0) } ?? text
        }
        preamble = markdown(0..<(starts.first ?? lines.count))
        var usedTables: Set<TableID> = []
        let identified = StatutorySection.identify(sections: document.sections)
        sections = document.sections.enumerated().map { index, heading in
            let section = identified[index]?.0
            let end = index + 1 < starts.count ? starts[index + 1] : lines.count
            let table = section?.table.flatMap { report.tables != nil && usedTables.insert($0).inserted ? $0 : nil }
            return Section(
                heading: heading.text, anchor: section.map { "section-\($0.number)" } ?? "part-\(index + 1)",
                markdown: markdown((starts[index] + 1)..<end), table: table)
        }
    }
}
