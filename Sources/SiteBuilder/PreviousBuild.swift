import Foundation
import Publish
import SiteModel

/// The build an incremental build starts from: what the build cache kept of it, and the output
/// folder that holds its files unchanged since.
public struct PreviousBuild: Sendable {
    /// The output folder of that build.
    public let output: URL
    /// The folders (`Content/<agency>/<year>`) of the reports to render again. The files of the
    /// others in `output` stay as they are.
    public let renewed: Set<String>
    /// What each report contributed to that build, by folder: a lookup, not a table, because
    /// making a table of 20,000 for each build cost more than the few lookups a rebuild makes.
    public let artifacts: @Sendable (_ folder: String) -> ReportArtifacts?
    /// The reports of `renewed` as that build had them (the build cache's summaries): one that
    /// shows the same on the home page and the dashboard leaves them as they are.
    public let earlier: [String: Report]
    /// The search tokens of the reports about to be rendered again, by folder, as they were.
    public let tokens: [String: [String]]
    /// The files not made by a report: pages listing reports, indexes, assets, deployment files.
    public let siteFiles: [Manifest.Entry]
    public let links: LinkRecord
    /// What each group of site-wide pages was made from: a group whose inputs give the same
    /// digest is not made again (`BuildResult.digests`).
    public let digests: [String: String]
    /// That build's paths and manifest, when the caller kept them (the preview server does).
    public let fileList: FileList?

    public init(
        output: URL, renewed: Set<String>, artifacts: @escaping @Sendable (_ folder: String) -> ReportArtifacts?,
        earlier: [String: Report] = [:], tokens: [String: [String]], siteFiles: [Manifest.Entry], links: LinkRecord,
        digests: [String: String] = [:], fileList: FileList? = nil
    ) {
        self.earlier = earlier
        self.fileList = fileList
        self.digests = digests
        self.output = output
        self.renewed = renewed
        self.artifacts = artifacts
        self.tokens = tokens
        self.siteFiles = siteFiles
        self.links = links
    }

    /// A file of that build, as text.
    func text(_ path: String) -> String? {
        RegularFile.read(under: output.path, path, limit: 1 << 30).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The ids of a page of that build, for links into it.
    @Sendable func ids(ofPage path: String) -> [String]? {
        text(path).map { LinkChecker.attributes(in: $0).ids }
    }
}

/// The previous build's files cannot be patched (a search shard is missing or was edited):
/// build the whole site instead.
public struct IncrementalBuildUnavailable: Error, Sendable {
    public let reason: String

    public init(reason: String) { self.reason = reason }
}
