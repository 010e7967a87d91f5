import ReportForm
import Rendering
import SiteModel
import Typesetting

/// Tables for print: the statutory grid with its values, or a writer's Markdown table.
enum PrintTables {
    /// The statutory table: label columns wide enough for their labels, number columns narrow
    /// and equal, header cells centred, numbers right-aligned.
    static func table(_ grid: TableGrid, values: ReportTables) -> PrintTable {
        let rows = grid.rows.map { row in
            row.map { cell in
                PrintTable.Cell(
                    text: cell.cell.map { values[$0]?.text ?? "" } ?? cell.label, colspan: cell.colspan, rowspan: cell.rowspan,
                    alignment: cell.cell != nil ? .trailing : cell.scope == "row" || cell.scope == "rowgroup" ? .leading : .center,
                    isHeader: cell.isHeader)
            }
        }
        // The label columns are those before the first number of the last row.
        let last = grid.rows.last ?? []
        let labelColumns = last.prefix { $0.isHeader }.reduce(0) { $0 + $1.colspan }
        let numberColumns = max(grid.columnCount - labelColumns, 1)
        var widths: [Double]
        switch labelColumns {
        case 0: widths = Array(repeating: 1, count: grid.columnCount)
        case 1: widths = [Double(numberColumns) * 0.9] + Array(repeating: 1, count: numberColumns)
        default:
            // Nested labels (table 三): the outer ones narrow, the innermost wide.
            // Wide enough for 「（三）」 on one line at the table size.
            widths = Array(repeating: 1.1, count: labelColumns - 1) + [3.3] + Array(repeating: 1, count: numberColumns)
        }
        return PrintTable(caption: grid.caption, columnWidths: widths, rows: rows, headerRowCount: grid.headerRowCount)
    }

    /// 「重点任务落实情况」: narrow number, status and date columns, wide task and remarks.
    static func table(_ rows: [TaskStatusTable.Row], list: TaskList) -> PrintTable {
        let header = TaskStatusTable.columns.map { PrintTable.Cell(text: $0, alignment: .center, isHeader: true) }
        let body = rows.map { row in
            [
                PrintTable.Cell(text: String(row.number), alignment: .center, isHeader: true),
                PrintTable.Cell(text: row.title, alignment: .leading, isHeader: false),
                PrintTable.Cell(text: row.deadline + (row.localDeadline.map { "（本机关：\($0)）" } ?? ""), alignment: .leading, isHeader: false),
                PrintTable.Cell(text: row.statusText, alignment: .center, isHeader: false),
                PrintTable.Cell(text: row.completed, alignment: .center, isHeader: false),
                PrintTable.Cell(text: row.remarks, alignment: .leading, isHeader: false),
            ]
        }
        return PrintTable(caption: "《\(list.title)》落实情况", columnWidths: [0.6, 2.0, 2.1, 1.1, 1.7, 3.0], rows: [header] + body, headerRowCount: 1)
    }

    /// A Markdown table from the narrative: equal columns, the first row as header.
    static func table(rows: [[String]]) -> PrintTable {
        let width = rows.map(\.count).max() ?? 1
        let cells = rows.enumerated().map { index, row in
            (row + Array(repeating: "", count: width - row.count)).map {
                PrintTable.Cell(text: $0, alignment: index == 0 ? .center : .leading, isHeader: index == 0)
            }
        }
        return PrintTable(caption: "", columnWidths: Array(repeating: 1, count: width), rows: cells, headerRowCount: min(1, cells.count))
    }
}
