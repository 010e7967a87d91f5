import Diagnostics
import Foundation
import SiteModel
import Synchronization

/// The files of a build and what was found while making them.
public struct BuildResult: Sendable {
    /// Sorted by path.
    public let files: [OutputFile]
    /// Broken links and the like; the build should not be published while one is an error.
    public let findings: [Finding]
}

/// Renders a loaded, validated site into the files of DESIGN §4, in memory. Reports are rendered
/// in parallel; everything is sorted, and no clock is read, so the same site gives the same bytes.
public enum SiteBuilder {
    public static func build(_ site: Site, findings: [Finding], theme: Theme) throws -> BuildResult {
        let website = Website(site.config)
        let agencies = Dictionary(site.agencies.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var files: [OutputFile] = []

        // Report pages and their data, one task per report.
        let jobs = site.agencies.flatMap { agency in agency.reports.indices.map { (agency, $0) } }
        let rendered = Mutex([(html: String, text: String)?](repeating: nil, count: jobs.count))
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let (agency, position) = jobs[index]
            let reports = agency.reports
            let result = ReportPage.render(
                reports[position], agency: agency,
                previous: position > 0 ? reports[position - 1] : nil,
                next: position + 1 < reports.count ? reports[position + 1] : nil, website: website, theme: theme)
            rendered.withLock { $0[index] = result }
        }
        var search = SearchIndex()
        var allJSON: [String] = []
        var allCSV = CSVText.byteOrderMark + CSVText.line(OpenData.csvHeader)
        var pages: [(path: String, published: PublicationDate?)] = []
        var entries: [Feeds.Entry] = []
        for ((agency, position), result) in zip(jobs, rendered.withLock { $0 }) {
            guard let result else { continue }
            let report = agency.reports[position]
            let path = SitePaths.report(agency.slug, report.year)
            let title = ReportPage.title(report, agency: agency)
            let published = ReportPage.publication(report)
            let agencyName = agency.name?.value ?? agency.slug
            files.append(OutputFile(path, text: result.html))
            files.append(OutputFile(SitePaths.reportFile(agency.slug, report.year, "data.json"), text: OpenData.json(report, agency: agency) + "\n"))
            files.append(OutputFile(SitePaths.reportFile(agency.slug, report.year, "data.csv"), text: OpenData.csv(report, agency: agency)))
            allJSON.append(OpenData.json(report, agency: agency, indent: "    "))
            allCSV += OpenData.csvRows(report, agency: agency)
            search.add(
                SearchIndex.Document(url: SitePaths.link(from: SitePaths.home, to: path), title: title, agency: agencyName, published: published?.iso ?? ""),
                text: result.text)
            pages.append((path, published))
            entries.append(Feeds.Entry(path: path, title: title, agency: agencyName, published: published))
        }

        for agency in site.agencies where !agency.reports.isEmpty {
            let parent = agency.parent.flatMap { agencies[$0.value] }
            files.append(OutputFile(SitePaths.agency(agency.slug), text: AgencyPage.render(agency, parent: parent, website: website, theme: theme)))
            pages.append((SitePaths.agency(agency.slug), agency.reports.compactMap(ReportPage.publication).max()))
        }
        files.append(OutputFile(SitePaths.home, text: IndexPage.render(site, findings: findings, website: website, theme: theme)))
        files.append(OutputFile(SitePaths.search, text: SearchPage.render(website: website, theme: theme)))
        pages.append((SitePaths.home, entries.compactMap(\.published).max()))

        files += search.files().map { OutputFile($0.path, text: $0.text) }
        files.append(OutputFile("data/all.json", text: JSONText.object([("reports", JSONText.array(allJSON, indent: "  "))]) + "\n"))
        files.append(OutputFile("data/all.csv", text: allCSV))
        files.append(OutputFile("sitemap.xml", text: Feeds.sitemap(pages: pages.sorted { $0.path < $1.path }, website: website)))
        files.append(OutputFile("feed.xml", text: Feeds.atom(entries, website: website)))
        files.append(OutputFile("robots.txt", text: Feeds.robots(website: website)))
        for asset in theme.assets {
            files.append(OutputFile(path: "assets/" + asset.path, contents: try Data(contentsOf: asset.file)))
        }
        files.sort { $0.path < $1.path }
        return BuildResult(files: files, findings: checkLinks(files, site: site, website: website))
    }

    /// Broken internal links, placed in report.md where the link is written there.
    static func checkLinks(_ files: [OutputFile], site: Site, website: Website) -> [Finding] {
        var checker = LinkChecker(paths: files.map(\.path), baseURL: website.baseURL)
        let pages = files.filter { $0.path.hasSuffix(".html") }.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) }
        for (path, html) in pages { checker.addPage(path, html: html) }
        let reports = Dictionary(
            site.reports.map { (SitePaths.report($0.agency, $0.year), $0) }, uniquingKeysWith: { first, _ in first })
        return pages.flatMap { path, html in
            checker.check(path, html: html) { page, href in
                guard let report = reports[page] else { return nil }
                return report.document.location(ofText: "](" + href, file: report.reportFile, skip: 2)
            }
        }
    }
}
