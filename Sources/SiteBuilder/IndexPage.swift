import Diagnostics
import ReportForm
import SiteModel
import Templates

/// `index.html`: every agency with its reports by year, each with its publication status.
enum IndexPage {
    static func render(_ site: Site, findings: [Finding], website: Website, theme: Theme) -> String {
        render(context(site, findings: findings).agencies, website: website, theme: theme)
    }

    /// One agency's part of the page.
    struct Listed {
        let agency: Agency
        typealias Report = (year: Int, title: String, published: String, status: String, statusClass: String)
        /// Newest first: year, title, publication date (ISO), status text and class.
        let reports: [Report]
    }

    /// What the page shows, and a text of all of it: a page whose text is unchanged need not be
    /// made again (`SiteBuilder` compares its digest with the previous build's). Links and the
    /// template's dictionaries are made only by `render`: at 20,000 reports they cost more than
    /// the comparison.
    static func context(_ site: Site, findings: [Finding]) -> (agencies: [Listed], digest: String) {
        let warnings = warningCounts(findings)
        var digest = ""
        let agencies = site.agencies.filter { !$0.reports.isEmpty }.map { agency in
            let reports = agency.reports.reversed().map { report in
                let listed = Self.listed(report, agency: agency, warnings: warnings)
                digest += line(listed)
                return listed
            }
            digest += "\(agency.slug)\t\(agency.name?.value ?? agency.slug)\t\(agency.kind?.rawValue ?? "")\n"
            return Listed(agency: agency, reports: reports)
        }
        return (agencies, digest)
    }

    /// The warnings `findings` give each report, by folder; lateness is the status itself.
    static func warningCounts(_ findings: [Finding]) -> [String: Int] {
        var warnings: [String: Int] = [:]
        for finding in findings where finding.severity == .warning && finding.rule != Rule.publishedLate.id {
            if let folder = finding.reportFolder { warnings[folder, default: 0] += 1 }
        }
        return warnings
    }

    /// What the page shows of `report`.
    static func listed(_ report: Report, agency: Agency, warnings: [String: Int]) -> Listed.Report {
        let (status, statusClass) = status(report, kind: agency.kind, warnings: warnings[report.folder] ?? 0)
        return (report.year, ReportPage.title(report, agency: agency), report.publicationDate?.iso ?? "", status, statusClass)
    }

    /// `report`'s line of the page's digest.
    static func line(_ report: Listed.Report) -> String {
        "\(report.year)\t\(report.title)\t\(report.published)\t\(report.status)\t\(report.statusClass)\n"
    }

    static func render(_ agencies: [Listed], website: Website, theme: Theme) -> String {
        let path = SitePaths.home
        let listed: [TemplateValue] = agencies.map { listed in
            let agency = listed.agency
            let reports: [TemplateValue] = listed.reports.map { report in
                [
                    "year": .number(report.year), "title": .text(report.title),
                    "url": .text(SitePaths.link(from: path, to: SitePaths.report(agency.slug, report.year))),
                    "published": .text(report.published), "status": .text(report.status), "statusClass": .text(report.statusClass),
                ]
            }
            return [
                "name": .text(agency.name?.value ?? agency.slug), "slug": .text(agency.slug), "kind": .text(agency.kind?.rawValue ?? ""),
                "url": .text(SitePaths.link(from: path, to: SitePaths.agency(agency.slug))), "reports": .list(reports),
            ]
        }
        let page = PageContext(path: path, title: website.column, meta: GovernmentMeta.listTags(website), trail: [(website.column, path)])
        return theme.render("index", page.dictionary(website, assets: theme.assetNames, adding: ["agencies": .list(listed)]))
    }

    /// 「按期发布」 or 「逾期发布」 by the deadline of the agency's kind, with the number of
    /// warnings `check` gives for the report.
    static func status(_ report: Report, kind: AgencyKind?, warnings: Int) -> (String, String) {
        guard let published = report.publicationDate else { return ("未注明发布日期", "warnings") }
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
