import ReportForm

/// A statutory table as the printed form lays it out: rows of cells with their spans, header
/// cells with the ids and `headers` that tie data cells to their labels, and the number of
/// leading header rows that a printed table repeats on each page. The HTML page and the PDF
/// are both drawn from it, so the two cannot differ.
public struct TableGrid: Sendable {
    public struct Cell: Sendable, Hashable {
        /// The label of a header cell; empty for a data cell.
        public let label: String
        /// The cell id of a data cell, whose value is written in; nil for a header cell.
        public let cell: CellID?
        public let colspan: Int
        public let rowspan: Int
        /// For header cells: the HTML id and scope.
        public let id: String?
        public let scope: String?
        /// The ids of the header cells that label this one.
        public let headers: [String]

        public var isHeader: Bool { cell == nil }

        static func header(_ label: String, id: String, scope: String, colspan: Int = 1, rowspan: Int = 1, headers: [String] = [])
            -> Cell
        {
            Cell(label: label, cell: nil, colspan: colspan, rowspan: rowspan, id: id, scope: scope, headers: headers)
        }

        static func data(_ cell: CellID, headers: [String], colspan: Int = 1) -> Cell {
            Cell(label: "", cell: cell, colspan: colspan, rowspan: 1, id: nil, scope: nil, headers: headers)
        }
    }

    public let table: TableID
    public let caption: String
    public let rows: [[Cell]]
    /// Leading rows that head the columns (repeated on a new page).
    public let headerRowCount: Int
    /// The number of grid columns.
    public let columnCount: Int

    public init(_ table: FormTable) {
        self.table = table.id
        caption = table.label
        let layout: (rows: [[Cell]], header: Int)
        switch table.layout {
        case .blocks(let rowHeader): layout = (BlocksLayout.rows(table, rowHeader: rowHeader), 0)
        case .matrix: layout = MatrixLayout.rows(table)
        case .transposed:
            let rows = TransposedLayout.rows(table)
            layout = (rows, rows.count - 1)
        }
        rows = layout.rows
        headerRowCount = layout.header
        columnCount = rows.first.map { $0.reduce(0) { $0 + $1.colspan } } ?? 0
    }

    /// Both editions' grids, laid out once.
    public static let cached: [FormVersion: [TableID: TableGrid]] = Dictionary(
        uniqueKeysWithValues: FormVersion.allCases.map { version in
            (version, Dictionary(uniqueKeysWithValues: ReportForm.edition(version).tables.map { ($0.id, TableGrid($0)) }))
        })

    /// The grid of `table` in `version`.
    public static func of(_ table: TableID, in version: FormVersion) -> TableGrid { cached[version]![table]! }
}
