import SiteModel

/// Where each page and file of the built site goes, and the links between them. Links are
/// relative, so the site works under any sub-path and from a folder on disk; canonical URLs are
/// absolute, from the configured base URL.
enum SitePaths {
    static let home = SiteLayout.home
    static let search = SiteLayout.search

    static func agency(_ slug: String) -> String { SiteLayout.agency(slug) }
    static func report(_ slug: String, _ year: Int) -> String { SiteLayout.report(slug, year) }
    static func reportFile(_ slug: String, _ year: Int, _ name: String) -> String { SiteLayout.reportFile(slug, year, name) }

    /// The link from the page at `from` to the file at `to`, both relative to the site root.
    /// `index.html` is left off, as web servers serve it for the folder.
    static func link(from: String, to: String) -> String {
        let fromFolder = from.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        var target = to.split(separator: "/", omittingEmptySubsequences: false)
        let shared = zip(fromFolder, target).prefix { $0 == $1 }.count
        let ups = Array(repeating: "..", count: fromFolder.count - shared)
        target.removeFirst(shared)
        if target.last == "index.html" { target[target.count - 1] = "" }
        let path = (ups + target.map(String.init)).joined(separator: "/")
        return path.isEmpty ? "./" : path
    }

    /// The prefix that leads from the page at `path` to the site root: `../../` for a report page.
    static func root(from path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }

    /// The page's public URL under `base` (which ends in a slash).
    static func absolute(_ path: String, base: String) -> String {
        base + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
    }
}
