import ReportForm

/// One level of a table's row tree as `TableReader` reads it, worked out once per edition: the
/// labels to match, each label's twin in the other edition, and each row's id and cells. Read
/// again for every group of every report, these were a fifth of loading 20,000 reports.
final class RowLevel: Sendable {
    /// A row of this level, with what reading its cells needs. A class: readers pass it around
    /// for every row of every report.
    final class RowPlan: Sendable {
        let row: Row
        /// `requests.received`.
        let id: String
        let cells: [CellSpec]
        let columnLabels: [String]
        /// The same, as bytes, for `TablesFastPath`.
        let columnLabelBytes: [[UInt8]]
        /// The columns of the row with the same label in the other edition (none if it has none).
        let otherColumns: [Column]

        /// The row `id` of `form`; a row the form does not have (a collapsed group) gets cells made for it.
        init(row: Row, id: String, form: ReportForm, otherColumns: [Column]) {
            (self.row, self.id, self.otherColumns) = (row, id, otherColumns)
            cells = form.cellsByRow[id] ?? row.columns.map { CellSpec(row: LeafRow(id: id, labelPath: [row.label], row: row), column: $0) }
            columnLabels = row.columns.map(\.label)
            columnLabelBytes = columnLabels.map { Array($0.utf8) }
        }
    }

    enum Entry: Sendable {
        case row(RowPlan)
        /// A group: its id path, the level of its rows, and the other edition's row with the
        /// same label, where that edition has one row in its place.
        case group(RowGroup, id: String, children: RowLevel, otherRow: Row?)
    }

    let nodes: [RowNode]
    let labels: [String]
    /// The same, as bytes, for `TablesFastPath`.
    let labelBytes: [[UInt8]]
    let otherNodes: [RowNode]
    let otherLabels: [String]
    /// One per node, in order.
    let entries: [Entry]
    /// The same, split for `TablesFastPath`: each node's row plan, or the level of its group's
    /// rows. Taking an entry out of `entries` copied a group's label, rows and ids for every row
    /// of every report.
    let plans: [RowPlan?]
    let groups: [RowLevel?]

    init(_ nodes: [RowNode], other otherNodes: [RowNode], idPrefix: String, form: ReportForm) {
        self.nodes = nodes
        self.otherNodes = otherNodes
        labels = nodes.map(\.label)
        labelBytes = labels.map { Array($0.utf8) }
        let otherLabels = otherNodes.map(\.label)
        self.otherLabels = otherLabels
        entries = nodes.map { node in
            let twin = otherLabels.firstIndex { $0.bytesEqual(node.label) }.map { otherNodes[$0] }
            switch node {
            case .row(let row):
                let id = idPrefix + "." + row.id
                let otherColumns: [Column] = if case .row(let other)? = twin { other.columns } else { [] }
                return .row(RowPlan(row: row, id: id, form: form, otherColumns: otherColumns))
            case .group(let group):
                let id = group.id.map { idPrefix + "." + $0 } ?? idPrefix
                let otherChildren: [RowNode] = if case .group(let other)? = twin { other.children } else { [] }
                let otherRow: Row? = if case .row(let other)? = twin { other } else { nil }
                return .group(group, id: id, children: RowLevel(group.children, other: otherChildren, idPrefix: id, form: form), otherRow: otherRow)
            }
        }
        plans = entries.map { if case .row(let plan) = $0 { plan } else { nil } }
        groups = entries.map { if case .group(_, _, let children, _) = $0 { children } else { nil } }
    }

    /// The table labels of each edition, as bytes, for `TablesFastPath`.
    static func tableLabels(of form: ReportForm) -> [[UInt8]] {
        form.version == .trial2019 ? trial2019Labels : revised2021Labels
    }

    private static let trial2019Labels = ReportForm.trial2019.tables.map { Array($0.label.utf8) }
    private static let revised2021Labels = ReportForm.revised2021.tables.map { Array($0.label.utf8) }
    private static let trial2019 = tables(of: .trial2019)
    private static let revised2021 = tables(of: .revised2021)

    /// The top level of table `id` of `form`.
    static func table(_ id: TableID, of form: ReportForm) -> RowLevel {
        (form.version == .trial2019 ? trial2019 : revised2021)[id]!
    }

    private static func tables(of form: ReportForm) -> [TableID: RowLevel] {
        let other = ReportForm.edition(form.version.other)
        var levels: [TableID: RowLevel] = [:]
        for table in form.tables {
            levels[table.id] = RowLevel(table.rows, other: other.table(table.id).rows, idPrefix: table.id.rawValue, form: form)
        }
        return levels
    }
}
