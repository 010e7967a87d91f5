import ReportForm
import SiteModel

/// A statutory table as HTML, laid out like the printed form: the same merged header cells,
/// labels and order, the 勾稽 note in its corner. Every number carries `headers` naming its row
/// and column header cells, so a screen reader announces both; the rows that head the columns
/// are a `<thead>`, which a browser repeats when it prints the table across pages.
public enum StatutoryTableHTML {
    /// The id of the table's caption, for a scrolling box around it to name itself by.
    public static func captionID(_ table: FormTable) -> String { HTML.id("table", table.id.rawValue, "caption") }

    /// The `<table>` of `table`, with the values of `tables` (empty cells where there are none).
    public static func html(_ table: FormTable, values tables: ReportTables?) -> String {
        // The markup depends only on the form; it is laid out once per edition and table, and
        // each report's numbers are written into its slots.
        if let tables, let cached = TableTemplate.cached[tables.version]?[table.id], cached.cells.count == table.cells.count {
            // By each slot's place in the form: looking 200 cells up by id was half of this.
            return cached.fill { slot in markup(cached.places[slot].flatMap { tables.value(at: $0) }) }
        }
        let layout = TableTemplate(TableGrid(table))
        return layout.fill { markup(tables?[layout.cells[$0]]) }
    }

    /// A value as the report writes it; one nianbao worked out (a total left out, a blank the
    /// table's identities fix) marked as such, so that nobody takes it for a number the office typed.
    static func markup(_ value: CellValue?) -> String {
        guard let value else { return "" }
        guard value.isComputed else { return HTML.escape(value.text) }
        return "<span class=\"computed\" title=\"\(computedNote)\">\(HTML.escape(value.text))</span>"
    }

    /// The tooltip of a computed value.
    public static let computedNote = "报告未填写，由 nianbao 按表内勾稽关系计算"
}

/// A table's markup cut at its data cells: the text between them, and the cell of each slot.
struct TableTemplate: Sendable {
    let segments: [String]
    /// The cell of each slot, by id.
    let cells: [CellID]
    /// The cell of each slot, by its place in `ReportForm.cells` of the edition given.
    let places: [Int?]

    init(_ grid: TableGrid, form: ReportForm? = nil) {
        var segments: [String] = []
        var cells: [CellID] = []
        let prefix = grid.table.rawValue
        var text = "<table class=\"statutory statutory-\(prefix)\" id=\"\(HTML.id("table", prefix))\">\n"
        text += "<caption id=\"\(HTML.id("table", prefix, "caption"))\">\(HTML.escape(grid.caption))</caption>\n"
        for (index, row) in grid.rows.enumerated() {
            if index == 0 && grid.headerRowCount > 0 { text += "<thead>\n" }
            if index == grid.headerRowCount { text += "<tbody>\n" }
            text += "<tr>"
            for cell in row {
                var attributes = ""
                if let id = cell.id, let scope = cell.scope { attributes += " id=\"\(id)\" scope=\"\(scope)\"" }
                if cell.cell != nil { attributes += " class=\"num\"" }
                if cell.colspan > 1 { attributes += " colspan=\"\(cell.colspan)\"" }
                if cell.rowspan > 1 { attributes += " rowspan=\"\(cell.rowspan)\"" }
                if !cell.headers.isEmpty { attributes += " headers=\"\(cell.headers.joined(separator: " "))\"" }
                if let id = cell.cell {
                    text += "<td\(attributes)>"
                    segments.append(text)
                    cells.append(id)
                    text = "</td>"
                } else {
                    text += "<th\(attributes)>\(HTML.escape(cell.label))</th>"
                }
            }
            text += "</tr>\n"
            if index == grid.headerRowCount - 1 { text += "</thead>\n" }
        }
        text += "</tbody>\n</table>\n"
        segments.append(text)
        self.segments = segments
        self.cells = cells
        places = cells.map { form?.cellsByID[$0]?.index }
    }

    /// The markup with `markup(slot)` (escaped already) in each slot.
    func fill(_ markup: (Int) -> String) -> String {
        var out = segments[0]
        out.reserveCapacity(segments.reduce(0) { $0 + $1.utf8.count } + cells.count * 4)
        for (slot, segment) in segments.dropFirst().enumerated() {
            out += markup(slot)
            out += segment
        }
        return out
    }

    /// Both editions' tables, laid out on first use.
    static let cached: [FormVersion: [TableID: TableTemplate]] = Dictionary(
        uniqueKeysWithValues: TableGrid.cached.map { version, grids in
            (version, grids.mapValues { TableTemplate($0, form: .edition(version)) })
        })
}
