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
        var tables: [FormTable] = [.activeDisclosure(version), .requests(version), .appeals]
        var next = 0
        for t in tables.indices {
            for c in tables[t].cells.indices {
                tables[t].cells[c].index = next
                next += 1
            }
        }
        self.tables = tables
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
        self.cells = tables.flatMap(\.cells)
        self.indexedIdentities = identities.map { identity in
            IndexedIdentity(
                identity: identity, left: identity.left.map { cells[$0]!.index }, right: identity.right.map { cells[$0]!.index })
        }
        var terms: [Int] = []
        identitySides = indexedIdentities.map { indexed in
            let left = terms.count..<terms.count + indexed.left.count
            terms += indexed.left + indexed.right
            return IdentitySides(left: left, right: left.upperBound..<terms.count)
        }
        identityTerms = terms
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

    /// Every cell in print order; a cell's `index` is its position here.
    public let cells: [CellSpec]
    /// The identities with their cells as indices into `cells`, for sums without lookups.
    public let indexedIdentities: [IndexedIdentity]
    /// The cells of every identity in `indexedIdentities`, its left side then its right, one
    /// identity after another: `identitySides` says which are whose. Summing every identity of
    /// every report through `indexedIdentities` took a reference count per side, on arrays
    /// every thread shares.
    public let identityTerms: [Int]
    /// One per identity, in the order of `indexedIdentities`.
    public let identitySides: [IdentitySides]
}

/// Where an identity's two sides are in `ReportForm.identityTerms`.
public struct IdentitySides: Sendable, Hashable {
    public let left: Range<Int>
    public let right: Range<Int>
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
