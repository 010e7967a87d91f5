import Diagnostics
import SiteModel
import Templates

/// What every template sees, whatever the page: the site, the column, the page's own title,
/// canonical URL and path to the site root, its government meta tags and its breadcrumbs.
/// Contexts are `TemplateValue`s: the renderer reads them without asking the runtime their type.
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
    func dictionary(_ website: Website, assets: TemplateValue, adding extra: [String: TemplateValue] = [:]) -> TemplateValue {
        let root = rootOverride ?? SitePaths.root(from: path)
        var page: [String: TemplateValue] = [
            "title": .text(title), "root": .text(root.isEmpty ? "./" : root),
            "canonical": .text(SitePaths.absolute(path, base: website.baseURL)),
        ]
        if path == SitePaths.home { page["isHome"] = true }
        if path == SitePaths.search { page["isSearch"] = true }
        if path == SiteLayout.compliance { page["isCompliance"] = true }
        if trail.count > 1 { page["hasBreadcrumbs"] = true }
        let crumbs: [TemplateValue] = trail.enumerated().map { index, step in
            var crumb: [String: TemplateValue] = ["title": .text(step.title), "url": .text(SitePaths.link(from: path, to: step.path))]
            if index == trail.count - 1 { crumb["current"] = true }
            return .map(crumb)
        }
        var context: [String: TemplateValue] = [
            "site": [
                "name": .text(website.name), "domain": .text(website.domain), "idCode": .text(website.idCode),
                "baseURL": .text(website.baseURL),
            ],
            "column": [
                "name": .text(website.column), "type": .text(GovernmentMeta.columnType), "description": .text(website.columnDescription),
            ],
            "generator": ["version": .text(NianbaoVersion.current)],
            "page": .map(page),
            "meta": .list(meta.map { ["name": .text($0.name), "content": .text($0.content)] }),
            "breadcrumbs": .list(crumbs),
            "assets": assets,
        ]
        context.merge(extra) { _, new in new }
        return .map(context)
    }
}
