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
        let narrative = NarrativeSections(report)
        var html = MarkdownRenderer.html(narrative.preamble)
        var text = html
        for section in narrative.sections {
            let body = MarkdownRenderer.html(section.markdown)
            html += "<section aria-labelledby=\"\(section.anchor)\">\n<h2 id=\"\(section.anchor)\">\(HTML.escape(section.heading))</h2>\n"
            html += body
            text += section.heading + "\n" + body
            if let table = section.table, let tables = report.tables {
                html += Self.table(tables.form.table(table), tables)
            }
            html += "</section>\n"
        }
        self.html = html
        self.text = HTMLText.plain(text)
        self.parts = narrative.sections.map { Part(title: $0.heading, anchor: $0.anchor) }
    }

    /// A statutory table in a box that scrolls sideways on a narrow screen; the box is focusable
    /// and named by the table's caption, so keyboard and screen-reader users can reach it.
    static func table(_ table: FormTable, _ values: ReportTables) -> String {
        let caption = StatutoryTableHTML.captionID(table)
        return "<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"\(caption)\" tabindex=\"0\">\n"
            + StatutoryTableHTML.html(table, values: values) + "</div>\n"
    }
}
