import ReportForm
import SiteModel
import Templates

/// `<agency>/<year>/index.html`: the report as published, with its 索引号 and 发布日期, the
/// narrative with the statutory tables in place, links to its open data and to the years
/// before and after.
enum ReportPage {
    /// The title in the front matter, or the one the statute's wording gives.
    static func title(_ report: Report, agency: Agency) -> String {
        report.frontMatter["title"]?.value ?? ReportTitle.title(agency: agency.name?.value ?? agency.slug, year: report.year)
    }

    /// The page, its print version, and the narrative as plain text for the search index.
    /// `pdfPages` is the page count of the report's PDF, or nil when none is made.
    static func render(
        _ report: Report, agency: Agency, previous: Report?, next: Report?, website: Website, theme: Theme, pdfPages: Int? = nil,
        taskList: TaskList? = nil
    ) -> (html: String, print: String, text: String) {
        let path = SitePaths.report(agency.slug, report.year)
        let title = title(report, agency: agency)
        let agencyName = agency.name?.value ?? agency.slug
        let published = report.publicationDate
        let narrative = NarrativeHTML(report)
        var details: [String: TemplateValue] = [
            "title": .text(title), "year": .number(report.year), "agencyName": .text(agencyName),
            "published": .text(published?.iso ?? report.frontMatter["published"]?.value ?? ""),
            "publishedISO": .text(published?.iso ?? ""),
            "form": .text((report.tables?.version ?? report.requiredForm.version).displayName),
            "toc": .list(narrative.parts.map { ["title": .text($0.title), "anchor": .text($0.anchor)] }),
            "body": .text(narrative.html),
        ]
        details["indexNumber"] = .text(report.frontMatter["索引号"]?.value)
        if let tasks = report.tasks, let taskList { details["tasks"] = TaskTable.context(tasks, list: taskList, page: path, website: website) }
        details["publishedChinese"] = .text(published?.chinese)
        details["canonical"] = .text(SitePaths.absolute(path, base: website.baseURL))
        if let pdfPages {
            details["pdf"] = true
            details["pdfPages"] = .number(pdfPages)
        }
        for (key, other) in [("previous", previous), ("next", next)] {
            if let other {
                details[key] = [
                    "year": .number(other.year), "url": .text(SitePaths.link(from: path, to: SitePaths.report(agency.slug, other.year))),
                ]
            }
        }
        let page = PageContext(
            path: path, title: title,
            meta: GovernmentMeta.articleTags(
                website, title: title, published: published, source: agencyName,
                url: SitePaths.absolute(path, base: website.baseURL)),
            trail: [(website.column, SitePaths.home), (agencyName, SitePaths.agency(agency.slug)), ("\(report.year)年", path)])
        let context = page.dictionary(website, assets: theme.assetNames, adding: ["report": .map(details)])
        return (theme.render("report", context), theme.render("print", context), narrative.text)
    }
}
