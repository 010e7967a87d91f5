// swift-tools-version:6.0
import Foundation
import PackageDescription

/// The DefaultTheme target spans the package root (its resource, Themes/default, lives outside
/// Sources/ where writers find it), so everything else at the root is excluded from it.
let defaultThemeExcludes: [String] = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
    func entries(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root + "/" + folder)) ?? []).filter { !$0.hasPrefix(".") }
    }
    let kept: Set = ["Sources", "Themes"]
    return entries("").filter { !kept.contains($0) }
        + entries("Sources").filter { $0 != "DefaultTheme" }.map { "Sources/" + $0 }
        + entries("Themes").filter { $0 != "default" }.map { "Themes/" + $0 }
}()

let package = Package(
    name: "nianbao",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "nianbao", targets: ["nianbao"]),
        .library(name: "ReportForm", targets: ["ReportForm"]),
        .library(name: "Validation", targets: ["Validation"]),
        // For the fuzzers in Fuzz/, a package of its own built with -sanitize=fuzzer.
        .library(name: "SiteModel", targets: ["SiteModel"]),
        .library(name: "Templates", targets: ["Templates"]),
        .library(name: "OutputFolder", targets: ["OutputFolder"]),
        .library(name: "PrintReport", targets: ["PrintReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Already in the graph through Hummingbird; named here because the preview server puts a
        // handler of its own in the HTTP/1 pipeline (connection limits, HTTP/1.0 closing).
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // The statutory forms as data; every label, row, column and identity lives here.
        .target(name: "ReportForm"),
        // Findings, rule catalogue types and the output formats (text, JSON, GitHub, SARIF).
        .target(name: "Diagnostics", dependencies: ["ReportForm", "ByteCoding"]),
        /// The build cache's byte format: no dependencies.
        .target(name: "ByteCoding"),
        // cmark-gfm from Debian (libcmark-gfm-dev, libcmark-gfm-extensions-dev).
        .systemLibrary(name: "CMarkGFM", path: "Sources/CMarkGFM"),
        // Reads nianbao.yaml and Content/ into the site model, with source positions. YAML goes
        // through libyaml as Yams bundles it (module CYaml), read event by event.
        .target(
            name: "SiteModel",
            dependencies: [
                "ReportForm", "Diagnostics", "ByteCoding", "CMarkGFM", "Markdown", .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Markdown to HTML through cmark-gfm, with the fixes Chinese text needs.
        .target(name: "Markdown", dependencies: ["CMarkGFM"]),
        // HTML of the statutory tables, laid out like the printed form.
        .target(name: "Rendering", dependencies: ["ReportForm", "Diagnostics", "SiteModel", "Markdown"]),
        // The default theme's files (Themes/default), shipped beside the executable as a resource
        // bundle so a site without its own Themes/ folder still builds.
        .target(
            name: "DefaultTheme", path: ".", exclude: defaultThemeExcludes, sources: ["Sources/DefaultTheme"],
            resources: [.copy("Themes/default")]),
        // Mustache templates rendered from typed values: no runtime casts on the hot path.
        .target(name: "Templates"),
        // `nianbao build`, in memory: pages through the theme's Mustache templates, data files,
        // search index, feeds; internal links checked. Writes nothing.
        .target(
            name: "SiteBuilder",
            dependencies: [
                "ReportForm", "Diagnostics", "SiteModel", "Markdown", "Rendering", "DefaultTheme", "PrintReport", "Typesetting", "Publish",
                "Templates",
            ]
        ),
        // Replaces an output folder with a build's files, atomically, and never touches a folder
        // it did not create.
        .target(name: "OutputFolder", dependencies: ["SiteBuilder", "Publish"]),
        /// What a build keeps for the next one (`.nianbao-cache/`).
        .target(name: "BuildCache", dependencies: ["ByteCoding", "SiteModel", "SiteBuilder", "Publish", "Diagnostics", "Typesetting", "CZlib"]),
        // zlib from Debian (zlib1g-dev), for Flate streams in PDFs.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        // TrueType and TrueType Collection fonts: metrics, character maps, glyph subsets.
        .target(name: "TrueType"),
        // PDF objects, streams and the file structure; knows nothing of reports.
        .target(name: "PDFWriter", dependencies: ["CZlib"]),
        // Chinese line breaking and A4 page layout (GB/T 9704), in points; no PDF in it.
        .target(name: "Typesetting", dependencies: ["TrueType"]),
        // Laid-out pages to PDF bytes: subset CID fonts, content streams, outline, metadata.
        .target(name: "PrintPDF", dependencies: ["Typesetting", "PDFWriter", "TrueType"]),
        // A report for print: the PrintDocument of a report, its fonts, its PDF.
        .target(
            name: "PrintReport",
            dependencies: ["SiteModel", "ReportForm", "Diagnostics", "Rendering", "Markdown", "Typesetting", "TrueType", "PrintPDF"]),
        // OpenSSL's libcrypto (libssl-dev), for SHA-256 of every published file.
        .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL"),
        // Publishing: the deployment manifest, server configurations, content types, SHA-256.
        .target(name: "Publish", dependencies: ["SiteModel", "Diagnostics", "COpenSSL"]),
        // The whole build (load, validate, theme, fonts, stage, build, commit) for `build` and `serve`.
        .target(
            name: "SitePipeline",
            dependencies: [
                "Diagnostics", "SiteModel", "Validation", "SiteBuilder", "OutputFolder", "BuildCache", "PrintReport", "Typesetting", "Publish",
            ]),
        // `nianbao serve`: the preview server (Hummingbird) on loopback over IPv6 and IPv4.
        .target(
            name: "PreviewServer",
            dependencies: [
                "SitePipeline", "Publish", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // libcurl (libcurl4-openssl-dev) behind a small C shim: its options are set by variadic calls.
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("curl")]),
        // `nianbao audit-ipv6`: crawls a deployed site as the national IPv6 monitoring does.
        .target(name: "IPv6Audit", dependencies: ["CCurl"]),
        // The rules: site model in, findings out.
        .target(name: "Validation", dependencies: ["ReportForm", "Diagnostics", "SiteModel", "Scaffold"]),
        // `nianbao new`: a complete blank report for a year's form version.
        .target(name: "Scaffold", dependencies: ["ReportForm", "Diagnostics", "SiteModel"]),
        .executableTarget(
            name: "nianbao",
            dependencies: [
                "ReportForm", "Diagnostics", "SiteModel", "Validation", "Scaffold", "SiteBuilder", "SitePipeline", "PreviewServer", "IPv6Audit",
                "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // mimalloc from Debian (libmimalloc-dev), linked into the executable so that it serves
        // `malloc` for the whole process (`MemoryTuning`).
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        .testTarget(name: "PublishTests", dependencies: ["Publish", "PreviewServer", "SitePipeline"]),
        .testTarget(name: "PrintTests", dependencies: ["Typesetting", "TrueType", "PrintReport", "PrintPDF", "PDFWriter", "SiteModel", "Diagnostics"]),
        .testTarget(
            name: "BuildCacheTests", dependencies: ["BuildCache", "ByteCoding", "Diagnostics", "Publish", "SiteBuilder", "SiteModel"]),
        .testTarget(
            name: "SiteBuilderTests",
            dependencies: ["SiteBuilder", "OutputFolder", "SiteModel", "Validation", "ReportForm", "Diagnostics", "Templates"],
            resources: [.copy("Golden")]),
        .testTarget(
            name: "TemplatesTests",
            dependencies: ["Templates", "Rendering", .product(name: "Mustache", package: "swift-mustache")]),
        .testTarget(
            name: "RenderingTests", dependencies: ["Rendering", "ReportForm", "SiteModel"], resources: [.copy("Golden")]),
        .testTarget(
            name: "ReportFormTests",
            dependencies: ["ReportForm"]
        ),
        .testTarget(
            name: "ValidationTests",
            dependencies: ["ReportForm", "Diagnostics", "SiteModel", "Validation", "Scaffold"],
            resources: [.copy("Fixtures")]
        ),
        // Runs the built executable; depending on it makes `swift test` build it first.
        .testTarget(
            name: "EndToEndTests", dependencies: ["nianbao", "SiteModel", "SitePipeline", "Markdown", "ReportForm", "Rendering"], exclude: ["BadInput"]),
    ],
    swiftLanguageModes: [.v6]
)
