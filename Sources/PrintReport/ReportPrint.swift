import Diagnostics
import Markdown
import ReportForm
import Rendering
import SiteModel
import Typesetting

/// A report as a document for print: title, issuing organ and date, contents, the narrative with
/// its headings in the faces of their level, and the statutory tables after sections 二, 三, 四.
public enum ReportPrint {
    /// `taskList` is the list the report's `tasks.yaml` names: its 重点任务落实情况 table follows section 六.
    public static func document(_ report: Report, title: String, agencyName: String, taskList: TaskList? = nil) -> PrintDocument {
        var blocks: [PrintDocument.Block] = [.title(title)]
        let published = report.publicationDate
        blocks.append(.subtitle(agencyName + (published.map { "　" + $0.chinese } ?? "")))
        blocks.append(.contents(title: "目　录"))

        let narrative = NarrativeSections(report)
        blocks += Self.narrative(narrative.preamble)
        for section in narrative.sections {
            blocks.append(.heading(level: 1, text: section.heading, anchor: section.anchor))
            blocks += Self.narrative(section.markdown)
            if let table = section.table, let tables = report.tables {
                blocks.append(.table(PrintTables.table(TableGrid.of(table, in: tables.version), values: tables)))
            }
        }
        if let tasks = report.tasks, let taskList {
            blocks.append(.heading(level: 2, text: TaskStatusTable.title, anchor: nil))
            blocks.append(.table(PrintTables.table(TaskStatusTable.rows(tasks, list: taskList), list: taskList)))
        }
        let date = published.map { "D:" + $0.iso.replacingOccurrences(of: "-", with: "") + Self.two($0.hour) + Self.two($0.minute) + "00+08'00'" }
        return PrintDocument(
            blocks: blocks,
            metadata: .init(title: title, author: agencyName, subject: ReportTitle.documentName, date: date ?? "D:\(report.year + 1)0101000000+08'00'"))
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    /// Markdown blocks as print blocks; a heading's level follows its numbering where it has one
    /// (一、 → 1, （一） → 2, 1. → 3, （1） → 4), else the Markdown level.
    static func narrative(_ markdown: String) -> [PrintDocument.Block] {
        MarkdownRenderer.blocks(markdown).map { block in
            switch block {
            case .heading(let level, let text): .heading(level: headingLevel(text) ?? max(1, level - 1), text: text, anchor: nil)
            case .paragraph(let text): .paragraph(text)
            case .listItem(let marker, let text): .listItem(marker: marker, text: text)
            case .code(let text): .paragraph(text)
            case .table(let rows): .table(PrintTables.table(rows: rows))
            }
        }
    }

    static func headingLevel(_ text: String) -> Int? {
        let numerals = "一二三四五六七八九十"
        let scalars = Array(text.unicodeScalars.prefix(5))
        guard let first = scalars.first else { return nil }
        if numerals.unicodeScalars.contains(first) { return text.contains("、") ? 1 : nil }
        if first == "（" || first == "(" {
            guard scalars.count > 1 else { return nil }
            return numerals.unicodeScalars.contains(scalars[1]) ? 2 : (scalars[1].properties.numericType != nil ? 4 : nil)
        }
        if first.properties.numericType != nil, text.unicodeScalars.contains(where: { $0 == "." || $0 == "．" || $0 == "、" }) { return 3 }
        return nil
    }
}
