/// `search/index.html`: the search form. Without JavaScript it says so and points to the index,
/// where every report is linked.
enum SearchPage {
    static func render(website: Website, theme: Theme) -> String {
        let page = PageContext(
            path: SitePaths.search, title: "搜索年度报告", meta: GovernmentMeta.listTags(website),
            trail: [(website.column, SitePaths.home), ("搜索", SitePaths.search)])
        return theme.render("search", page.dictionary(website, assets: theme.assetNames))
    }
}
