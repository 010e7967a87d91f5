import Diagnostics
import Foundation
import Testing

@testable import SiteBuilder

/// Internal links and anchors are checked offline at build time; a broken one is a finding at
/// the place it is written.
@Suite struct LinkCheckTests {
    @Test("attributes: ids, hrefs and srcs with their offsets; other attributes and unquoted values skipped")
    func attributes() {
        let html = "<a id=\"top\" href=\"../x/\">t</a>\n\n<img src=\"a.png\" alt=\"id=\\\"no\\\"\"><p data-id=\"n\" class=\"c\"><td headers=\"h\" id=x>"
        let found = LinkChecker.attributes(in: html)
        #expect(found.ids == ["top"])
        #expect(found.links.map(\.value) == ["../x/", "a.png"])
        #expect(found.links.map(\.line) == [1, 3])
    }

    @Test("the shipped site has no broken link")
    func shipped() throws {
        #expect(try BuiltSite.sample().findings.isEmpty)
    }

    @Test("a broken link and a broken anchor in report.md are findings at their line and column")
    func brokenInNarrative() throws {
        let copy = try SiteCopy()
        let file = "Content/jiangyu-tax/2024/report.md"
        var lines = try copy.read(file).components(separatedBy: "\n")
        let line = try #require(lines.firstIndex { $0.hasPrefix("全年收到政府信息公开申请") })
        lines[line] += "详见[上年报告](../2019/)、[第三部分](#section-9)和[2023年报告](../2023/#section-3)。"
        try copy.write(file, lines.joined(separator: "\n"))
        let findings = try BuiltSite.build(copy.root).findings.filter { $0.rule == "link-broken" }
        #expect(findings.count == 2)
        let column = lines[line].unicodeScalars.count - "../2019/)、[第三部分](#section-9)和[2023年报告](../2023/#section-3)。".unicodeScalars.count + 1
        #expect(findings.map(\.location) == [
            SourceLocation(file: file, line: line + 1, column: column),
            SourceLocation(file: file, line: line + 1, column: column + "../2019/)、[第三部分](".unicodeScalars.count),
        ].sorted { $0.column < $1.column })
        #expect(findings.allSatisfy { $0.severity == .error })
        #expect(findings.contains { $0.message.contains("jiangyu-tax/2019/index.html") })
        #expect(findings.contains { $0.message.contains("#section-9") })
    }

    @Test("a fragment written percent-encoded finds the id it encodes")
    func percentEncodedFragment() {
        var checker = LinkChecker(paths: ["a/index.html"], baseURL: "https://x.gov.cn/", basePath: "/")
        checker.addPage("a/index.html", ids: LinkChecker.attributes(in: "<h2 id=\"第一节\">").ids)
        #expect(checker.problem("#%E7%AC%AC%E4%B8%80%E8%8A%82", from: "a/index.html") == nil)
        #expect(checker.problem("#第一节", from: "a/index.html") == nil)
        #expect(checker.problem("#%E7%AC%AC", from: "a/index.html") != nil)
    }

    @Test("relative, absolute-under-base and root-relative links", arguments: [
        ("../2023/", nil), ("../2023", "jiangyu-tax/2023"), ("./#section-1", nil), ("#section-1", nil), ("#nope", "#nope"),
        ("../../index.html#main", nil), ("../../../x/", "根目录"), ("/zfxxgk/", "以 / 开头"), ("/zfxxgk/ndbg/jiangyu-tax/", nil), ("/zfxxgk/ndbg/none/", "none/index.html"),
        ("https://www.jiangyu.gov.cn/zfxxgk/ndbg/jiangyu-tax/", nil), ("https://www.jiangyu.gov.cn/zfxxgk/ndbg/none/", "none/index.html"),
        ("https://example.org/x", nil), ("mailto:a@b.cn", nil), ("data.csv", nil), ("./", nil), ("..", nil),
        ("../2023/?year=2023&amp;page=1#section-1", nil), ("data.csv?x=1", nil), ("../2022/?x=1#a", "jiangyu-tax/2022/index.html"),
    ] as [(String, String?)])
    func resolution(href: String, problem: String?) {
        var checker = LinkChecker(
            paths: ["index.html", "jiangyu-tax/index.html", "jiangyu-tax/2023/index.html", "jiangyu-tax/2024/index.html", "jiangyu-tax/2024/data.csv"],
            baseURL: "https://www.jiangyu.gov.cn/zfxxgk/ndbg/", basePath: "/zfxxgk/ndbg/")
        checker.addPage("index.html", ids: LinkChecker.attributes(in: "<main id=\"main\">").ids)
        checker.addPage("jiangyu-tax/2024/index.html", ids: LinkChecker.attributes(in: "<h2 id=\"section-1\"><a href=\"x\">").ids)
        let found = checker.problem(href, from: "jiangyu-tax/2024/index.html")
        if let problem {
            #expect(found?.contains(problem) == true, "\(href): \(found ?? "nil")")
        } else {
            #expect(found == nil, "\(href): \(found ?? "")")
        }
    }
}
