import Diagnostics
import Foundation
import ReportForm
import SiteModel
import Synchronization

/// Runs every rule over a loaded site. Reports are checked in parallel; rules that need more
/// than one report (across years) run per agency afterwards.
public enum Validator {
    /// All findings for `site`, sorted by file and position.
    public static func validate(_ site: Site) -> [Finding] {
        validate(site).all
    }

    /// All findings for `site`, each report's own (those of rules on one report) by folder, and
    /// those of the rules across years by agency (where there are any). A report for which
    /// `reusing` gives findings is not checked again: its findings are those (the build cache's,
    /// for a report whose files have not changed), and `perReport` leaves it out. An agency
    /// whose reports are all reused takes its findings across years from `crossYear`, when given
    /// (the last build's); the other rules across reports always run.
    public static func validate(
        _ site: Site, reusing: @Sendable (String) -> [Finding]? = { _ in nil }, crossYear previous: [String: [Finding]]? = nil
    ) -> (all: [Finding], perReport: [String: [Finding]], crossYear: [String: [Finding]]) {
        let reports = site.reports
        var chunks = reports.map { reusing($0.folder) }
        // At 20,000 reports with one changed, a table of all their findings cost more than the check.
        let isFresh = chunks.map { $0 == nil }
        let fresh = isFresh.indices.filter { isFresh[$0] }
        let agencies = Dictionary(uniqueKeysWithValues: site.agencies.map { ($0.slug, $0) })
        let checked = Mutex([Int: [Finding]]())
        let contacts = PublicContacts(site.config["public_contacts"]?.value)
        let source = SiteSource(root: site.root, config: site.config)
        DispatchQueue.concurrentPerform(iterations: fresh.count) { index in
            let report = reports[fresh[index]]
            let findings = validate(report, agency: agencies[report.agency], contacts: contacts, source: source)
            checked.withLock { $0[fresh[index]] = findings }
        }
        var perReport: [String: [Finding]] = [:]
        for (index, findings) in checked.withLock({ $0 }) {
            chunks[index] = findings
            perReport[reports[index].folder] = findings
        }
        var findings = site.findings + WebRules.check(site.config)
        for chunk in chunks { findings += chunk ?? [] }
        var crossYear: [String: [Finding]] = [:]
        var position = 0
        for agency in site.agencies {
            // Consecutive reports of one agency only: unchanged reports give the same findings.
            let own = position..<(position + agency.reports.count)
            position = own.upperBound
            let unchanged = previous != nil && !own.contains { isFresh[$0] }
            let found = unchanged ? previous?[agency.slug] ?? [] : CrossYearRules.check(agency.reports)
            if !found.isEmpty { crossYear[agency.slug] = found }
            findings += found
        }
        findings += TaskRules.check(site)
        findings += PrivacyRules.check(site, allowed: contacts, source: source)
        return (findings.sortedForReport(), perReport, crossYear)
    }

    /// The cells rules across reports read: a report reduced to these (`Report.keeping(cells:)`)
    /// still gives them the same findings.
    public static var crossReportCells: Set<CellID> { CrossYearRules.cells }

    /// Loads and checks the site at `root`, report by report as they are read, keeping in memory
    /// only what the rules across years need. Same findings as `validate(_:)` on the whole site.
    public static func check(root: URL) throws(SiteLoadError) -> (site: Site, findings: [Finding]) {
        try check(root: root, reuse: nil, reusedFindings: { _ in [] })
    }

    /// `check(root:)` where `reuse` may supply a report instead of reading its folder (the build
    /// cache's, for one whose files have not changed), with its findings from `reusedFindings`.
    public static func check(
        root: URL, reuse: (@Sendable (String, Agency, Int) -> Report?)?, reusedFindings: @escaping @Sendable (Report) -> [Finding]
    ) throws(SiteLoadError) -> (site: Site, findings: [Finding]) {
        let collected = Mutex([Finding]())
        let cells = CellSelection(CrossYearRules.cells)
        var ignored: [Finding] = []  // the loader reports them
        let config = SiteLoader.loadConfig(root: root, into: &ignored)
        let contacts = PublicContacts(config["public_contacts"]?.value)
        let source = SiteSource(root: root, config: config)
        let visit: @Sendable (Report, Agency) -> Report = { report, agency in
            // A roll-up is checked once its children are summed (after loading).
            if agency.rollsUp(report.year) { return report }
            let findings = validate(report, agency: agency, contacts: contacts, source: source)
            collected.withLock { $0 += findings }
            return report.keeping(cells)
        }
        var reusing: (@Sendable (String, Agency, Int) -> Report?)?
        if let reuse {
            reusing = { (folder: String, agency: Agency, year: Int) -> Report? in
                // A roll-up's findings depend on its children's files too: always read again.
                guard !agency.rollsUp(year), let report = reuse(folder, agency, year) else { return nil }
                let findings = reusedFindings(report)
                collected.withLock { $0 += findings }
                return report
            }
        }
        let site = try SiteLoader.load(root: root, visit: visit, reuse: reusing)
        var findings = site.findings + WebRules.check(site.config) + collected.withLock { $0 }
        // Each agency's roll-ups and rules across years need its reports alone: on all cores,
        // as one core alone took the last 0.05 s of a `check` of 20,000 reports.
        let agencies = site.agencies
        let perAgency = Mutex([[Finding]](repeating: [], count: agencies.count))
        DispatchQueue.concurrentPerform(iterations: agencies.count) { index in
            let agency = agencies[index]
            var found: [Finding] = []
            for report in agency.reports where agency.rollsUp(report.year) {
                found += validate(report, agency: agency, contacts: contacts, source: source)
            }
            found += CrossYearRules.check(agency.reports)
            if !found.isEmpty { perAgency.withLock { $0[index] = found } }
        }
        for found in perAgency.withLock({ $0 }) { findings += found }
        findings += TaskRules.check(site)
        findings += PrivacyRules.check(site, allowed: contacts, source: source)
        return (site, findings.sortedForReport())
    }

    /// The findings of one report on its own. `contacts` are the office's published contacts,
    /// which the privacy rules allow; `source` lets them place a finding in a YAML value at its
    /// column (without it, at the value's start).
    public static func validate(_ report: Report, agency: Agency?, contacts: PublicContacts = .none, source: SiteSource? = nil) -> [Finding] {
        var findings = report.findings
        findings += StructureRules.check(report)
        findings += FrontMatterRules.check(report, agency: agency)
        findings += PublicationRules.check(report, agency: agency)
        if let tables = report.tables { findings += ArithmeticRules.check(tables) }
        findings += NarrativeRules.check(report)
        findings += WebRules.check(report)
        findings += PrivacyRules.check(report, allowed: contacts, source: source)
        return findings
    }
}
