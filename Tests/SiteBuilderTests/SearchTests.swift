import Foundation
import SiteModel
import Testing

@testable import SiteBuilder

/// The static search index, read the way assets/search.js reads it.
@Suite struct SearchTests {
    /// The reports the shipped index gives for `query`: the script's lookup, in Swift.
    static func search(_ query: String, in build: BuiltSite.Build) throws -> [String] {
        let indexFile = try #require(build.files["search-index.json"])
        let index = try #require(try JSONSerialization.jsonObject(with: indexFile) as? [String: Any])
        let shards = try #require(index["shards"] as? Int)
        let documents = try #require(index["documents"] as? [[String: String]])
        var hits: Set<Int>?
        for token in Set(SearchTokens.tokens(query)) {
            let file = try #require(build.files["search/shards/\(SearchTokens.shard(of: token, count: shards)).json"])
            let shard = try #require(try JSONSerialization.jsonObject(with: file) as? [String: [Int]])
            let posting = Set(shard[token] ?? [])
            hits = hits.map { $0.intersection(posting) } ?? posting
        }
        return (hits ?? []).sorted().map { documents[$0]["url"]! }
    }

    @Test("「信息处理费」 finds exactly the reports that mention it")
    func feeReports() throws {
        let build = try BuiltSite.sample()
        let expected = build.site.reports.filter { $0.document.source.contains("信息处理费") }
            .map { "\($0.agency)/\($0.year)/" }
        #expect(expected.count == 12)
        #expect(try Self.search("信息处理费", in: build) == expected)
        #expect(try Self.search("某某不存在的词", in: build).isEmpty)
    }

    @Test("tokens: bigrams of Chinese runs, Latin words lower-cased, punctuation separates")
    func tokens() {
        #expect(SearchTokens.tokens("信息处理费") == ["信息", "息处", "处理", "理费"])
        #expect(SearchTokens.tokens("税，App推送12366") == ["税", "app", "推送", "12366"])
        #expect(SearchTokens.tokens("IPv6 改造") == ["ipv6", "改造"])
    }

    @Test("a document's token set is the set of its tokens, rare characters and repeats included")
    func tokenSet() {
        let text = "信息处理费，信息处理。税；App 12366 \u{20B9F}\u{20B9F}吃 \u{F900}豈 a 信"
        #expect(SearchTokens.set(text) == Set(SearchTokens.tokens(text)))
        #expect(SearchTokens.set(text).contains("\u{20B9F}\u{20B9F}"))
        #expect(SearchTokens.set(text).contains("信"))
        #expect(SearchTokens.set("").isEmpty)
    }

    @Test("the number of shards grows with the site, so a query's download stays small")
    func shards() {
        var index = SearchIndex()
        #expect(index.shardCount == 1)
        for number in 0..<2000 {
            index.add(SearchIndex.Document(url: "\(number)/", title: "t", agency: "a", published: ""), text: "报告")
        }
        #expect(index.shardCount == 32)
    }

    @Test("patched shards are byte for byte those of an index made afresh")
    func patchedShards() throws {
        // 豈 (U+F900) is a compatibility ideograph: String order and byte order can differ there.
        let before = ["信息公开 申请 ipv6", "申请 \u{F900} 费用", "公开 目录", "费用 \u{F900}", "唯一词"]
        let after = ["信息公开 申请 ipv6 新词", "申请 费用", "公开 目录", "费用 \u{F900} 乙 賊", "唯二"]
        func index(_ texts: [String]) -> SearchIndex {
            var index = SearchIndex()
            for (number, text) in texts.enumerated() {
                index.add(SearchIndex.Document(url: "\(number)/", title: "t", agency: "a", published: ""), text: text)
            }
            return index
        }
        let old = Dictionary(uniqueKeysWithValues: index(before).files().map { ($0.path, $0.text) })
        let fresh = index(after)
        let changes = before.indices.map { number in
            SearchIndex.Change(
                document: number, old: SearchIndex.tokens(of: fresh.documents[number], text: before[number]),
                new: SearchIndex.tokens(of: fresh.documents[number], text: after[number]))
        }
        var patched = old
        for file in try #require(fresh.patchedShards(changes, read: { old[$0] })) { patched[file.path] = file.text }
        let expected = Dictionary(uniqueKeysWithValues: fresh.files().map { ($0.path, $0.text) })
        #expect(patched == expected)
        #expect(old["search/shards/0.json"] != expected["search/shards/0.json"])
        #expect(fresh.patchedShards(changes, read: { _ in "{\n\"a\":[1]\n" }) == nil)
    }
}
