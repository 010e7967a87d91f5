import ReportForm
import SiteModel

/// A statutory table as HTML, laid out like the printed form: the same merged header cells,
/// labels and order, the 勾稽 note in its corner. Every number carries `headers` naming its row
/// and column header cells, so a screen reader announces both.
public enum StatutoryTableHTML {
    /// The id of the table's caption, for a scrolling box around it to name itself by.
    public static func captionID(_ table: FormTable) -> String { HTML.id("table", table.id.rawValue, "caption") }

    /// The `<table>` of `table`, with the values of `tables` (empty cells where there are none).
    public static func html(_ table: FormTable, values tables: ReportTables?) -> String {
        let value = { (cell: CellSpec) in tables?[cell.id]?.text ?? "" }
        let rows: [String]
        switch table.layout {
        case .blocks(let rowHeader): rows = BlocksLayout.rows(table, rowHeader: rowHeader, value: value)
        case .matrix: rows = MatrixLayout.rows(table, value: value)
        case .transposed: rows = TransposedLayout.rows(table, value: value)
        }
        let caption = "<caption id=\"\(captionID(table))\">\(HTML.escape(table.label))</caption>"
        return "<table class=\"statutory statutory-\(table.id.rawValue)\" id=\"\(HTML.id("table", table.id.rawValue))\">\n"
            + caption + "\n" + rows.map { "<tr>\($0)</tr>" }.joined(separator: "\n") + "\n</table>\n"
    }
}
