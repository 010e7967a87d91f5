import Diagnostics
import Foundation
import PrintReport
import Publish
import SiteModel
import Synchronization
import Typesetting

/// The files of a build and what was found while making them.
public struct BuildResult: Sendable {
    /// Sorted by path; empty when the files went to a sink as they were made.
    public let files: [OutputFile]
    /// Every path of the built site, sorted.
    public let paths: [String]
    /// The paths handed to the sink: all of them, or in an incremental build those that changed.
    public let written: [String]
    /// Broken links and the like; the build should not be published while one is an error.
    public let findings: [Finding]
    /// Report folders rendered: all, or in an incremental build those not reused.
    public let rendered: [String]
    /// What the reports rendered contributed to the build, by folder, for the build cache.
    public let artifacts: [String: ReportArtifacts]
    /// The search tokens of the reports rendered, by folder. Sets, as the reports made them:
    /// turning 20,000 of them into arrays took half a second of a full build on one core, for
    /// the build cache alone.
    public let tokens: [String: Set<String>]
    /// The files not made by a report.
    public let siteFiles: [Manifest.Entry]
    public let links: LinkRecord
    /// The SHA-256 of what each group of site-wide pages (the home page, the dashboard, the
    /// open data of all reports) was made from, for the next incremental build.
    public var digests: [String: String] = [:]
    /// Every path and the manifest, for a next build that keeps them in memory (`PreviousBuild`).
    public var fileList: FileList?
    /// What the build made on the way (every report's output, the scanned pages), freed with
    /// the result: at 20,000 reports freeing it took half a second, which a command about to
    /// exit need not spend, and a preview server can spend on another thread.
    public var leftovers: Leftovers?
}

/// Values no longer needed, kept only to be freed when (and on the thread) their holder chooses.
public final class Leftovers: @unchecked Sendable {
    // Immutable after init and only ever released: no thread reads it.
    private let values: Any
    public init(_ values: Any) { self.values = values }
}

/// Receives each file of a build as soon as it is made, possibly from several threads at once.
public typealias FileSink = @Sendable (OutputFile) throws -> Void

/// Renders a loaded, validated site into the files of DESIGN §4. Reports are rendered in
/// parallel and their files handed to the sink at once, so a large site is never held in memory
/// whole; only what the indexes and the link check need is kept. No clock is read, so the same
/// site gives the same bytes.
public enum SiteBuilder {
    /// Builds into memory: every file, sorted by path.
    public static func build(_ site: Site, findings: [Finding], theme: Theme, fonts: FontSet? = nil, inputDigest: String) throws -> BuildResult {
        let collected = Mutex([OutputFile]())
        let result = try build(site, findings: findings, theme: theme, fonts: fonts, inputDigest: { inputDigest }) { file in
            collected.withLock { $0.append(file) }
        }
        let files = collected.withLock { $0 }.sorted { $0.path < $1.path }
        return BuildResult(
            files: files, paths: result.paths, written: result.written, findings: result.findings, rendered: result.rendered,
            artifacts: result.artifacts, tokens: result.tokens, siteFiles: result.siteFiles, links: result.links)
    }

    /// Builds into `sink`. `fonts` are the print faces; without them no PDF is made (`--no-pdf`).
    /// With `previous`, only the reports it does not reuse are rendered, with the pages that list
    /// them and the site's indexes, and only files that changed reach the sink: the site's
    /// structure (agencies, reports, configuration, theme) must be the one `previous` was built
    /// from. Throws `IncrementalBuildUnavailable` when its files cannot be patched. `inputDigest`
    /// gives the manifest's digest of the inputs (`InputDigest`), asked for only when the manifest
    /// is made: the caller may work it out meanwhile. `carried` are files of a previous build
    /// published again as they are (a withheld report's): written and listed, never scanned for
    /// links, since they were made by another build, perhaps with another theme.
    public static func build(
        _ site: Site, findings: [Finding], theme: Theme, fonts: FontSet? = nil, previous: PreviousBuild? = nil,
        carried: [OutputFile] = [], inputDigest: () -> String, lap: (String) -> Void = { _ in }, into sink: @escaping FileSink
    ) throws -> BuildResult {
        let website = Website(site.config)
        let jobs = site.agencies.indices.flatMap { agency in site.agencies[agency].reports.indices.map { (agency: agency, report: $0) } }
        func folder(_ job: (agency: Int, report: Int)) -> String { site.agencies[job.agency].reports[job.report].folder }
        let toRender = jobs.indices.filter { previous?.renewed.contains(folder(jobs[$0])) ?? true }
        var unchanged: [String: String] = [:]
        if let previous {
            for entry in previous.siteFiles { unchanged[entry.path] = entry.sha256 }
            for index in toRender {
                for entry in previous.artifacts(folder(jobs[index]))?.files ?? [] { unchanged[entry.path] = entry.sha256 }
            }
        }
        let writer = ScanningWriter(sink: sink, unchanged: unchanged)

        // Report pages and their data, one task per report; only the joining is sequential.
        let rendered = Mutex([Int: ReportOutput]())
        let failure = Mutex<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: toRender.count) { index in
            guard failure.withLock({ $0 == nil }) else { return }
            let job = jobs[toRender[index]]
            do {
                let output = try ReportOutput(
                    agency: site.agencies[job.agency], position: job.report, website: website, theme: theme, fonts: fonts,
                    taskLists: site.taskLists, writer: writer)
                rendered.withLock { $0[toRender[index]] = output }
            } catch {
                failure.withLock { $0 = $0 ?? error }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        let outputs = rendered.withLock { $0 }
        lap("reports")

        // Every report's artifacts: those rendered now, the previous build's for the others.
        let renderedArtifacts = Dictionary(outputs.values.map { ($0.folder, $0.artifacts) }, uniquingKeysWith: { first, _ in first })
        var reportArtifacts: [ReportArtifacts] = []  // in the order of `jobs`
        reportArtifacts.reserveCapacity(jobs.count)
        var printFindings: [Finding] = []
        for job in jobs {
            let folder = folder(job)
            guard let found = renderedArtifacts[folder] ?? previous?.artifacts(folder) else {
                throw IncrementalBuildUnavailable(reason: "no record of \(folder)")
            }
            reportArtifacts.append(found)
            printFindings += found.printFindings
        }
        // An incremental build gathers the reports' listings (search documents, sitemap, feed)
        // and rows of data/all.* only when a report rendered now changed its part: at 20,000
        // reports each is a pass over all of them.
        let listingsChanged = previous == nil || outputs.values.contains { previous?.artifacts($0.folder)?.listing != $0.artifacts.listing }
        let dataChanged =
            previous == nil
            || outputs.values.contains { output in
                guard let old = previous?.artifacts(output.folder) else { return true }
                return old.jsonForAll != output.artifacts.jsonForAll || old.csvRows != output.artifacts.csvRows
            }
        lap("artifacts")
        let siteWide = try SiteWidePages(
            site: site, findings: findings, website: website, theme: theme, writer: writer, previous: previous, jobs: jobs,
            toRender: toRender, outputs: outputs, artifacts: reportArtifacts, listingsChanged: listingsChanged, dataChanged: dataChanged
        ).make()
        var siteFiles = siteWide.files
        let digests = siteWide.digests
        lap("site pages")
        func write(_ path: String, _ text: String) throws { siteFiles.append(try writer.write(OutputFile(path, text: text))) }
        let deployment = DeploymentSite(name: website.name, domain: website.domain, basePath: website.basePath)
        if previous == nil {
            try write("data/cells.csv", OpenData.cellCatalogue().csv)
            try write("robots.txt", Feeds.robots(website: website))
            for asset in theme.assets {
                siteFiles.append(try writer.write(OutputFile(path: asset.published, contents: try Data(contentsOf: asset.file))))
            }
            try write("404.html", NotFoundPage.render(website: website, theme: theme))
            try write("deploy/nginx.conf", ServerConfig.nginx(deployment))
            try write("deploy/apache.conf", ServerConfig.apache(deployment))
            try write("deploy/README.md", ServerConfig.readme(deployment))
        }
        for file in carried {
            try sink(file)
            siteFiles.append(Manifest.Entry(path: file.path, size: file.contents.count, sha256: SHA256.hex(file.contents)))
        }
        // The site's static/ files, in a full build (a change to them makes one), where no
        // generated file is.
        var staticFindings: [Finding] = []
        if previous == nil {
            let found = StaticFiles.read(root: site.root)
            var taken = Set(siteFiles.map(\.path)).union(["deploy/manifest.json"])
            for artifacts in reportArtifacts { taken.formUnion(artifacts.files.map(\.path)) }
            let publishable = StaticFiles.publishable(found.files, besides: taken)
            for file in publishable.files { siteFiles.append(try writer.write(file)) }
            staticFindings = found.findings + publishable.findings
        }
        // Files kept from the previous build, then the manifest of everything but itself.
        let remadeSiteFiles = siteFiles.filter { !$0.path.hasPrefix("deploy/") }
        var kept = Dictionary(siteFiles.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for entry in previous?.siteFiles ?? [] where kept[entry.path] == nil && entry.path != "deploy/manifest.json" {
            kept[entry.path] = entry
            siteFiles.append(entry)
        }
        let inputs = inputDigest()
        let fileList =
            FileList(patching: previous, rendered: Array(outputs.values), siteFiles: remadeSiteFiles, inputDigest: inputs, site: deployment)
            ?? FileList(reports: reportArtifacts, siteFiles: siteFiles, inputDigest: inputs, site: deployment)
        siteFiles.append(try writer.write(OutputFile(path: "deploy/manifest.json", contents: Data(fileList.manifest.bytes))))
        lap("manifest")
        let paths = fileList.paths
        let scanned = writer.scanned
        let links = checkLinks(scanned, paths: paths, site: site, website: website, previous: previous)
        lap("links")
        return BuildResult(
            files: [], paths: paths, written: PathOrder.sortedIndices(scanned.written).map { scanned.written[$0] },
            findings: printFindings + links.allFindings + theme.limitFindings() + staticFindings, rendered: toRender.map { folder(jobs[$0]) }, artifacts: renderedArtifacts,
            tokens: outputs.values.reduce(into: [:]) { $0[$1.folder] = $1.tokens }, siteFiles: siteFiles, links: links,
            digests: digests, fileList: fileList, leftovers: Leftovers((outputs, reportArtifacts, renderedArtifacts, writer, scanned)))
    }
}

extension SiteBuilder {
    /// A digest of every finding, in order: while it is the previous build's, the home page and
    /// the dashboard change only with the reports rendered again.
    static func digest(of findings: [Finding]) -> String {
        SHA256.hex(Data(findings.map(Compliance.line).joined().utf8))
    }
}

extension Array {
    /// The first index whose element satisfies `belongs`, for a predicate that is false and then
    /// true along the array (a binary search).
    func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var (low, high) = (0, count)
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
