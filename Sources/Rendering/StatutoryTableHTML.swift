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
        // The markup depends only on the form; it is laid out once per edition and table, and
        // each report's numbers are written into its slots.
        let cached = tables.flatMap { TableTemplate.cached[$0.version]?[table.id] }
        let layout = cached.flatMap { $0.cells.count == table.cells.count ? $0 : nil } ?? TableTemplate(table)
        return layout.fill { tables?[$0]?.text ?? "" }
    }

    /// The table's markup with `value` written into each data cell.
    static func markup(_ table: FormTable, value: (CellSpec) -> String) -> String {
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

/// A table's markup cut at its data cells: the text between them, and the cell of each slot.
struct TableTemplate: Sendable {
    let segments: [String]
    /// The cell of each slot, by id.
    let cells: [CellID]

    /// A character no label contains, marking where a value goes.
    private static let slot: Character = "\u{1}"

    init(_ table: FormTable) {
        var cells: [CellID] = []
        let markup = StatutoryTableHTML.markup(table) { cell in
            cells.append(cell.id)
            return String(Self.slot)
        }
        segments = markup.split(separator: Self.slot, omittingEmptySubsequences: false).map(String.init)
        self.cells = cells
    }

    func fill(_ value: (CellID) -> String) -> String {
        var out = segments[0]
        out.reserveCapacity(segments.reduce(0) { $0 + $1.utf8.count } + cells.count * 4)
        for (cell, segment) in zip(cells, segments.dropFirst()) {
            out += HTML.escape(value(cell))
            out += segment
        }
        return out
    }

    /// Both editions' tables, laid out on first use.
    static let cached: [FormVersion: [TableID: TableTemplate]] = Dictionary(
        uniqueKeysWithValues: FormVersion.allCases.map { version in
            (version, Dictionary(uniqueKeysWithValues: ReportForm.edition(version).tables.map { ($0.id, TableTemplate($0)) }))
        })
}
