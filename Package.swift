// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "nianbao",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "nianbao", targets: ["nianbao"]),
        .library(name: "ReportForm", targets: ["ReportForm"]),
        .library(name: "Validation", targets: ["Validation"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // The statutory forms as data; every label, row, column and identity lives here.
        .target(name: "ReportForm"),
        // Findings, rule catalogue types and the output formats (text, JSON, GitHub, SARIF).
        .target(name: "Diagnostics", dependencies: ["ReportForm"]),
        // cmark-gfm from Debian (libcmark-gfm-dev, libcmark-gfm-extensions-dev).
        .systemLibrary(name: "CMarkGFM", path: "Sources/CMarkGFM"),
        // Reads nianbao.yaml and Content/ into the site model, with source positions. YAML goes
        // through libyaml as Yams bundles it (module CYaml), read event by event.
        .target(
            name: "SiteModel",
            dependencies: ["ReportForm", "Diagnostics", "CMarkGFM", "Markdown", .product(name: "Yams", package: "Yams")]
        ),
        // Markdown to HTML through cmark-gfm, with the fixes Chinese text needs.
        .target(name: "Markdown", dependencies: ["CMarkGFM"]),
        // HTML of the statutory tables, laid out like the printed form.
        .target(name: "Rendering", dependencies: ["ReportForm", "Diagnostics", "SiteModel", "Markdown"]),
        // The rules: site model in, findings out.
        .target(name: "Validation", dependencies: ["ReportForm", "Diagnostics", "SiteModel", "Scaffold"]),
        // `nianbao new`: a complete blank report for a year's form version.
        .target(name: "Scaffold", dependencies: ["ReportForm", "Diagnostics", "SiteModel"]),
        .executableTarget(
            name: "nianbao",
            dependencies: [
                "ReportForm", "Diagnostics", "SiteModel", "Validation", "Scaffold",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
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
        .testTarget(name: "EndToEndTests", dependencies: ["nianbao"]),
    ],
    swiftLanguageModes: [.v6]
)
