import Diagnostics
import ReportForm

/// The statistics of one report as read from `tables.yaml`.
public struct ReportTables: Sendable {
    /// The path of `tables.yaml` relative to the site root.
    public let file: String
    /// The edition the tables are written in (normally the one the year requires; see `form-version`).
    public let version: FormVersion
    /// Every cell read or computed, by id.
    public let values: [CellID: CellValue]
    /// Rows written in the other edition's shape where this edition splits them, by the id of
    /// the group they stand for plus the column: 「（六）其他处理」 as one row on the 2021 form is
    /// `requests.results.other.<column>`.
    public let collapsedRows: [String: CellValue]
    /// Where each table starts, for findings about a whole table.
    public let tableLocations: [TableID: SourceLocation]

    public var form: ReportForm { .edition(version) }

    /// The value of a cell, if it was written or computed.
    public subscript(_ cell: CellID) -> CellValue? { values[cell] }

    /// The sum of `cells`, standing in a collapsed row for the sub-rows it replaces. Nil when a
    /// cell has no value (an invalid or missing cell was reported already).
    public func sum(_ cells: [CellID]) -> (total: Int64, terms: [(cell: CellID, value: CellValue)])? {
        var total: Int64 = 0
        var terms: [(CellID, CellValue)] = []
        var usedCollapsed: Set<String> = []
        for cell in cells {
            if let value = values[cell] {
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

    /// Just the total of `sum(_:)`, without collecting the terms: the rules ask this first, for
    /// every identity of every report, and want the terms only when it does not add up.
    public func total(_ cells: [CellID]) -> Int64? {
        guard collapsedRows.isEmpty else { return sum(cells)?.total }
        var total: Int64 = 0
        for cell in cells {
            guard let value = values[cell] else { return nil }
            total += value.minorUnits
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
}
