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
