// swift-tools-version:6.0
// libFuzzer targets for nianbao's parsers (issue 7). Built only by scripts/fuzz, with
// -sanitize=fuzzer,address; the main package never builds them.
import PackageDescription

let package = Package(
    name: "nianbao-fuzz",
    dependencies: [.package(name: "nianbao", path: "..")],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(name: "FuzzTables", dependencies: ["FuzzDriver", .product(name: "SiteModel", package: "nianbao")]),
        .executableTarget(name: "FuzzJournal", dependencies: ["FuzzDriver", .product(name: "OutputFolder", package: "nianbao")]),
        .executableTarget(name: "FuzzTemplates", dependencies: ["FuzzDriver", .product(name: "Templates", package: "nianbao")]),
        .executableTarget(name: "FuzzTasks", dependencies: ["FuzzDriver", .product(name: "SiteModel", package: "nianbao")]),
        .executableTarget(name: "FuzzNarrative", dependencies: ["FuzzDriver", .product(name: "SiteModel", package: "nianbao")]),
        .executableTarget(
            name: "FuzzCheck",
            dependencies: ["FuzzDriver", .product(name: "SiteModel", package: "nianbao"), .product(name: "Validation", package: "nianbao")]),
        .executableTarget(
            name: "FuzzPrint",
            dependencies: ["FuzzDriver", .product(name: "SiteModel", package: "nianbao"), .product(name: "PrintReport", package: "nianbao")]),
    ]
)
