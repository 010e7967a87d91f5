/// The three statistics tables of the format.
public enum TableID: String, Sendable, CaseIterable, Codable, Hashable {
    /// Section 二: 主动公开政府信息情况.
    case active
    /// Section 三: 收到和处理政府信息公开申请情况.
    case requests
    /// Section 四: 政府信息公开行政复议、行政诉讼情况.
    case appeals
}

/// What a cell may hold.
public enum ValueKind: Sendable, Hashable {
    /// A number of items: a non-negative integer.
    case count
    /// A change against last year (2019 form 本年增/减): an integer that may be negative.
    case change
    /// A sum of money in `unit` (nil where the form prints none, as for the 2019 form's 采购总金额)
    /// with at most `decimals` decimal places. Offices print 万元 to four places (72701.2578).
    case amount(unit: String?, decimals: Int)

    /// Decimal places kept when the value is stored as an integer of minor units.
    public var scale: Int {
        if case .amount(_, let decimals) = self { return decimals }
        return 0
    }
}

/// A column of a table row.
public struct Column: Sendable, Hashable {
    /// The id segment that ends a cell id: `issued`, `natural_person`, `total`.
    public let id: String
    /// The label exactly as printed on the form.
    public let label: String
    /// Labels seen in real reports for the same column.
    public let variants: [String]
    public let kind: ValueKind
    /// The header cell printed above a run of columns (e.g. 法人或其他组织), if any.
    public let group: String?

    public init(_ id: String, _ label: String, kind: ValueKind = .count, group: String? = nil, variants: [String] = []) {
        self.id = id
        self.label = label
        self.kind = kind
        self.group = group
        self.variants = variants
    }
}

/// A node of a table's row tree: a group of rows with a printed label, or a row of cells.
public indirect enum RowNode: Sendable, Hashable {
    case group(RowGroup)
    case row(Row)

    public var label: String {
        switch self {
        case .group(let group): group.label
        case .row(let row): row.label
        }
    }

    public var variants: [String] {
        switch self {
        case .group(let group): group.variants
        case .row(let row): row.variants
        }
    }

    /// The id segment; the same id in both editions marks the same row under another label
    /// (规范性文件 → 行政规范性文件).
    public var id: String? {
        switch self {
        case .group(let group): group.id
        case .row(let row): row.id
        }
    }
}

/// A printed row label that stands over several rows (e.g. 「（三）不予公开」).
public struct RowGroup: Sendable, Hashable {
    /// The id segment; `nil` where the group does not appear in cell ids (the 第二十条 items).
    public let id: String?
    public let label: String
    public let variants: [String]
    public let children: [RowNode]

    public init(_ id: String?, _ label: String, variants: [String] = [], _ children: [RowNode]) {
        self.id = id
        self.label = label
        self.variants = variants
        self.children = children
    }
}

/// A row of cells.
public struct Row: Sendable, Hashable {
    public let id: String
    public let label: String
    public let variants: [String]
    public let columns: [Column]

    public init(_ id: String, _ label: String, variants: [String] = [], columns: [Column]) {
        self.id = id
        self.label = label
        self.variants = variants
        self.columns = columns
    }
}

/// How the printed form lays a table out.
public enum TableLayout: Sendable, Hashable {
    /// Section 二: one block per 第二十条 item, each with its own header row that starts with
    /// `rowHeader` (信息内容) and names that block's columns.
    case blocks(rowHeader: String)
    /// Section 三: row labels down the side (nested groups spanning rows), columns across the
    /// top (grouped under their header cells).
    case matrix
    /// Section 四: a single row of numbers; the row tree is printed as column headers above it.
    case transposed
}

/// A statistics table of one edition of the format.
public struct FormTable: Sendable {
    public let id: TableID
    public let layout: TableLayout
    /// The top-level key of the table in `tables.yaml`: the heading of its section.
    public var label: String { StatutorySection.containing(id).heading }
    /// The note printed in the table's corner, if any.
    public let note: String?
    /// A header cell printed over all data columns (e.g. 申请人情况), if any.
    public let columnHeader: String?
    public let rows: [RowNode]

    /// Every row in print order with its full id and the labels above it.
    public let leafRows: [LeafRow]
    /// Every cell in print order.
    /// Every cell in print order (indices are set by the form that holds the table).
    public internal(set) var cells: [CellSpec]

    init(id: TableID, layout: TableLayout, note: String? = nil, columnHeader: String? = nil, rows: [RowNode]) {
        self.id = id
        self.layout = layout
        self.note = note
        self.columnHeader = columnHeader
        self.rows = rows
        var leaves: [LeafRow] = []
        Self.collect(rows, idPath: [id.rawValue], labelPath: [], into: &leaves)
        self.leafRows = leaves
        self.cells = leaves.flatMap { leaf in leaf.row.columns.map { CellSpec(row: leaf, column: $0) } }
    }

    private static func collect(_ nodes: [RowNode], idPath: [String], labelPath: [String], into leaves: inout [LeafRow]) {
        for node in nodes {
            switch node {
            case .group(let group):
                let ids = group.id.map { idPath + [$0] } ?? idPath
                collect(group.children, idPath: ids, labelPath: labelPath + [group.label], into: &leaves)
            case .row(let row):
                leaves.append(LeafRow(id: (idPath + [row.id]).joined(separator: "."), labelPath: labelPath + [row.label], row: row))
            }
        }
    }

    /// The cell with `id`, if this table has it.
    public func cell(_ id: CellID) -> CellSpec? { cells.first { $0.id == id } }
}

/// A row with its position in the tree.
public struct LeafRow: Sendable, Hashable {
    /// `requests.results.withheld.state_secret`.
    public let id: String
    /// The printed labels from the outermost group down to the row itself.
    public let labelPath: [String]
    public let row: Row

    public init(id: String, labelPath: [String], row: Row) {
        self.id = id
        self.labelPath = labelPath
        self.row = row
    }
}

/// A stable machine id of a cell: `requests.received.natural_person`.
public typealias CellID = String

/// One cell of a table.
public struct CellSpec: Sendable, Hashable {
    public let row: LeafRow
    public let column: Column
    /// Stored, not computed: ids are looked up for every cell of every report.
    public let id: CellID
    /// The cell's position in `ReportForm.cells`, so values can live in an array.
    public internal(set) var index = -1

    public init(row: LeafRow, column: Column) {
        self.row = row
        self.column = column
        self.id = row.id + "." + column.id
    }
    public var kind: ValueKind { column.kind }
    /// A short Chinese description for messages: 「一、本年新收政府信息公开申请数量 / 自然人」.
    public var displayName: String { (row.labelPath + [column.label]).joined(separator: " / ") }
    /// The row's own label and the column: 「1.属于国家秘密 / 总计」.
    public var shortName: String { row.row.label + " / " + column.label }
}

/// Anything with a printed label and the variants seen for it: rows, groups, columns.
public protocol Labelled {
    var label: String { get }
    var variants: [String] { get }
}

extension RowNode: Labelled {}
extension Column: Labelled {}
