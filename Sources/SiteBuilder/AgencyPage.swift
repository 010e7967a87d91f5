import SiteModel

/// `<agency>/index.html`: the agency's reports, newest first, and the year-over-year chart of
/// requests received and their results.
enum AgencyPage {
    static func render(_ agency: Agency, parent: Agency?, website: Website, theme: Theme) -> String {
        let path = SitePaths.agency(agency.slug)
        let name = agency.name?.value ?? agency.slug
        let reports: [[String: Any]] = agency.reports.reversed().map { report in
            [
                "year": report.year, "title": ReportPage.title(report, agency: agency),
                "url": SitePaths.link(from: path, to: SitePaths.report(agency.slug, report.year)),
                "published": report.publicationDate?.iso ?? "",
            ]
        }
        var details: [String: Any] = ["name": name, "slug": agency.slug, "kind": agency.kind?.rawValue ?? ""]
        if let parent {
            details["parent"] = ["name": parent.name?.value ?? parent.slug, "url": SitePaths.link(from: path, to: SitePaths.agency(parent.slug))]
        }
        var extra: [String: Any] = ["agency": details, "reports": reports]
        if let chart = YearChart(agency.reports) {
            extra["chart"] = [
                "svg": chart.svg, "caption": chart.caption,
                "series": chart.series.map { ["label": $0.label] },
                "years": chart.years.map { ["year": $0.year, "values": $0.values.map(String.init)] },
            ]
        }
        let page = PageContext(
            path: path, title: name, meta: GovernmentMeta.listTags(website),
            trail: [(website.column, SitePaths.home), (name, path)])
        return theme.render("agency", page.dictionary(website, assets: theme.assetNames, adding: extra))
    }
}
