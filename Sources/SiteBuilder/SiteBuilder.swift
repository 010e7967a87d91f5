import Diagnostics
import PrintReport
import Publish
import Typesetting
import Foundation
import SiteModel
import Synchronization

/// The files of a build and what was found while making them.
public struct BuildResult: Sendable {
    /// Sorted by path; empty when the files went to a sink as they were made.
    public let files: [OutputFile]
    /// The paths written, sorted.
    public let paths: [String]
    /// Broken links and the like; the build should not be published while one is an error.
    public let findings: [Finding]
}

/// Receives each file of a build as soon as it is made, possibly from several threads at once.
public typealias FileSink = @Sendable (OutputFile) throws -> Void

/// Renders a loaded, validated site into the files of DESIGN §4. Reports are rendered in
/// parallel and their files handed to the sink at once, so a large site is never held in memory
/// whole; only what the indexes and the link check need is kept. No clock is read, so the same
/// site gives the same bytes.
public enum SiteBuilder {
    /// Builds into memory: every file, sorted by path.
    public static func build(_ site: Site, findings: [Finding], theme: Theme, fonts: FontSet? = nil) throws -> BuildResult {
        let collected = Mutex([OutputFile]())
        let result = try build(site, findings: findings, theme: theme, fonts: fonts) { file in collected.withLock { $0.append(file) } }
        let files = collected.withLock { $0 }.sorted { $0.path < $1.path }
        return BuildResult(files: files, paths: result.paths, findings: result.findings)
    }

    /// Builds into `sink`. `fonts` are the print faces; without them no PDF is made (`--no-pdf`).
    public static func build(_ site: Site, findings: [Finding], theme: Theme, fonts: FontSet? = nil, into sink: @escaping FileSink) throws
        -> BuildResult
    {
        let website = Website(site.config)
        let agencies = Dictionary(site.agencies.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        let writer = ScanningWriter(sink: sink)

        // Report pages and their data, one task per report; only the joining is sequential.
        let jobs = site.agencies.flatMap { agency in agency.reports.indices.map { (agency, $0) } }
        let rendered = Mutex([ReportOutput?](repeating: nil, count: jobs.count))
        let failure = Mutex<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            guard failure.withLock({ $0 == nil }) else { return }
            let (agency, position) = jobs[index]
            do {
                let output = try ReportOutput(agency: agency, position: position, website: website, theme: theme, fonts: fonts, writer: writer)
                rendered.withLock { $0[index] = output }
            } catch {
                failure.withLock { $0 = $0 ?? error }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        var search = SearchIndex()
        var allJSON: [String] = []
        var allCSV = [CSVText.byteOrderMark + OpenData.wideHeader]
        var pages: [(path: String, published: PublicationDate?)] = []
        var entries: [Feeds.Entry] = []
        var printFindings: [Finding] = []
        for case let output? in rendered.withLock({ $0 }) {
            printFindings += output.findings
            allJSON.append(output.jsonForAll)
            allCSV.append(output.csvRows)
            search.add(output.document, tokens: output.tokens)
            pages.append((output.path, output.published))
            entries.append(output.entry)
        }

        let listed = site.agencies.filter { !$0.reports.isEmpty }
        DispatchQueue.concurrentPerform(iterations: listed.count) { index in
            let agency = listed[index]
            let page = AgencyPage.render(agency, parent: agency.parent.flatMap { agencies[$0.value] }, website: website, theme: theme)
            do { try writer.write(OutputFile(SitePaths.agency(agency.slug), text: page)) } catch { failure.withLock { $0 = $0 ?? error } }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        for agency in listed {
            pages.append((SitePaths.agency(agency.slug), agency.reports.compactMap(ReportPage.publication).max()))
        }
        try writer.write(OutputFile(SitePaths.home, text: IndexPage.render(site, findings: findings, website: website, theme: theme)))
        try writer.write(OutputFile(SitePaths.search, text: SearchPage.render(website: website, theme: theme)))
        pages.append((SitePaths.home, entries.compactMap(\.published).max()))

        for file in search.files() { try writer.write(OutputFile(file.path, text: file.text)) }
        let catalogue = OpenData.cellCatalogue()
        try writer.write(OutputFile("data/all.json", text: JSONText.object([("cells", catalogue.json), ("reports", JSONText.array(allJSON, indent: "  "))]) + "\n"))
        try writer.write(OutputFile("data/cells.csv", text: catalogue.csv))
        try writer.write(OutputFile("data/all.csv", text: allCSV.joined()))
        try writer.write(OutputFile("sitemap.xml", text: Feeds.sitemap(pages: pages.sorted { $0.path < $1.path }, website: website)))
        try writer.write(OutputFile("feed.xml", text: Feeds.atom(entries, website: website)))
        try writer.write(OutputFile("robots.txt", text: Feeds.robots(website: website)))
        for asset in theme.assets {
            try writer.write(OutputFile(path: asset.published, contents: try Data(contentsOf: asset.file)))
        }
        try writer.write(OutputFile("404.html", text: NotFoundPage.render(website: website, theme: theme)))
        // Deployment metadata last: the manifest lists every file written before it.
        let deployment = DeploymentSite(name: website.name, domain: website.domain, basePath: website.basePath)
        let inputs = InputDigest.compute(root: site.root, folders: theme.folders)
        try writer.write(OutputFile("deploy/nginx.conf", text: ServerConfig.nginx(deployment)))
        try writer.write(OutputFile("deploy/apache.conf", text: ServerConfig.apache(deployment)))
        try writer.write(OutputFile("deploy/README.md", text: ServerConfig.readme(deployment)))
        let published = writer.scanned.entries.filter { !$0.path.hasPrefix("deploy/") }
        try writer.write(
            OutputFile("deploy/manifest.json", text: Manifest.json(published, inputDigest: inputs, version: NianbaoVersion.current, site: deployment)))
        let scanned = writer.scanned
        return BuildResult(
            files: [], paths: scanned.paths.sorted(),
            findings: printFindings + checkLinks(scanned, site: site, website: website))
    }

    /// What one report contributes to the site, made in parallel with the other reports.
    struct ReportOutput {
        let path: String
        let tokens: Set<String>
        let jsonForAll: String
        let csvRows: String
        let published: PublicationDate?
        let document: SearchIndex.Document
        let entry: Feeds.Entry
        /// Characters the print fonts lack.
        let findings: [Finding]

        init(agency: Agency, position: Int, website: Website, theme: Theme, fonts: FontSet?, writer: ScanningWriter) throws {
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
            let files = [
                OutputFile(path, text: page.html),
                OutputFile(SitePaths.reportFile(agency.slug, report.year, "print.html"), text: page.print),
                OutputFile(SitePaths.reportFile(agency.slug, report.year, "data.json"), text: OpenData.json(report, agency: agency) + "\n"),
                OutputFile(SitePaths.reportFile(agency.slug, report.year, "data.csv"), text: OpenData.csv(report, agency: agency)),
            ] + (pdf.map { [OutputFile(path: SitePaths.reportFile(agency.slug, report.year, "report.pdf"), contents: Data($0.pdf))] } ?? [])
            for file in files { try writer.write(file) }
            jsonForAll = OpenData.values(report, agency: agency)
            csvRows = OpenData.wideRow(report, agency: agency)
            document = SearchIndex.Document(
                url: SitePaths.link(from: SitePaths.home, to: path), title: title, agency: agencyName, published: published?.iso ?? "")
            entry = Feeds.Entry(path: path, title: title, agency: agencyName, published: published)
            tokens = SearchIndex.tokens(of: document, text: page.text)
        }
    }

    /// Broken internal links, placed in report.md where the link is written there.
    static func checkLinks(_ scanned: ScanningWriter.Scanned, site: Site, website: Website) -> [Finding] {
        var checker = LinkChecker(paths: scanned.paths, baseURL: website.baseURL, basePath: website.basePath)
        for page in scanned.pages { checker.addPage(page.path, ids: page.ids) }
        let reports = Dictionary(
            site.reports.map { (SitePaths.report($0.agency, $0.year), $0) }, uniquingKeysWith: { first, _ in first })
        var findings: [Finding] = []
        // A link in the narrative is on the report page and on its print page: report it once.
        var reported: Set<String> = []
        for page in scanned.pages.sorted(by: { $0.path < $1.path }) {
            let folder = String(page.path[..<(page.path.lastIndex(of: "/") ?? page.path.startIndex)])
            let pageFindings = checker.check(page.path, links: page.links) { path, href in
                guard let report = reports[folder + "/index.html"] ?? reports[path] else { return nil }
                return report.document.location(ofText: "](" + href, file: report.reportFile, skip: 2)
            }
            for finding in pageFindings where !finding.location.file.hasPrefix("Content/")
                || reported.insert("\(finding.location.file):\(finding.location.line):\(finding.location.column)").inserted
            {
                findings.append(finding)
            }
        }
        return findings
    }
}

/// Hands files to the sink and keeps what the link check needs of each HTML page: its ids and
/// its links with their lines. Thread-safe.
final class ScanningWriter: Sendable {
    struct Page: Sendable {
        let path: String
        let ids: [String]
        let links: [LinkChecker.Link]
    }

    struct Scanned: Sendable {
        var paths: [String] = []
        var pages: [Page] = []
        /// Size and SHA-256 of every file, for the manifest.
        var entries: [Manifest.Entry] = []
    }

    private let sink: FileSink
    private let state = Mutex(Scanned())

    init(sink: @escaping FileSink) { self.sink = sink }

    func write(_ file: OutputFile) throws {
        var page: Page?
        if file.path.hasSuffix(".html") {
            let found = LinkChecker.attributes(in: String(decoding: file.contents, as: UTF8.self))
            page = Page(path: file.path, ids: found.ids, links: found.links)
        }
        let entry = Manifest.Entry(path: file.path, size: file.contents.count, sha256: SHA256.hex(file.contents))
        try sink(file)
        state.withLock {
            $0.entries.append(entry)
            $0.paths.append(file.path)
            if let page { $0.pages.append(page) }
        }
    }

    var scanned: Scanned { state.withLock { $0 } }
}
