import Foundation
import Testing

/// One report's errors never hold back the others (issue 24, item 1): `build` publishes every
/// report without errors, withholds the ones with errors (their previously published files stay
/// byte for byte; a report never published stays out of the listings, the feed and the sitemap),
/// says which and why, and exits 1. `--all-or-nothing` keeps the old whole-site refusal.
@Suite struct WithheldReportTests {
    static let erroneous = "Content/jiangyu-tax/2024/tables.yaml"
    static let late = "Content/qingshan-tax/2023/report.md"

    /// The sample's three agencies, with jiangyu-tax 2024's 一、本年新收 row total typed wrong (an
    /// arithmetic error) when `withError`, and qingshan-tax 2023 published in June (late for a 部门).
    static func site(withError: Bool = true) throws -> ScratchSite {
        let site = try BuildCommandTests.sampleSite()
        try site.write(late, try site.read(late).replacingOccurrences(of: "published: 2024-01-24 09:00", with: "published: 2024-06-24 09:00"))
        if withError { try breakTotal(site) }
        return site
    }

    static func breakTotal(_ site: ScratchSite) throws {
        let text = try site.read(erroneous)
        let broken = text.replacingOccurrences(of: "一、本年新收政府信息公开申请数量: [38, 10, 0, 1, 3, 1, 53]", with: "一、本年新收政府信息公开申请数量: [38, 10, 0, 1, 3, 1, 54]")
        #expect(broken != text, "the sample's row changed; update the test")
        try site.write(erroneous, broken)
    }

    func text(_ site: ScratchSite, _ path: String) -> String {
        FileManager.default.contents(atPath: site.root.appendingPathComponent("Output/" + path).path).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    @Test("three agencies, one report with an arithmetic error and one late: the others and the late one are published, the erroneous one is left out of every listing; exit 1")
    func withholdsOnlyTheErroneousReport() throws {
        let site = try Self.site()
        let result = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("\(Self.erroneous):29:"), "\(result.stdout)")
        #expect(result.stdout.contains("错误[arith-row-total]"))
        #expect(result.stdout.contains("\(Self.late):5:") && result.stdout.contains("警告[published-late]"), "\(result.stdout)")
        #expect(result.stdout.contains("Content/jiangyu-tax/2024/report.md:1:1: 警告[report-withheld]: 本报告有 2 个错误（arith-column-balance、arith-row-total），未发布"), "\(result.stdout)")
        #expect(result.stderr.contains("有 1 份报告因有错误未发布") && result.stderr.contains("Content/jiangyu-tax/2024"), "\(result.stderr)")
        // The erroneous report has no page, and nothing lists it.
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output/jiangyu-tax/2024").path))
        for listing in ["index.html", "jiangyu-tax/index.html", "feed.xml", "sitemap.xml", "search-index.json", "data/all.csv"] {
            #expect(!text(site, listing).contains("jiangyu-tax/2024") && !text(site, listing).contains("江屿市税务局2024"), "\(listing)")
        }
        // The late report and the other years of the same agency are published and listed.
        #expect(text(site, "qingshan-tax/2023/index.html").contains("2024-06-24"))
        for listing in ["feed.xml", "sitemap.xml"] {
            #expect(text(site, listing).contains("qingshan-tax/2023/"), "\(listing)")
            #expect(text(site, listing).contains("jiangyu-tax/2023/"), "\(listing)")
        }
        #expect(text(site, "jiangyu-tax/index.html").contains("2023/"))
        #expect(text(site, "deploy/manifest.json").contains("\"qingshan-tax/2023/index.html\""))
    }

    @Test("a previously published report that now has an error stays as it was, byte for byte, while another report's change is published")
    func keepsThePreviousVersion() throws {
        let site = try Self.site(withError: false)
        #expect(try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"]).status == 0)
        let output = site.root.appendingPathComponent("Output")
        let published = BuildCommandTests.snapshot(output.appendingPathComponent("jiangyu-tax/2024"))
        #expect(published.keys.contains("index.html") && published.keys.contains("data.json"))
        try Self.breakTotal(site)
        let other = "Content/qingshan-county/2024/report.md"
        try site.write(other, try site.read(other) + "\n本报告另附说明：电子版与纸质版一致。\n")
        let result = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("上次发布的版本"), "\(result.stdout)")
        #expect(BuildCommandTests.snapshot(output.appendingPathComponent("jiangyu-tax/2024")) == published)
        #expect(text(site, "qingshan-county/2024/index.html").contains("电子版与纸质版一致"))
        // Still listed in the manifest, so the next build and the deployment keep it.
        #expect(text(site, "deploy/manifest.json").contains("\"jiangyu-tax/2024/index.html\""))
        // Once fixed, the new version is published.
        let fixed = try site.read(Self.erroneous).replacingOccurrences(of: "1, 3, 1, 54]", with: "1, 3, 1, 53]")
        try site.write(Self.erroneous, fixed)
        let again = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"])
        #expect(again.status == 0, "\(again.stdout)")
        #expect(text(site, "jiangyu-tax/index.html").contains("2024/"))
    }

    @Test("--all-or-nothing refuses the whole build for one report's error and leaves Output/ as it was")
    func allOrNothing() throws {
        let site = try Self.site(withError: false)
        #expect(try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"]).status == 0)
        let output = site.root.appendingPathComponent("Output")
        let before = BuildCommandTests.snapshot(output)
        try Self.breakTotal(site)
        let other = "Content/qingshan-county/2024/report.md"
        try site.write(other, try site.read(other) + "\n本报告另附说明。\n")
        let result = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf", "--all-or-nothing"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("未生成网站"), "\(result.stderr)")
        #expect(BuildCommandTests.snapshot(output) == before)
    }

    @Test("a narrative link to a withheld report that was never published withholds the linking report too, not the site")
    func linkToWithheldReport() throws {
        let site = try Self.site()
        let linking = "Content/jiangyu-tax/2023/report.md"
        try site.write(linking, try site.read(linking) + "\n参见[下一年度报告](../2024/)。\n")
        let result = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(linking):") && result.stdout.contains("link-broken"), "\(result.stdout)")
        #expect(result.stderr.contains("有 2 份报告因有错误未发布"), "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output/qingshan-county/2024/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output/jiangyu-tax/2023").path))
    }

    @Test("an error in an agency.yaml withholds that agency's reports, and the other agencies are published")
    func agencyError() throws {
        let site = try Self.site(withError: false)
        let config = "Content/qingshan-tax/agency.yaml"
        try site.write(config, try site.read(config).replacingOccurrences(of: "kind: 部门", with: "kind: 局"))
        let result = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(config):"), "\(result.stdout)")
        #expect(result.stderr.contains("有 3 份报告因有错误未发布"), "\(result.stderr)")
        #expect(result.stdout.contains("Content/qingshan-tax/2023/report.md:1:1: 警告[report-withheld]: 本机关有 1 个错误"), "\(result.stdout)")
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output/qingshan-tax").path))
        #expect(!text(site, "index.html").contains("qingshan-tax/"))
        #expect(text(site, "index.html").contains("jiangyu-tax/2024/"))
    }
}
