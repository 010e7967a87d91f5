import Diagnostics
import ReportForm
import SiteModel

/// Consistency between consecutive years of one agency.
enum CrossYearRules {
    /// Every cell a cross-year link reads, on either side, in any pair of editions.
    static let cells: Set<CellID> = {
        var cells: Set<CellID> = []
        for now in FormVersion.allCases {
            for before in FormVersion.allCases {
                for link in ReportForm.edition(now).crossYearLinks(from: before) {
                    cells.insert(link.cell)
                    switch link.kind {
                    case .carriedOver(let lastYear): cells.insert(lastYear)
                    case .stock(let added, let removed): cells.formUnion([added, removed])
                    }
                }
            }
        }
        return cells
    }()

    static func check(_ reports: [Report]) -> [Finding] {
        var findings: [Finding] = []
        for (previous, current) in zip(reports, reports.dropFirst()) where current.year == previous.year + 1 {
            guard let now = current.tables, let before = previous.tables else { continue }
            for link in now.form.crossYearLinks(from: before.version) {
                guard let value = now[link.cell], !value.isComputed || link.cell.hasSuffix("total") else { continue }
                let spec = now.form.cellsByID[link.cell]
                switch link.kind {
                case .carriedOver(let lastYear):
                    guard let last = before[lastYear], last.minorUnits != value.minorUnits else { continue }
                    findings.append(Rule.carryOverMismatch.finding(
                        "「\(spec?.displayName ?? link.cell)」为 \(value.text)，但\(previous.year)年度报告的「\(before.form.cellsByID[lastYear]?.row.row.label ?? lastYear)」为 \(last.text)（\(last.location.description)）",
                        gist: "carried over \(value.text), last year carried forward \(last.text)", at: value.location,
                        cell: link.cell, expected: last.text, found: value.text))
                case .stock(let added, let removed):
                    guard let last = before[link.cell], let plus = now[added], let minus = now[removed] else { continue }
                    let expected = last.minorUnits + plus.minorUnits - minus.minorUnits
                    guard expected != value.minorUnits else { continue }
                    findings.append(Rule.stockDrift.finding(
                        "「\(spec?.displayName ?? link.cell)」为 \(value.text)，按上年 \(last.text) ＋ \(now.form.cellsByID[added]?.column.label ?? added) \(plus.text) － \(now.form.cellsByID[removed]?.column.label ?? removed) \(minus.text) 应为 \(expected)",
                        gist: "stock \(value.text), expected \(expected) from last year", at: value.location, cell: link.cell,
                        expected: String(expected), found: value.text,
                        terms: ["\(previous.year):\(link.cell)=\(last.text)", "\(added)=\(plus.text)", "\(removed)=\(minus.text)"]))
                }
            }
        }
        return findings
    }
}
