/// `404.html`: served by the web server for any missing address under the site, at any depth, so
/// its links start from the base path (`/zfxxgk/ndbg/`) rather than from its own folder.
enum NotFoundPage {
    static func render(website: Website, theme: Theme) -> String {
        var page = PageContext(
            path: "404.html", title: "页面不存在", meta: GovernmentMeta.siteTags(website), trail: [])
        page.rootOverride = website.basePath
        return theme.render("not-found", page.dictionary(website, assets: theme.assetNames))
    }
}
