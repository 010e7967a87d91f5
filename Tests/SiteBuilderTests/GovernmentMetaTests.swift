import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing

/// The web page tags of 《政府网站网页设计规范》 on every page, and canonical URLs under the
/// configured base URL (which sits under a sub-path in the sample).
@Suite struct GovernmentMetaTests {
    static func meta(_ html: String) -> [String: String] {
        var tags: [String: String] = [:]
        for match in html.matches(of: /<meta name="([A-Za-z]+)" content="([^"]*)">/) { tags[String(match.1)] = String(match.2) }
        return tags
    }

    @Test("site tags everywhere, column tags on list pages, content tags on report pages")
    func tags() throws {
        let build = try BuiltSite.sample()
        // Reports, agencies, home and search, the task list, the dashboard in five orders and its findings.
        #expect(build.pages.count == 13 + 3 + 2 + 1 + 6)
        for path in build.pages {
            let tags = Self.meta(try build.text(path))
            #expect(tags["SiteName"] == "江屿市人民政府门户网站", "\(path)")
            #expect(tags["SiteDomain"] == "www.jiangyu.gov.cn", "\(path)")
            #expect(tags["SiteIDCode"] == "3399000001", "\(path)")
            #expect(tags["ColumnName"] == "政府信息公开年报", "\(path)")
            #expect(tags["ColumnType"] == "信息公开年报", "\(path)")
            let isReport = path.split(separator: "/").count == 3 && path.hasSuffix("/index.html") && !path.hasPrefix("search/")
                && !path.hasPrefix("tasks/")
            if isReport {
                #expect(tags["ArticleTitle"]?.hasSuffix("年政府信息公开工作年度报告") == true, "\(path)")
                #expect(tags["PubDate"]?.wholeMatch(of: /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/) != nil, "\(path)")
                #expect(tags["ContentSource"]?.isEmpty == false, "\(path)")
            } else {
                #expect(tags["ColumnDescription"]?.isEmpty == false, "\(path)")
                #expect(tags["ColumnKeywords"]?.isEmpty == false, "\(path)")
                #expect(tags["ArticleTitle"] == nil, "\(path)")
            }
        }
        let report = Self.meta(try build.text("qingshan-county/2024/index.html"))
        #expect(report["PubDate"] == "2025-03-18 10:00")
        #expect(report["ContentSource"] == "青山县人民政府")
    }

    @Test("canonical URLs, sitemap and feed are absolute under the base URL's sub-path")
    func canonical() throws {
        let build = try BuiltSite.sample()
        let base = "https://www.jiangyu.gov.cn/zfxxgk/ndbg/"
        #expect(try build.text("jiangyu-tax/2024/index.html").contains("<link rel=\"canonical\" href=\"\(base)jiangyu-tax/2024/\">"))
        #expect(try build.text("index.html").contains("<link rel=\"canonical\" href=\"\(base)\">"))
        let sitemap = try build.text("sitemap.xml")
        // Every page but the search form, which has nothing for a search engine to index, and the
        // dashboard's other orders and findings page (the same rows as compliance/).
        #expect(sitemap.components(separatedBy: "<loc>").count - 1 == build.pages.count - 1 - 5)
        #expect(sitemap.contains("<loc>\(base)compliance/</loc>") && sitemap.contains("<loc>\(base)tasks/2020-tax/</loc>"))
        #expect(!sitemap.contains("/search/"))
        #expect(sitemap.contains("<url><loc>\(base)jiangyu-tax/2024/</loc><lastmod>2025-01-21</lastmod></url>"))
        let feed = try build.text("feed.xml")
        #expect(feed.components(separatedBy: "<entry>").count - 1 == 13)
        #expect(feed.contains("<updated>2025-03-18T10:00:00+08:00</updated>"))
        #expect(try build.text("robots.txt").contains("Sitemap: \(base)sitemap.xml"))
        for xml in [sitemap, feed] {
            let parser = XMLParser(data: Data(xml.utf8))
            #expect(parser.parse(), "\(parser.parserError.map(String.init(describing:)) ?? "")")
        }
    }
}
