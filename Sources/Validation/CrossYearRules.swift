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

    /// A link with its cells' positions in the two editions' cell lists, found once: looking
    /// cells up by id, for each pair of consecutive reports, was a tenth of a one-edit rebuild
    /// at 20,000 reports.
    struct Placed {
        let link: CrossYearLink
        let cell: Int
        /// A computed total is checked; other computed cells follow from their parts.
        let counted: Bool
        let lastYear, added, removed: Int?
    }

    private static let placed: [FormVersion: [FormVersion: [Placed]]] = Dictionary(
        uniqueKeysWithValues: FormVersion.allCases.map { version in
            (version, Dictionary(uniqueKeysWithValues: FormVersion.allCases.map { ($0, place(version, from: $0)) }))
        })

    private static func place(_ version: FormVersion, from previous: FormVersion) -> [Placed] {
        let (now, before) = (ReportForm.edition(version), ReportForm.edition(previous))
        return now.crossYearLinks(from: previous).compactMap { link in
            guard let cell = now.cellsByID[link.cell]?.index else { return nil }
            let counted = link.cell.hasSuffix("total")
            switch link.kind {
            case .carriedOver(let lastYear):
                return Placed(
                    link: link, cell: cell, counted: counted, lastYear: before.cellsByID[lastYear]?.index, added: nil, removed: nil)
            case .stock(let added, let removed):
                return Placed(
                    link: link, cell: cell, counted: counted, lastYear: before.cellsByID[link.cell]?.index,
                    added: now.cellsByID[added]?.index, removed: now.cellsByID[removed]?.index)
            }
        }
    }

    static func check(_ reports: [Report]) -> [Finding] {
        var findings: [Finding] = []
        for (previous, current) in zip(reports, reports.dropFirst()) where current.year == previous.year + 1 {
            guard let now = current.tables, let before = previous.tables else { continue }
            for placed in placed[now.version]?[before.version] ?? [] {
                let link = placed.link
                guard let value = now.value(at: placed.cell), !value.isComputed || placed.counted else { continue }
                switch link.kind {
                case .carriedOver(let lastYear):
                    guard let last = placed.lastYear.flatMap(before.value(at:)), last.minorUnits != value.minorUnits else { continue }
                    let spec = now.form.cellsByID[link.cell]
                    findings.append(Rule.carryOverMismatch.finding(
                        "「\(spec?.displayName ?? link.cell)」为 \(value.text)，但\(previous.year)年度报告的「\(before.form.cellsByID[lastYear]?.row.row.label ?? lastYear)」为 \(last.text)（\(last.location.description)）",
                        gist: "carried over \(value.text), last year carried forward \(last.text)", at: value.location,
                        cell: link.cell, expected: last.text, found: value.text))
                case .stock(let added, let removed):
                    guard let last = placed.lastYear.flatMap(before.value(at:)), let plus = placed.added.flatMap(now.value(at:)),
                        let minus = placed.removed.flatMap(now.value(at:))
                    else { continue }
                    let expected = last.minorUnits + plus.minorUnits - minus.minorUnits
                    guard expected != value.minorUnits else { continue }
                    let spec = now.form.cellsByID[link.cell]
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
