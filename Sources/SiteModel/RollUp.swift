import Diagnostics
import Foundation
import ReportForm

/// Roll-up (汇总) reports: an agency whose agency.yaml lists a year under `rollup:` publishes,
/// for that year, statistics that are the cell-by-cell sum of its child agencies' (those whose
/// `parent` is it). Without a `tables.yaml` the sum becomes its tables; with one, every cell is
/// checked against the sum.
public enum RollUp {
    /// The site with each roll-up report's tables summed or checked and the findings added to the
    /// report's own. `folders`, if given, limits the reports changed to those (the others were
    /// summed by an earlier build). `fullTables` gives a report's tables with every cell: its own,
    /// or read again where the report was reduced (`Report.keeping(cells:)`); see `reading(root:)`.
    /// A roll-up may sum roll-ups: those below are summed first.
    public static func apply(
        to site: Site, folders: Set<String>? = nil, fullTables: @escaping (Report) -> ReportTables? = { $0.tables }
    ) -> Site {
        var summer = Summer(agencies: site.agencies, fullTables: fullTables)
        for (agencyIndex, agency) in site.agencies.enumerated() {
            var seen: Set<Int> = []
            for declared in agency.rollup where seen.insert(declared.value).inserted {
                // A declared year without a folder is reported by the loader.
                guard let reportIndex = agency.reports.firstIndex(where: { $0.year == declared.value }) else { continue }
                let folder = agency.reports[reportIndex].folder
                if let folders, !folders.contains(folder) { continue }
                summer.agencies[agencyIndex].reports[reportIndex] = summer.summed(agencyIndex, reportIndex, declared: declared)
            }
        }
        return site.replacing(agencies: summer.agencies)
    }

    /// `fullTables` for `apply`: a reduced report's tables read again from `root`.
    public static func reading(root: URL, config: SiteConfig) -> (Report) -> ReportTables? {
        let options = TextFile.Options(config)
        return { report in
            guard let tables = report.tables, tables.isReduced else { return report.tables }
            guard case .success(let file) = TextFile.read(root.path + "/" + report.tablesFile, path: report.tablesFile, options: options)
            else { return nil }
            return TablesLoader.load(file.text, file: file.path, year: report.year).0
        }
    }

    /// Sums roll-ups, each once, deepest first.
    private struct Summer {
        var agencies: [Agency]
        let fullTables: (Report) -> ReportTables?
        private var summedTables: [String: ReportTables?] = [:]
        private var inProgress: Set<String> = []

        /// Indices of each agency's children, by the parent's slug.
        private let children: [String: [Int]]

        init(agencies: [Agency], fullTables: @escaping (Report) -> ReportTables?) {
            self.agencies = agencies
            self.fullTables = fullTables
            children = Dictionary(grouping: agencies.indices.filter { agencies[$0].parent != nil }) { agencies[$0].parent!.value }
        }

        mutating func summed(_ agencyIndex: Int, _ reportIndex: Int, declared: Located<Int>) -> Report {
            let report = agencies[agencyIndex].reports[reportIndex]
            inProgress.insert(report.folder)
            defer { inProgress.remove(report.folder) }
            let slug = agencies[agencyIndex].slug
            var summands: [(slug: String, tables: ReportTables?)] = []
            var sources: [String] = []
            for index in children[slug] ?? [] {
                let child = agencies[index]
                let reportIndex = child.reports.firstIndex { $0.year == report.year }
                if let reportIndex { sources.append(child.reports[reportIndex].folder) }
                summands.append((child.slug, reportIndex.flatMap { tables(index, $0) }))
            }
            // A roll-up read from the cache holds only some cells; its file has them all.
            var own = report
            if report.tables?.isReduced == true { own.tables = fullTables(report) }
            var result = RollUp.sum(own, declared: declared, children: summands)
            result.rollupSources = sources
            summedTables[report.folder] = result.tables
            return result
        }

        /// A child's tables with every cell: summed first when it is a roll-up itself.
        private mutating func tables(_ agencyIndex: Int, _ reportIndex: Int) -> ReportTables? {
            let agency = agencies[agencyIndex]
            let report = agency.reports[reportIndex]
            guard let declared = agency.rollup.first(where: { $0.value == report.year }) else { return fullTables(report) }
            if let done = summedTables[report.folder] { return done }
            guard !inProgress.contains(report.folder) else { return nil }  // parents in a circle
            return summed(agencyIndex, reportIndex, declared: declared).tables
        }
    }

    fileprivate static func sum(_ report: Report, declared: Located<Int>, children: [(slug: String, tables: ReportTables?)]) -> Report {
        var report = report
        let form = report.tables?.form ?? report.requiredForm
        var missing: [String] = []
        var summed: [(slug: String, tables: ReportTables)] = []
        for child in children.sorted(by: { $0.slug < $1.slug }) {
            guard let tables = child.tables else {
                missing.append(child.slug)
                continue
            }
            guard tables.version == form.version else {
                report.findings.append(Rule.rollupFormMismatch.finding(
                    "下级机关 \(child.slug) 的\(report.year)年度统计表是\(tables.version.displayName)，汇总机关是\(form.version.displayName)，不能逐格相加",
                    gist: "child \(child.slug) uses another form edition than the roll-up",
                    at: tables.tableLocations.values.min() ?? SourceLocation(file: tables.file), expected: form.version.displayName,
                    found: tables.version.displayName))
                continue
            }
            summed.append((child.slug, tables))
        }
        if !missing.isEmpty || summed.isEmpty {
            let names = missing.isEmpty ? "没有下级机关" : "下级机关 " + missing.joined(separator: "、") + " 没有\(report.year)年度报告或统计表"
            report.findings.append(Rule.rollupChildren.finding(
                "\(report.year)年度声明为汇总，但\(names)", gist: "roll-up is missing children", at: declared.location,
                hint: "每个下级机关的 agency.yaml 写 parent: \(report.agency)。"))
        }
        guard !summed.isEmpty else { return report }
        var values = [CellValue?](repeating: nil, count: form.cells.count)
        for cell in form.cells {
            var total: Int64 = 0
            var (scale, decimals) = (0, 0)
            var complete = true
            for (_, tables) in summed {
                guard let value = tables.value(at: cell.index) else {
                    complete = false
                    break
                }
                total += value.minorUnits
                scale = value.scale
                decimals = max(decimals, value.decimals)
            }
            if complete {
                values[cell.index] = CellValue(minorUnits: total, scale: scale, location: declared.location, isComputed: true, decimals: decimals)
            }
        }
        let sources = summed.map(\.slug)
        guard let given = report.tables else {
            var tables = ReportTables(
                file: "Content/\(report.agency)/agency.yaml", form: form, cellValues: values, collapsedRows: [:], tableLocations: [:])
            tables.rolledUpFrom = sources
            report.tables = tables
            return report
        }
        for cell in form.cells {
            guard let expected = values[cell.index], let found = given.value(at: cell.index), !found.isComputed,
                found.minorUnits != expected.minorUnits
            else { continue }
            let terms = summed.compactMap { slug, tables in tables.value(at: cell.index).map { "\(slug) \($0.text)" } }
            report.findings.append(Rule.rollupMismatch.finding(
                "「\(cell.displayName)」应为下级机关之和 \(expected.text)，本表为 \(found.text)（\(terms.joined(separator: " + "))）",
                gist: "roll-up cell \(cell.id) differs from the sum of the children", at: found.location, cell: cell.id,
                expected: expected.text, found: found.text, terms: terms))
        }
        var tables = given
        tables.rolledUpFrom = sources
        report.tables = tables
        return report
    }
}
