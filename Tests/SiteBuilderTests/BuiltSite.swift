import Diagnostics
import Foundation
import SiteBuilder
import SiteModel
import Templates
import Testing
import Validation

/// Builds sites in memory for the tests: the shipped sample, or a copy of it with changes.
enum BuiltSite {
    /// The repository root, itself a site with the sample `Content/` and `Themes/default`.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    struct Build {
        let site: Site
        /// Validation, theme and build findings together.
        let findings: [Finding]
        let files: [String: Data]

        func text(_ path: String) throws -> String {
            String(decoding: try #require(files[path], "no \(path) in the build"), as: UTF8.self)
        }

        /// The web pages of the column (the print pages and the 404 page are tested apart).
        var pages: [String] {
            files.keys.filter { $0.hasSuffix(".html") && !$0.hasSuffix("/print.html") && $0 != "404.html" }.sorted()
        }

        /// The published path of a theme asset: `assets/style.css` → `assets/style.0a1b2c3d.css`.
        func asset(_ name: String) -> String? {
            let dot = name.lastIndex(of: ".")!
            let (stem, ext) = (name[..<dot], name[name.index(after: dot)...])
            return files.keys.first { $0.hasPrefix(stem + ".") && $0.hasSuffix("." + ext) && $0.count == name.count + 9 }
        }
    }

    static func build(_ root: URL = repositoryRoot, limits: TemplateLimits = .standard) throws -> Build {
        let site = try SiteLoader.load(root: root)
        var findings = Validator.validate(site)
        let (theme, themeFindings) = Theme.load(for: site, limits: limits)
        findings += themeFindings
        guard let theme else { return Build(site: site, findings: findings, files: [:]) }
        // The input digest is the pipeline's to make (IncrementalBuildTests checks it); any will do here.
        let result = try SiteBuilder.build(site, findings: findings, theme: theme, inputDigest: String(repeating: "0", count: 64))
        return Build(
            site: site, findings: findings + result.findings,
            files: Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, $0.contents) }))
    }

    /// The shipped sample, built once for all tests that only read it.
    static let shipped: Result<Build, Error> = Result { try build() }
    static func sample() throws -> Build { try shipped.get() }
}

/// A copy of the shipped site in a temporary folder, changed by the test; removed at the end.
final class SiteCopy {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for item in ["Content", "nianbao.yaml"] {
            try FileManager.default.copyItem(
                at: BuiltSite.repositoryRoot.appendingPathComponent(item), to: root.appendingPathComponent(item))
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }
}
