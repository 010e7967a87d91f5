import Markdown
import ReportForm
import Rendering
import SiteModel

/// A report's narrative as HTML: table values written into `{{cell-id}}` placeholders, each `##`
/// section under a heading with a stable anchor (`section-1` … `section-6`), and the statutory
/// table of sections 二, 三 and 四 after that section's text, where the printed report has it.
struct NarrativeHTML {
    struct Part {
        let title: String
        let anchor: String
    }

    /// The whole narrative, tables included.
    let html: String
    /// The narrative alone, for the search index.
    let text: String
    /// The `##` sections, for the table of contents.
    let parts: [Part]

    init(_ report: Report) {
        let document = report.document
        let lines = document.source.split(separator: "\n", omittingEmptySubsequences: false)
        // Where each `##` heading is, as an index into `lines`.
        let starts = document.sections.map { $0.location.line - 1 - document.sourceLineOffset }
        func markdown(_ range: Range<Int>) -> String {
            let clamped = max(0, range.lowerBound)..<min(lines.count, max(range.lowerBound, range.upperBound))
            let text = lines[clamped].joined(separator: "\n")
            return report.tables.map { Placeholders.fill(text, from: $0) } ?? text
        }
        var html = MarkdownRenderer.html(markdown(0..<(starts.first ?? lines.count)))
        var text = html
        var parts: [Part] = []
        var usedTables: Set<TableID> = []
        for (index, heading) in document.sections.enumerated() {
            let section = StatutorySection.identify(heading.text)?.0
            let anchor = section.map { "section-\($0.number)" } ?? "part-\(index + 1)"
            parts.append(Part(title: heading.text, anchor: anchor))
            let end = index + 1 < starts.count ? starts[index + 1] : lines.count
            let body = MarkdownRenderer.html(markdown((starts[index] + 1)..<end))
            html += "<section aria-labelledby=\"\(anchor)\">\n<h2 id=\"\(anchor)\">\(HTML.escape(heading.text))</h2>\n"
            html += body
            text += heading.text + "\n" + body
            if let table = section?.table, let tables = report.tables, usedTables.insert(table).inserted {
                html += Self.table(tables.form.table(table), tables)
            }
            html += "</section>\n"
        }
        self.html = html
        self.text = HTMLText.plain(text)
        self.parts = parts
    }

    /// A statutory table in a box that scrolls sideways on a narrow screen; the box is focusable
    /// and named by the table's caption, so keyboard and screen-reader users can reach it.
    static func table(_ table: FormTable, _ values: ReportTables) -> String {
        let caption = StatutoryTableHTML.captionID(table)
        return "<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"\(caption)\" tabindex=\"0\">\n"
            + StatutoryTableHTML.html(table, values: values) + "</div>\n"
    }
}
