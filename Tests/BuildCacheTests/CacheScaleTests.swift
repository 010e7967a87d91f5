import BuildCache
import Diagnostics
import Foundation
import Publish
import SiteBuilder
import Testing

/// The cache reads back whatever it writes, at any size (issue 23). Its integers and lengths are
/// LEB128 varints of up to 64 bits and its offsets are `Int`, so the boundaries worth crossing
/// are those of the counts: more than 65,536 records, files, findings and interned file names,
/// strings and arrays longer than 65,536, and interned names referred to by a number larger than
/// the bytes left after it (what made 20,000-report caches unreadable).
@Suite struct CacheScaleTests {
    @Test("a cache with 66,000 site files, pages with findings and agencies across years, and 210,000-byte strings, loads back equal")
    func largeCache() throws {
        let sample = try CacheFileTests.sampleCache()
        let template = try #require(sample.reports[sample.order[0]])
        let count = 66_000
        // Records are whole reports, a few kilobytes each: 2,000 of them are enough to hold the
        // interned names the findings refer to far past 65,536 bytes.
        let folders = (0..<2_000).map { "Content/agency-\($0 / 5)/\(2020 + $0 % 5)" }
        var reports: [String: CachedReport] = [:]
        reports.reserveCapacity(folders.count)
        for folder in folders {
            reports[folder] = CachedReport(
                folder: folder, inputs: template.inputs, agency: template.agency, summary: template.summary, findings: template.findings,
                artifacts: template.artifacts, tokens: template.tokens)
        }
        var links = LinkRecord()
        let long = String(repeating: "年报", count: 35_000)  // 210,000 bytes of UTF-8
        for index in 0..<count {
            let page = "agency-\(index)/2024/index.html"
            links.findings[page] = [Self.finding(file: "Content/agency-\(index)/2024/report.md", line: index)]
        }
        var cache = BuildCache(
            settings: long, buildID: "b", order: folders, reports: reports, agencyInputs: [:],
            siteFiles: (0..<count).map { Manifest.Entry(path: "agency-\($0)/index.html", size: $0, sha256: String($0, radix: 16)) },
            links: links)
        // Each agency's findings name its files twice: the second time by number, and the last of
        // them with a number far larger than the few bytes that follow it.
        for index in 0..<count {
            let file = "Content/agency-\(index)/2024/tables.yaml"
            cache.crossYear["agency-\(index)"] = [Self.finding(file: file, line: 1), Self.finding(file: file, line: 2)]
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-cache-scale-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try cache.save(to: folder)
        let loaded = try BuildCache.load(from: folder).get()
        #expect(loaded.order == folders && loaded.reports.count == folders.count)
        #expect(loaded.settings == long && loaded.siteFiles == cache.siteFiles && loaded.links == cache.links)
        #expect(loaded.crossYear == cache.crossYear)
        #expect(loaded.reports[folders[folders.count - 1]]?.findings == template.findings)
    }

    static func finding(file: String, line: Int) -> Finding {
        Finding(
            rule: "carry-over-mismatch", severity: .warning, message: "上年结转不符", gist: "carry-over", location: SourceLocation(file: file, line: line, column: 1))
    }
}
