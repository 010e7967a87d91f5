import Diagnostics
import PrintReport
import Typesetting
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
    /// `fonts` are the print faces; without them no PDF is made (`--no-pdf`).
    public static func build(_ site: Site, findings: [Finding], theme: Theme, fonts: FontSet? = nil) throws -> BuildResult {
        let website = Website(site.config)
        let agencies = Dictionary(site.agencies.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var files: [OutputFile] = []

        // Report pages and their data, one task per report; only the joining is sequential.
        let jobs = site.agencies.flatMap { agency in agency.reports.indices.map { (agency, $0) } }
        let rendered = Mutex([ReportOutput?](repeating: nil, count: jobs.count))
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let (agency, position) = jobs[index]
            let output = ReportOutput(agency: agency, position: position, website: website, theme: theme, fonts: fonts)
            rendered.withLock { $0[index] = output }
        }
        var search = SearchIndex()
        var allJSON: [String] = []
        var allCSV = [CSVText.byteOrderMark + OpenData.wideHeader]
        var pages: [(path: String, published: PublicationDate?)] = []
        var entries: [Feeds.Entry] = []
        var printFindings: [Finding] = []
        for case let output? in rendered.withLock({ $0 }) {
            printFindings += output.findings
            files += output.files
            allJSON.append(output.jsonForAll)
            allCSV.append(output.csvRows)
            search.add(output.document, tokens: output.tokens)
            pages.append((output.path, output.published))
            entries.append(output.entry)
        }

        let listed = site.agencies.filter { !$0.reports.isEmpty }
        let agencyPages = Mutex([String](repeating: "", count: listed.count))
        DispatchQueue.concurrentPerform(iterations: listed.count) { index in
            let agency = listed[index]
            let page = AgencyPage.render(agency, parent: agency.parent.flatMap { agencies[$0.value] }, website: website, theme: theme)
            agencyPages.withLock { $0[index] = page }
        }
        for (agency, page) in zip(listed, agencyPages.withLock { $0 }) {
            files.append(OutputFile(SitePaths.agency(agency.slug), text: page))
            pages.append((SitePaths.agency(agency.slug), agency.reports.compactMap(ReportPage.publication).max()))
        }
        files.append(OutputFile(SitePaths.home, text: IndexPage.render(site, findings: findings, website: website, theme: theme)))
        files.append(OutputFile(SitePaths.search, text: SearchPage.render(website: website, theme: theme)))
        pages.append((SitePaths.home, entries.compactMap(\.published).max()))

        files += search.files().map { OutputFile($0.path, text: $0.text) }
        let catalogue = OpenData.cellCatalogue()
        files.append(OutputFile("data/all.json", text: JSONText.object([("cells", catalogue.json), ("reports", JSONText.array(allJSON, indent: "  "))]) + "\n"))
        files.append(OutputFile("data/cells.csv", text: catalogue.csv))
        files.append(OutputFile("data/all.csv", text: allCSV.joined()))
        files.append(OutputFile("sitemap.xml", text: Feeds.sitemap(pages: pages.sorted { $0.path < $1.path }, website: website)))
        files.append(OutputFile("feed.xml", text: Feeds.atom(entries, website: website)))
        files.append(OutputFile("robots.txt", text: Feeds.robots(website: website)))
        for asset in theme.assets {
            files.append(OutputFile(path: "assets/" + asset.path, contents: try Data(contentsOf: asset.file)))
        }
        files.sort { $0.path < $1.path }
        return BuildResult(files: files, findings: printFindings + checkLinks(files, site: site, website: website))
    }

    /// What one report contributes to the site, made in parallel with the other reports.
    struct ReportOutput {
        let path: String
        let files: [OutputFile]
        let tokens: Set<String>
        let jsonForAll: String
        let csvRows: String
        let published: PublicationDate?
        let document: SearchIndex.Document
        let entry: Feeds.Entry
        /// Characters the print fonts lack.
        let findings: [Finding]

        init(agency: Agency, position: Int, website: Website, theme: Theme, fonts: FontSet?) {
            let reports = agency.reports
            let report = reports[position]
            let title = ReportPage.title(report, agency: agency)
            let agencyName = agency.name?.value ?? agency.slug
            let pdf = fonts.map {
                ReportPDF.make(report, title: title, agencyName: agencyName, fonts: $0, producer: "nianbao \(NianbaoVersion.current)")
            }
            let page = ReportPage.render(
                report, agency: agency, previous: position > 0 ? reports[position - 1] : nil,
                next: position + 1 < reports.count ? reports[position + 1] : nil, website: website, theme: theme,
                pdfPages: pdf?.pages)
            path = SitePaths.report(agency.slug, report.year)
            published = ReportPage.publication(report)
            findings = pdf?.findings ?? []
            files = [
                OutputFile(path, text: page.html),
                OutputFile(SitePaths.reportFile(agency.slug, report.year, "print.html"), text: page.print),
                OutputFile(SitePaths.reportFile(agency.slug, report.year, "data.json"), text: OpenData.json(report, agency: agency) + "\n"),
                OutputFile(SitePaths.reportFile(agency.slug, report.year, "data.csv"), text: OpenData.csv(report, agency: agency)),
            ] + (pdf.map { [OutputFile(path: SitePaths.reportFile(agency.slug, report.year, "report.pdf"), contents: Data($0.pdf))] } ?? [])
            jsonForAll = OpenData.values(report, agency: agency)
            csvRows = OpenData.wideRow(report, agency: agency)
            document = SearchIndex.Document(
                url: SitePaths.link(from: SitePaths.home, to: path), title: title, agency: agencyName, published: published?.iso ?? "")
            entry = Feeds.Entry(path: path, title: title, agency: agencyName, published: published)
            tokens = SearchIndex.tokens(of: document, text: page.text)
        }
    }

    /// Broken internal links, placed in report.md where the link is written there. Pages are
    /// scanned in parallel, then each link is looked up in the set of files and their ids.
    static func checkLinks(_ files: [OutputFile], site: Site, website: Website) -> [Finding] {
        let pages = files.filter { $0.path.hasSuffix(".html") }
        let scanned = Mutex([(ids: [String], links: [(value: String, offset: Int)])?](repeating: nil, count: pages.count))
        DispatchQueue.concurrentPerform(iterations: pages.count) { index in
            let found = LinkChecker.attributes(in: String(decoding: pages[index].contents, as: UTF8.self))
            scanned.withLock { $0[index] = found }
        }
        let attributes = scanned.withLock { $0 }.map { $0! }
        var checker = LinkChecker(paths: files.map(\.path), baseURL: website.baseURL)
        for (page, found) in zip(pages, attributes) { checker.addPage(page.path, ids: found.ids) }
        let reports = Dictionary(
            site.reports.map { (SitePaths.report($0.agency, $0.year), $0) }, uniquingKeysWith: { first, _ in first })
        var findings: [Finding] = []
        for (page, found) in zip(pages, attributes) {
            let html = { String(decoding: page.contents, as: UTF8.self) }
            findings += checker.check(page.path, links: found.links, html: html) { path, href in
                guard let report = reports[path] else { return nil }
                return report.document.location(ofText: "](" + href, file: report.reportFile, skip: 2)
            }
        }
        return findings
    }
}
