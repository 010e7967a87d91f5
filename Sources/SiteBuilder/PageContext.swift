import Diagnostics
import SiteModel

/// What every template sees, whatever the page: the site, the column, the page's own title,
/// canonical URL and path to the site root, its government meta tags and its breadcrumbs.
/// Contexts are dictionaries and arrays, which swift-mustache reads without reflection.
struct PageContext {
    let path: String
    let title: String
    let meta: [GovernmentMeta.Tag]
    /// From the site index down to this page: titles and target paths.
    let trail: [(title: String, path: String)]

    /// Overrides the relative root, for pages served at any depth (the 404 page).
    var rootOverride: String? = nil

    /// `assets` maps template names of assets (`style_css`) to the fingerprinted paths they are
    /// published at (`assets/style.0a1b2c3d.css`).
    func dictionary(_ website: Website, assets: [String: String], adding extra: [String: Any] = [:]) -> [String: Any] {
        let root = rootOverride ?? SitePaths.root(from: path)
        var page: [String: Any] = [
            "title": title, "root": root.isEmpty ? "./" : root,
            "canonical": SitePaths.absolute(path, base: website.baseURL),
        ]
        if path == SitePaths.home { page["isHome"] = true }
        if path == SitePaths.search { page["isSearch"] = true }
        if path == SiteLayout.compliance { page["isCompliance"] = true }
        if trail.count > 1 { page["hasBreadcrumbs"] = true }
        let crumbs: [[String: Any]] = trail.enumerated().map { index, step in
            var crumb: [String: Any] = ["title": step.title, "url": SitePaths.link(from: path, to: step.path)]
            if index == trail.count - 1 { crumb["current"] = true }
            return crumb
        }
        var context: [String: Any] = [
            "site": ["name": website.name, "domain": website.domain, "idCode": website.idCode, "baseURL": website.baseURL],
            "column": [
                "name": website.column, "type": GovernmentMeta.columnType, "description": website.columnDescription,
            ],
            "generator": ["version": NianbaoVersion.current],
            "page": page,
            "meta": meta.map { ["name": $0.name, "content": $0.content] },
            "breadcrumbs": crumbs,
            "assets": assets,
        ]
        context.merge(extra) { _, new in new }
        return context
    }
}
