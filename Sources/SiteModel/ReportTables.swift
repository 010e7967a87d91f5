import Diagnostics
import ReportForm

/// The statistics of one report as read from `tables.yaml`.
public struct ReportTables: Sendable {
    /// The path of `tables.yaml` relative to the site root.
    public let file: String
    /// The edition the tables are written in (normally the one the year requires; see `form-version`).
    public let form: ReportForm
    /// Values by cell index (`ReportForm.cells` order); nil where a cell is missing or invalid.
    /// Empty in tables reduced by `keeping(_:)`, which hold their few cells in `kept`.
    public internal(set) var cellValues: [CellValue?]
    var kept: [Int: CellValue]?
    /// Rows written in the other edition's shape where this edition splits them, by the id of
    /// the group they stand for plus the column: 「（六）其他处理」 as one row on the 2021 form is
    /// `requests.results.other.<column>`.
    public let collapsedRows: [String: CellValue]
    /// Where each table starts, for findings about a whole table.
    public let tableLocations: [TableID: SourceLocation]
    /// For a roll-up report: the child agencies whose tables were summed (`RollUp`).
    public internal(set) var rolledUpFrom: [String] = []

    public var version: FormVersion { form.version }

    init(
        file: String, form: ReportForm, cellValues: [CellValue?], collapsedRows: [String: CellValue],
        tableLocations: [TableID: SourceLocation]
    ) {
        self.file = file
        self.form = form
        self.cellValues = cellValues
        self.collapsedRows = collapsedRows
        self.tableLocations = tableLocations
    }

    /// Whether only some cells are held (`keeping(_:)`): a roll-up must read the file again.
    public var isReduced: Bool { kept != nil }

    /// The value of a cell, if it was written or computed.
    public subscript(_ cell: CellID) -> CellValue? {
        guard let spec = form.cellsByID[cell] else { return nil }
        return value(at: spec.index)
    }

    /// The value of the cell at `index` in `ReportForm.cells`.
    public func value(at index: Int) -> CellValue? {
        if let kept { return kept[index] }
        return cellValues[index]
    }

    /// The sum of `cells` with the cells that make it up, standing in a collapsed row for the
    /// sub-rows it replaces. Nil when a cell has no value (an invalid or missing cell was reported already).
    public func sum(_ cells: [CellID]) -> (total: Int64, terms: [(cell: CellID, value: CellValue)])? {
        var total: Int64 = 0
        var terms: [(CellID, CellValue)] = []
        var usedCollapsed: Set<String> = []
        for cell in cells {
            if let value = self[cell] {
                total += value.minorUnits
                terms.append((cell, value))
            } else if let (key, value) = collapsedRow(covering: cell) {
                if usedCollapsed.insert(key).inserted {
                    total += value.minorUnits
                    terms.append((key, value))
                }
            } else {
                return nil
            }
        }
        return (total, terms)
    }

    /// Just the total of the cells at `indices`: the rules ask this for every identity of every
    /// report, and want the terms (`sum(_:)`) only when it does not add up.
    public func total(_ indices: [Int]) -> Int64? {
        var total: Int64 = 0
        for index in indices {
            if let value = value(at: index) {
                total += value.minorUnits
            } else {
                guard !collapsedRows.isEmpty else { return nil }
                return sum(indices.map { form.cells[$0].id })?.total
            }
        }
        return total
    }

    /// The collapsed row that stands for `cell`, if any.
    public func collapsedRow(covering cell: CellID) -> (String, CellValue)? {
        guard !collapsedRows.isEmpty, let column = cell.split(separator: ".").last else { return nil }
        for (key, value) in collapsedRows where key.hasSuffix("." + column) {
            let group = key.dropLast(column.count + 1)
            if cell.hasPrefix(group + ".") { return (key, value) }
        }
        return nil
    }

    /// Fills in totals the writer left out, from the cells they sum. Group totals first, so
    /// that an omitted （七）总计 row also gets its row total.
    mutating func fillOmittedTotals() {
        // Almost every total is written: only the missing ones cost more than a look.
        for (position, total) in Self.totals(of: form.version) where cellValues[total] == nil {
            // A row written in the other edition's shape stands for its sub-rows as a whole;
            // computing each sub-row's total from it would count it once per sub-row.
            if collapsedRow(covering: form.cells[total].id) != nil { continue }
            guard let (sum, terms) = sum(form.indexedIdentities[position].identity.right), let first = terms.first else { continue }
            cellValues[total] = CellValue(
                minorUnits: sum, scale: first.value.scale, location: first.value.location, isComputed: true,
                decimals: terms.map(\.value.decimals).max())
        }
    }

    /// The identities whose left side is one total cell, with that cell, in the order the
    /// totals are filled: group totals, then row totals, then outcome totals.
    private static func totals(of version: FormVersion) -> [(identity: Int, total: Int)] {
        version == .trial2019 ? trial2019Totals : revised2021Totals
    }

    private static let trial2019Totals = totals(in: .trial2019)
    private static let revised2021Totals = totals(in: .revised2021)

    private static func totals(in form: ReportForm) -> [(identity: Int, total: Int)] {
        [IdentityKind.resultsTotal, .rowTotal, .outcomeTotal].flatMap { kind in
            form.indexedIdentities.indices.compactMap { position in
                let indexed = form.indexedIdentities[position]
                return indexed.identity.kind == kind && indexed.left.count == 1 ? (position, indexed.left[0]) : nil
            }
        }
    }

    /// These tables with only the `selection` kept, in a small dictionary instead of a row per cell of the form.
    func keeping(_ selection: CellSelection) -> ReportTables {
        var values: [Int: CellValue] = [:]
        for index in selection.indices(in: form) {
            if let value = value(at: index) { values[index] = value }
        }
        // Collapsed rows stay: a sum over the kept cells may need them.
        var reduced = ReportTables(file: file, form: form, cellValues: [], collapsedRows: collapsedRows, tableLocations: tableLocations)
        reduced.kept = values
        reduced.rolledUpFrom = rolledUpFrom
        return reduced
    }
}
