import Foundation
import SiteModel
import Testing

@testable import SiteBuilder

/// The Atom feed carries the newest reports only, newest first, whatever the order they come in.
@Suite struct FeedTests {
    @Test("a site of 150 reports gives a feed of the newest 100, newest first")
    func newestOnly() throws {
        // Day d of 2025 at 09:d (minutes matter: two reports of one day are ordered by time).
        let entries = (1...150).map { number in
            let day = (number - 1) / 5 + 1
            let date = PublicationDate(String(format: "2025-01-%02d 09:%02d", min(day, 28), number % 60))
            return Feeds.Entry(path: "a\(number)/2024/index.html", title: "第\(number)号", agency: "机关\(number)", published: date)
        }.shuffled()
        let feed = Feeds.atom(entries + [Feeds.Entry(path: "undated/index.html", title: "无日期", agency: "机关", published: nil)], website: Website(.empty))
        let titles = feed.matches(of: /<entry><title>([^<]*)<\/title>/).map { String($0.1) }
        #expect(titles.count == Feeds.limit)
        let expected = entries.sorted { ($0.published!.rfc3339, $1.path) > ($1.published!.rfc3339, $0.path) }.prefix(Feeds.limit).map(\.title)
        #expect(titles == Array(expected))
        #expect(!titles.contains("无日期"))
        #expect(feed.contains("<updated>\(entries.compactMap(\.published).map(\.rfc3339).max()!)</updated>"))
    }
}
