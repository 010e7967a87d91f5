/// One edition of the statutory format: its sections, tables, identities and links across years.
///
/// Everything else in nianbao (validation, scaffolding, rendering, data export) derives from
/// this value; no other module spells a statutory label.
public struct ReportForm: Sendable {
    public let version: FormVersion
    public let sections: [StatutorySection]
    /// The tables in print order: 二, 三, 四.
    public let tables: [FormTable]
    public let identities: [Identity]
    /// Every cell of every table by id.
    public let cellsByID: [CellID: CellSpec]
    /// The cells of each row, in column order, by row id.
    public let cellsByRow: [String: [CellSpec]]

    init(version: FormVersion) {
        self.version = version
        self.sections = StatutorySection.all
        self.tables = [.activeDisclosure(version), .requests(version), .appeals]
        self.identities = tables.flatMap { $0.derivedIdentities() }
        var cells: [CellID: CellSpec] = [:]
        var rows: [String: [CellSpec]] = [:]
        for table in tables {
            for cell in table.cells {
                cells[cell.id] = cell
                rows[cell.row.id, default: []].append(cell)
            }
        }
        self.cellsByID = cells
        self.cellsByRow = rows
    }

    public static let trial2019 = ReportForm(version: .trial2019)
    public static let revised2021 = ReportForm(version: .revised2021)

    /// The edition `version` describes.
    public static func edition(_ version: FormVersion) -> ReportForm {
        version == .trial2019 ? trial2019 : revised2021
    }

    /// The edition a report on `year` must use.
    public static func required(forReportYear year: Int) -> ReportForm {
        edition(.required(forReportYear: year))
    }

    public func table(_ id: TableID) -> FormTable { tables.first { $0.id == id }! }

    /// Every cell in print order.
    public var cells: [CellSpec] { tables.flatMap(\.cells) }
}

extension ReportForm {
    /// The printed label of the row or row group with `id` (e.g. `requests.results.other`), so
    /// that texts about rows quote the form instead of spelling its labels again.
    public func label(ofRow id: String) -> String {
        for table in tables {
            if let leaf = table.leafRows.first(where: { $0.id == id }) { return leaf.row.label }
            if let label = Self.groupLabel(id, in: table.rows, path: [table.id.rawValue]) { return label }
        }
        preconditionFailure("no row \(id) in the \(version.rawValue) form")
    }

    private static func groupLabel(_ id: String, in nodes: [RowNode], path: [String]) -> String? {
        for case .group(let group) in nodes {
            let inner = group.id.map { path + [$0] } ?? path
            if inner.joined(separator: ".") == id { return group.label }
            if let label = groupLabel(id, in: group.children, path: inner) { return label }
        }
        return nil
    }

    /// The labels of the columns of table `table`'s first row, in order.
    public func columnLabels(of table: TableID) -> [String] {
        self.table(table).leafRows.first?.row.columns.map(\.label) ?? []
    }
}
