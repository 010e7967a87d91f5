import Foundation
import Testing

/// Whole pages of the shipped sample against golden files: a report on each form edition, an
/// agency page and the index. A change shows up as a diff to look at in a browser first.
@Suite struct GoldenPageTests {
    @Test(
        "golden pages",
        arguments: [
            ("jiangyu-tax/2024/index.html", "report-2024.html"), ("jiangyu-tax/2020/index.html", "report-2020.html"),
            ("jiangyu-tax/index.html", "agency.html"), ("index.html", "index.html"),
        ])
    func golden(page: String, golden name: String) throws {
        let html = try BuiltSite.sample().text(page)
        let source = BuiltSite.repositoryRoot.appendingPathComponent("Tests/SiteBuilderTests/Golden/\(name)")
        if ProcessInfo.processInfo.environment["NIANBAO_UPDATE_GOLDEN"] != nil {
            try html.write(to: source, atomically: true, encoding: .utf8)
        }
        let url = try #require(Bundle.module.url(forResource: "Golden/\(name)", withExtension: nil))
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(html == golden, "\(page) changed: look at it in a browser, then NIANBAO_UPDATE_GOLDEN=1 swift test")
    }
}
