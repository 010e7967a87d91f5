import Diagnostics
import SiteModel
import Testing
import Validation

/// Links that IPv6-only readers cannot follow, plain http to government sites, the SiteIDCode.
@Suite struct WebRuleTests {
    var site = TestSite(years: [2024])
    let path = TestSite.report(2024)

    mutating func write(_ text: String) {
        site.replace(TestSite.sectionText[5]!, with: text, in: path)
    }

    func at(_ needle: String, column: Int) -> Location {
        Location(file: path, line: site.line(of: needle, in: path), column: column)
    }

    /// Where `needle` starts on its line, counted in characters from 1.
    func at(_ needle: String) -> Location {
        let line = site[path]!.split(separator: "\n", omittingEmptySubsequences: false)[site.line(of: needle, in: path) - 1]
        let start = line.range(of: needle)!.lowerBound
        return at(needle, column: line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: start) + 1)
    }

    @Test mutating func ipv4LiteralLinkIsAnError() throws {
        write("内部系统见[办事平台](http://10.1.2.3:8080/login)，备用地址 https://192.168.0.1/x。")
        let findings = try site.findings().of("web-ipv4-link")
        #expect(findings.map(\.location) == [at("http://10.1.2.3"), at("https://192.168.0.1")])
        #expect(findings.first?.location.column == 13)
        #expect(findings.allSatisfy { $0.severity == .error })
        #expect(findings.first?.message.contains("10.1.2.3") == true)
    }

    @Test mutating func plainHTTPToGovernmentSiteIsAWarning() throws {
        write("详见 http://www.jiangyu.gov.cn/zfxxgk/ 和 https://www.gov.cn/ 以及 http://example.com/。")
        let finding = expectOnly(try site.findings(), "web-insecure-link", .warning, at: at("http://www.jiangyu.gov.cn"))
        #expect(finding?.hint == "改为 https://www.jiangyu.gov.cn/zfxxgk/")
    }

    @Test mutating func hostnamesThatLookNumericAreNotIPv4() throws {
        write("参见 https://12366.chinatax.gov.cn/ 和 https://1.2.3.gov.cn/。")
        #expect(try site.findings().isEmpty)
    }

    @Test mutating func siteIDCode() throws {
        site["nianbao.yaml"] = "name: 测试网站\ndomain: www.test.gov.cn\n"
        let missing = expectOnly(try site.findings(), "site-id-code", .error, at: Location(file: "nianbao.yaml", line: 1, column: 1))
        #expect(missing?.message.contains("id_code") == true)
        site["nianbao.yaml"] = "name: 测试网站\nid_code: \"33990001\"\n"
        expectOnly(try site.findings(), "site-id-code", .warning, at: Location(file: "nianbao.yaml", line: 2, column: 10))
        for good in ["3399000001", "bm07000001"] {
            site["nianbao.yaml"] = "name: 测试网站\nid_code: \"\(good)\"\n"
            #expect(try site.findings().isEmpty, "\(good)")
        }
    }
}
