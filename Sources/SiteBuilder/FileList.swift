import Diagnostics
import Publish

/// The sorted paths of a build and its manifest: a next build of the same files patches the
/// manifest's changed entries rather than sorting and writing 100,000 again.
public struct FileList: Sendable {
    /// Every path of the site, sorted, `deploy/manifest.json` included.
    public let paths: [String]
    /// `deploy/manifest.json`.
    public let manifest: ManifestText

    /// The list of every file: the reports' (`reports`) and the others (`siteFiles`, those of
    /// `deploy/` included, which the manifest leaves out).
    init(reports: [ReportArtifacts], siteFiles: [Manifest.Entry], inputDigest: String, site: DeploymentSite) {
        // Sorted once, for the manifest and the link check: sorting 100,000 paths twice cost 7 %
        // of a one-edit rebuild at 20,000 reports.
        let files = reports.flatMap(\.files) + siteFiles
        let sorted = PathOrder.sortedIndices(files.map(\.path)).map { files[$0] }
        let published = sorted.filter { !$0.path.hasPrefix("deploy/") }
        var paths = sorted.map(\.path)
        paths.insert("deploy/manifest.json", at: paths.partitioningIndex { $0 >= "deploy/manifest.json" })
        self.paths = paths
        manifest = Manifest.text(sorted: published, inputDigest: inputDigest, version: NianbaoVersion.current, site: site)
    }

    /// The previous build's list, with the entries of the reports rendered again and of the
    /// site files made again (`siteFiles`, outside `deploy/`) patched into its manifest. Nil
    /// when that build kept no list, or its files were not these (a report's files changed, a
    /// site file is new): the list must be made whole.
    init?(
        patching previous: PreviousBuild?, rendered: [SiteBuilder.ReportOutput], siteFiles: [Manifest.Entry], inputDigest: String,
        site: DeploymentSite
    ) {
        guard let previous, let old = previous.fileList,
            rendered.allSatisfy({ previous.artifacts($0.folder)?.files.map(\.path) == $0.artifacts.files.map(\.path) }),
            let manifest = old.manifest.patched(
                rendered.flatMap(\.artifacts.files) + siteFiles, inputDigest: inputDigest, version: NianbaoVersion.current, site: site)
        else { return nil }
        (paths, self.manifest) = (old.paths, manifest)
    }

    /// The list of the build that wrote `manifest` (`deploy/manifest.json` read back from the
    /// output folder), whose other files are `siteFiles`' under `deploy/`. Nil unless the
    /// manifest is that build's (its SHA-256, the build id in the output folder's marker, is
    /// `buildID`) and every path is ASCII, whose order is the order of the bytes.
    public init?(manifest bytes: [UInt8], buildID: String, siteFiles: [Manifest.Entry]) {
        guard !buildID.isEmpty, SHA256.hex(bytes) == buildID, let manifest = ManifestText(reading: bytes) else { return nil }
        let deploy = (siteFiles.map(\.path).filter { $0.hasPrefix("deploy/") && $0 != "deploy/manifest.json" } + ["deploy/manifest.json"])
        let published = manifest.paths
        guard deploy.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }), published.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) else {
            return nil
        }
        // Published paths are in order and hold none under deploy/, which sort together.
        let at = published.partitioningIndex { $0 >= "deploy/" }
        var paths = published
        paths.insert(contentsOf: deploy.sorted(), at: at)
        (self.paths, self.manifest) = (paths, manifest)
    }
}
