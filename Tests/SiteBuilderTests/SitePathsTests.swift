import Testing

@testable import SiteBuilder

/// Relative links between pages: every page links this way, so the site works under any
/// sub-path and opened from a folder on disk.
@Suite struct SitePathsTests {
    @Test(
        "links are relative, end in a slash for index pages, and ./ for the page's own folder",
        arguments: [
            ("index.html", "a/2024/index.html", "a/2024/"),
            ("index.html", "index.html", "./"),
            ("index.html", "data/all.json", "data/all.json"),
            ("a/2024/index.html", "a/index.html", "../"),
            ("a/2024/index.html", "b/2023/index.html", "../../b/2023/"),
            ("compliance/index.html", "a/2024/index.html", "../a/2024/"),
            ("a/2024/index.html", "a/2024/print.html", "print.html"),
            ("a/2024/print.html", "a/2024/index.html", "./"),
            ("tasks/x/index.html", "assets/site.css", "../../assets/site.css"),
            ("a/index.html", "index.html", "../"),
        ])
    func link(from: String, to: String, expected: String) {
        #expect(SitePaths.link(from: from, to: to) == expected)
    }
}
