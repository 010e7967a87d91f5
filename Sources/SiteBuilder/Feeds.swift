import Rendering
import SiteModel

/// sitemap.xml, the Atom feed and robots.txt: how search engines and the site's own search and
/// content systems find the reports.
enum Feeds {
    struct Entry {
        let path: String
        let title: String
        let agency: String
        let published: PublicationDate?
    }

    /// Every page, with the report's publication date as its last modification.
    static func sitemap(pages: [(path: String, published: PublicationDate?)], website: Website) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages {
            out += "<url><loc>\(HTML.escape(SitePaths.absolute(page.path, base: website.baseURL)))</loc>"
            if let date = page.published { out += "<lastmod>\(date.iso)</lastmod>" }
            out += "</url>\n"
        }
        return out + "</urlset>\n"
    }

    /// How many reports the feed carries: the newest. A feed reader fetches the whole file again
    /// and again; 20,000 entries made an 8 MB feed, and readers keep only the latest anyway.
    static let limit = 100

    /// An Atom feed of the newest `limit` reports, newest first. Its `updated` is the newest
    /// publication date, not the time of the build, so two builds of the same content are identical.
    static func atom(_ entries: [Entry], website: Website) -> String {
        // Integer keys, made once: building the date text in the comparison cost a second at
        // 20,000 reports. They order as the RFC 3339 text does; no date sorts last.
        let sorted = entries.map { ($0.published.map(Self.key) ?? -1, $0) }.sorted {
            ($0.0, $1.1.path) > ($1.0, $0.1.path)
        }.prefix(limit).map(\.1)
        let updated = sorted.first?.published?.rfc3339 ?? "2019-01-01T00:00:00+08:00"
        let home = SitePaths.absolute(SitePaths.home, base: website.baseURL)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n"
        out += "<title>\(HTML.escape(website.name + "：" + website.column))</title>\n"
        out += "<id>\(HTML.escape(home))</id>\n<link rel=\"alternate\" type=\"text/html\" href=\"\(HTML.escape(home))\"/>\n"
        out += "<link rel=\"self\" type=\"application/atom+xml\" href=\"\(HTML.escape(SitePaths.absolute("feed.xml", base: website.baseURL)))\"/>\n"
        out += "<updated>\(updated)</updated>\n<author><name>\(HTML.escape(website.name))</name></author>\n"
        for entry in sorted {
            let url = HTML.escape(SitePaths.absolute(entry.path, base: website.baseURL))
            let date = entry.published?.rfc3339 ?? updated
            out += "<entry><title>\(HTML.escape(entry.title))</title><id>\(url)</id>"
            out += "<link rel=\"alternate\" type=\"text/html\" href=\"\(url)\"/>"
            out += "<published>\(date)</published><updated>\(date)</updated>"
            out += "<author><name>\(HTML.escape(entry.agency))</name></author></entry>\n"
        }
        return out + "</feed>\n"
    }

    private static func key(_ date: PublicationDate) -> Int {
        (((date.year * 100 + date.month) * 100 + date.day) * 100 + date.hour) * 100 + date.minute
    }

    static func robots(website: Website) -> String {
        "User-agent: *\nAllow: /\nSitemap: \(SitePaths.absolute("sitemap.xml", base: website.baseURL))\n"
    }
}
