import SiteModel
import Templates

/// `<agency>/index.html`: the agency's reports, newest first, and the year-over-year chart of
/// requests received and their results.
enum AgencyPage {
    static func render(_ agency: Agency, parent: Agency?, website: Website, theme: Theme) -> String {
        let path = SitePaths.agency(agency.slug)
        let name = agency.name?.value ?? agency.slug
        let reports: [TemplateValue] = agency.reports.reversed().map { report in
            [
                "year": .number(report.year), "title": .text(ReportPage.title(report, agency: agency)),
                "url": .text(SitePaths.link(from: path, to: SitePaths.report(agency.slug, report.year))),
                "published": .text(report.publicationDate?.iso ?? ""),
            ]
        }
        var details: [String: TemplateValue] = ["name": .text(name), "slug": .text(agency.slug), "kind": .text(agency.kind?.rawValue ?? "")]
        if let parent {
            details["parent"] = [
                "name": .text(parent.name?.value ?? parent.slug), "url": .text(SitePaths.link(from: path, to: SitePaths.agency(parent.slug))),
            ]
        }
        var extra: [String: TemplateValue] = ["agency": .map(details), "reports": .list(reports)]
        if let chart = YearChart(agency.reports) {
            extra["chart"] = [
                "svg": .text(chart.svg), "caption": .text(chart.caption),
                "series": .list(chart.series.map { ["label": .text($0.label)] }),
                "years": .list(chart.years.map { ["year": .number($0.year), "values": .list($0.values.map { .text(String($0)) })] }),
            ]
        }
        let page = PageContext(
            path: path, title: name, meta: GovernmentMeta.listTags(website),
            trail: [(website.column, SitePaths.home), (name, path)])
        return theme.render("agency", page.dictionary(website, assets: theme.assetNames, adding: extra))
    }
}
