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
        // On bytes: the home page and the dashboard ask this for every report.
        let slash = UInt8(ascii: "/")
        if !from.utf8.contains(slash) {
            // From a page at the root (the home page, the search index): the path itself.
            if to == "index.html" { return "./" }
            return to.hasSuffix("/index.html") ? String(to.dropLast("index.html".count)) : to
        }
        let fromFolder = from.utf8.split(separator: slash, omittingEmptySubsequences: false).dropLast()
        var target = to.utf8.split(separator: slash, omittingEmptySubsequences: false)
        let shared = zip(fromFolder, target).prefix { $0.elementsEqual($1) }.count
        target.removeFirst(shared)
        var path = String(repeating: "../", count: fromFolder.count - shared)
        for (number, part) in target.enumerated() {
            let last = number == target.count - 1
            if !(last && part.elementsEqual("index.html".utf8)) { path += String(Substring(part)) }
            if !last { path += "/" }
        }
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
