import Diagnostics
import Foundation

/// Where each page and file of a built site goes, relative to the site root. The builder writes
/// there and the rules that check links into the site (a task's evidence) look there.
public enum SiteLayout {
    public static let home = "index.html"
    public static let search = "search/index.html"
    public static let compliance = "compliance/index.html"

    public static func agency(_ slug: String) -> String { slug + "/index.html" }
    public static func report(_ slug: String, _ year: Int) -> String { "\(slug)/\(year)/index.html" }
    public static func reportFile(_ slug: String, _ year: Int, _ name: String) -> String { "\(slug)/\(year)/\(name)" }
    public static func taskList(_ id: String) -> String { "tasks/\(id)/index.html" }

    /// The files every report has besides its page (the PDF only when PDFs are made).
    public static let reportFiles = ["print.html", "data.json", "data.csv", "report.pdf"]
    /// Site-wide files besides the pages.
    public static let siteFiles = [
        "data/all.json", "data/all.csv", "data/cells.csv", "search-index.json", "feed.xml", "sitemap.xml", "robots.txt", "404.html",
        "compliance/by-year.html", "compliance/by-lateness.html", "compliance/by-errors.html", "compliance/by-warnings.html",
        "compliance/findings.html", "compliance/compliance.json", "compliance/compliance.csv",
    ]

    /// The paths a build of `site` makes that a link may point at (pages and data files).
    public static func paths(of site: Site) -> Set<String> {
        var paths = Set([home, search, compliance] + siteFiles)
        for list in site.taskLists { paths.insert(taskList(list.id)) }
        for agency in site.agencies {
            paths.insert(self.agency(agency.slug))
            for report in agency.reports {
                paths.insert(self.report(agency.slug, report.year))
                for name in reportFiles { paths.insert(reportFile(agency.slug, report.year, name)) }
            }
        }
        return paths
    }

    /// Where a link leads.
    public enum Target: Equatable, Sendable {
        /// Another site or scheme: not followed.
        case elsewhere
        /// A page or file of the site, with the fragment (empty for none).
        case file(path: String, fragment: String)
        /// A link that cannot be right, whatever the site holds.
        case invalid(String)
    }

    /// The file `href` on the page at `page` leads to. Absolute links under the site's base URL
    /// (`https://host/zfxxgk/ndbg/`) or its path (`/zfxxgk/ndbg/`) are the site's own.
    public static func target(of href: String, from page: String, baseURL: String, basePath: String) -> Target {
        // Substrings of the link and the page, cut at ASCII bytes and joined once at the end: a
        // build checks 50 links per page, and Character splits, Foundation's `contains` and a
        // String per path component were most of the link check's time.
        var link = Substring(href.containsBytes("&amp;") ? href.replacingOccurrences(of: "&amp;", with: "&") : href)
        var fromRoot = false
        if link.utf8.starts(with: baseURL.utf8) {
            link = Substring(link.utf8.dropFirst(baseURL.utf8.count))
            fromRoot = true
        } else if link.utf8.starts(with: basePath.utf8) {
            link = Substring(link.utf8.dropFirst(basePath.utf8.count))
            fromRoot = true
        } else if link.containsBytes(":") || link.utf8.starts(with: "//".utf8) {
            return .elsewhere
        }
        let query = link.utf8.firstIndex(of: UInt8(ascii: "?")) ?? link.endIndex
        let hash = link.utf8[..<query].firstIndex(of: UInt8(ascii: "#")) ?? query
        let relative = link[..<hash]
        let fragment = hash < query ? String(link[link.utf8.index(after: hash)..<query]) : ""
        if relative.utf8.first == UInt8(ascii: "/") { return .invalid("以 / 开头，部署在子路径下时会指向站点之外；请写相对地址") }
        guard !relative.isEmpty else { return .file(path: page, fragment: fragment) }  // `#anchor` on the same page
        var target = fromRoot ? [] : Array(page.slices(separatedBy: UInt8(ascii: "/"), omittingEmpty: true).dropLast())
        for component in relative.slices(separatedBy: UInt8(ascii: "/")) {
            switch component {
            case ".", "": continue
            case "..":
                guard !target.isEmpty else { return .invalid("指向了站点根目录之外") }
                target.removeLast()
            default: target.append(component)
            }
        }
        // `../`, `..`, `./`
        if relative.utf8.last == UInt8(ascii: "/") || relative.utf8.last == UInt8(ascii: ".") { target.append("index.html") }
        return .file(path: target.joined(separator: "/"), fragment: fragment)
    }
}
