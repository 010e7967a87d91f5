import Diagnostics
import Foundation
import Publish
import SiteModel
import Synchronization

/// The files made from all reports once each report is rendered, in two passes that share
/// nothing but what they read, so that they run at the same time: `listings` (the search
/// index, `data/all.*`, the sitemap and the feed) and `pages` (the agency pages, the home page,
/// the task lists and the dashboard). One after the other they took a ninth of a full build
/// of 20,000 reports, on one core while the other waited.
struct SiteWidePages {
    let site: Site
    let findings: [Finding]
    let website: Website
    let theme: Theme
    let writer: ScanningWriter
    let previous: PreviousBuild?
    let jobs: [(agency: Int, report: Int)]
    /// The positions in `jobs` of the reports rendered now.
    let toRender: [Int]
    /// The reports rendered now, by position in `jobs`.
    let outputs: [Int: SiteBuilder.ReportOutput]
    /// Every report's artifacts, in the order of `jobs`.
    let artifacts: [ReportArtifacts]
    /// Whether a report rendered now changed its search document, sitemap or feed entry.
    let listingsChanged: Bool
    /// Whether a report rendered now changed its rows of `data/all.*`.
    let dataChanged: Bool

    /// Both passes at once: the files they wrote (the pages' first), and the digests of what
    /// the site-wide pages show (`BuildResult.digests`).
    func make() throws -> (files: [Manifest.Entry], digests: [String: String]) {
        let results = Mutex<[Int: Result<([Manifest.Entry], [String: String]), any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: 2) { pass in
            let result = Result { pass == 0 ? try pages() : (try listings(), [:]) }
            results.withLock { $0[pass] = result }
        }
        let (pageFiles, digests) = try results.withLock { $0[0]! }.get()
        let (listingFiles, _) = try results.withLock { $0[1]! }.get()
        return (pageFiles + listingFiles, digests)
    }

    private func report(_ job: (agency: Int, report: Int)) -> (Report, Agency) {
        let agency = site.agencies[job.agency]
        return (agency.reports[job.report], agency)
    }

    // MARK: - Listings

    /// The search index, `data/all.*`, the sitemap and the feed, where what they list changed.
    private func listings() throws -> [Manifest.Entry] {
        var files: [Manifest.Entry] = []
        func write(_ path: String, _ text: String) throws { files.append(try writer.write(OutputFile(path, text: text))) }
        var reports = SiteBuilder.ReportListing(website: website)
        var search = listingsChanged ? SearchIndex() : SearchIndex(unlisted: jobs.count)
        for (number, job) in jobs.enumerated() where listingsChanged || dataChanged {
            let (report, agency) = report(job)
            if listingsChanged {
                let document = reports.add(report, agency: agency)
                if previous == nil, let output = outputs[number] {
                    search.add(document, tokens: output.tokens)
                } else {
                    search.add(document)
                }
            }
            if dataChanged { reports.addData(artifacts[number]) }
        }
        if let previous {
            if listingsChanged { try write("search-index.json", search.documentList()) }
            let changes = outputs.map { number, output in
                SearchIndex.Change(document: number, old: Set(previous.tokens[output.folder] ?? []), new: output.tokens)
            }
            guard let shards = search.patchedShards(changes, read: previous.text) else {
                throw IncrementalBuildUnavailable(reason: "search shards of the previous build cannot be read")
            }
            for file in shards { try write(file.path, file.text) }
        } else {
            try write(SitePaths.search, SearchPage.render(website: website, theme: theme))
            for file in search.files() { try write(file.path, file.text) }
        }
        if dataChanged {
            let catalogue = OpenData.cellCatalogue()
            try write("data/all.json", JSONText.object([("cells", catalogue.json), ("reports", JSONText.array(reports.allJSON, indent: "  "))]) + "\n")
            try write("data/all.csv", reports.allCSV.joined())
        }
        if listingsChanged {
            // The sitemap lists the agency pages, the home page, the task lists and the
            // dashboard beside the reports; the other pass writes them.
            for agency in site.agencies where !agency.reports.isEmpty {
                reports.pages.append((SitePaths.agency(agency.slug), agency.reports.compactMap(\.publicationDate).max()))
            }
            reports.pages.append((SitePaths.home, reports.entries.compactMap(\.published).max()))
            for list in site.taskLists { reports.pages.append((SiteLayout.taskList(list.id), nil)) }
            reports.pages.append((SiteLayout.compliance, nil))
            try write("sitemap.xml", Feeds.sitemap(pages: reports.pages.sorted { $0.path < $1.path }, website: website))
            try write("feed.xml", Feeds.atom(reports.entries, website: website))
        }
        return files
    }

    // MARK: - Pages

    /// The agency pages of the agencies with a report rendered now, and the home page, the task
    /// lists and the dashboard where what they show changed.
    private func pages() throws -> ([Manifest.Entry], [String: String]) {
        var files: [Manifest.Entry] = []
        func write(_ path: String, _ text: String) throws { files.append(try writer.write(OutputFile(path, text: text))) }
        files += try agencyPages()
        // Site-wide pages are made again only when what they show changed (a digest of it is
        // kept in the cache): at 20,000 reports each takes about a second. With the previous
        // build's findings, only the reports rendered now can change what they show, so their
        // lines are compared with those of the reports as that build had them instead.
        var digests = ["findings": SiteBuilder.digest(of: findings)]
        func changed(_ group: String, _ text: String) -> Bool {
            let digest = SHA256.hex(Data(text.utf8))
            digests[group] = digest
            return previous?.digests[group] != digest
        }
        func showsTheSame(_ group: String, line: (Report, Agency) -> String) -> Bool {
            guard let previous, let digest = previous.digests[group], previous.digests["findings"] == digests["findings"],
                toRender.allSatisfy({ index in
                    let (report, agency) = report(jobs[index])
                    return previous.earlier[report.folder].map { line($0, agency) == line(report, agency) } ?? false
                })
            else { return false }
            digests[group] = digest
            return true
        }
        let warnings = IndexPage.warningCounts(findings)
        if !showsTheSame("home", line: { IndexPage.line(IndexPage.listed($0, agency: $1, warnings: warnings)) }) {
            let home = IndexPage.context(site, findings: findings)
            if changed("home", home.digest) { try write(SitePaths.home, IndexPage.render(home.agencies, website: website, theme: theme)) }
        }
        for list in site.taskLists {
            try write(SiteLayout.taskList(list.id), TaskListPage.render(list, site: site, website: website, theme: theme))
        }
        // The dashboard counts the findings of `check` (those passed in), not the build's own.
        let lists = site.taskLists.map { $0.id + "\t" + $0.title + "\n" }.joined()
        if !showsTheSame("compliance", line: { report, _ in Compliance.line(report) }),
            changed("compliance", Compliance.digestText(site: site, findings: findings) + lists)
        {
            let compliance = Compliance(site: site, findings: findings)
            let json = ComplianceData.json(compliance)
            for file in CompliancePage.files(compliance, json: json, taskLists: site.taskLists, website: website, theme: theme) {
                try write(file.path, file.text)
            }
        }
        return (files, digests)
    }

    /// The pages of the agencies with a report rendered now (all of them in a full build).
    private func agencyPages() throws -> [Manifest.Entry] {
        let agencies = Dictionary(site.agencies.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        let remade = Set(toRender.map { site.agencies[jobs[$0].agency].slug })
        let listed = site.agencies.filter { !$0.reports.isEmpty && (previous == nil || remade.contains($0.slug)) }
        let entries = Mutex([Manifest.Entry]())
        let failure = Mutex<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: listed.count) { index in
            let agency = listed[index]
            let page = AgencyPage.render(agency, parent: agency.parent.flatMap { agencies[$0.value] }, website: website, theme: theme)
            do {
                let entry = try writer.write(OutputFile(SitePaths.agency(agency.slug), text: page))
                entries.withLock { $0.append(entry) }
            } catch { failure.withLock { $0 = $0 ?? error } }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return entries.withLock { $0 }
    }
}
