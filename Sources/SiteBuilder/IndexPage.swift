import Diagnostics
import ReportForm
import SiteModel

/// `index.html`: every agency with its reports by year, each with its publication status.
enum IndexPage {
    static func render(_ site: Site, findings: [Finding], website: Website, theme: Theme) -> String {
        render(context(site, findings: findings, website: website).agencies, website: website, theme: theme)
    }

    /// What the page shows, and a text of all of it: a page whose text is unchanged need not be
    /// made again (`SiteBuilder` compares its digest with the previous build's).
    static func context(_ site: Site, findings: [Finding], website: Website) -> (agencies: [[String: Any]], digest: String) {
        let path = SitePaths.home
        var warnings: [String: Int] = [:]  // by report folder
        for finding in findings where finding.severity == .warning {
            if let folder = finding.reportFolder { warnings[folder, default: 0] += 1 }
        }
        var digest = ""
        let agencies: [[String: Any]] = site.agencies.filter { !$0.reports.isEmpty }.map { agency in
            let reports: [[String: Any]] = agency.reports.reversed().map { report in
                let (status, statusClass) = status(report, kind: agency.kind, warnings: warnings[report.folder] ?? 0)
                let title = ReportPage.title(report, agency: agency)
                let published = ReportPage.publication(report)?.iso ?? ""
                digest += "\(report.year)\t\(title)\t\(published)\t\(status)\t\(statusClass)\n"
                return [
                    "year": report.year, "title": title, "url": SitePaths.link(from: path, to: SitePaths.report(agency.slug, report.year)),
                    "published": published, "status": status, "statusClass": statusClass,
                ]
            }
            let name = agency.name?.value ?? agency.slug
            digest += "\(agency.slug)\t\(name)\t\(agency.kind?.rawValue ?? "")\n"
            return [
                "name": name, "slug": agency.slug, "kind": agency.kind?.rawValue ?? "",
                "url": SitePaths.link(from: path, to: SitePaths.agency(agency.slug)), "reports": reports,
            ]
        }
        return (agencies, digest)
    }

    static func render(_ agencies: [[String: Any]], website: Website, theme: Theme) -> String {
        let path = SitePaths.home
        let page = PageContext(path: path, title: website.column, meta: GovernmentMeta.listTags(website), trail: [(website.column, path)])
        return theme.render("index", page.dictionary(website, assets: theme.assetNames, adding: ["agencies": agencies]))
    }

    /// 「按期发布」 or 「逾期发布」 by the deadline of the agency's kind, with the number of
    /// warnings `check` gives for the report.
    static func status(_ report: Report, kind: AgencyKind?, warnings: Int) -> (String, String) {
        guard let published = ReportPage.publication(report) else { return ("未注明发布日期", "warnings") }
        var text = "按期发布"
        var style = "ok"
        if let kind, published > report.deadline(kind) {
            text = "逾期发布（应于\(report.deadline(kind).chinese)前）"
            style = "late"
        }
        if warnings > 0 {
            text += "，\(warnings) 条提示"
            if style == "ok" { style = "warnings" }
        }
        return (text, style)
    }
}
