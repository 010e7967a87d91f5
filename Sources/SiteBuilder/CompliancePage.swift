import Diagnostics
import Foundation
import Rendering
import SiteModel
import Templates

/// `compliance/`: the dashboard for the supervising office. The table can be sorted by any of
/// its columns without JavaScript: each order is its own page, and the column headings link
/// to them. `findings.html` lists every finding with a link to its place in the report.
enum CompliancePage {
    /// The orders, by file name: the heading that links to it and how rows compare.
    struct Order: Sendable {
        let file: String
        /// The column heading that links to it.
        let label: String
        let precedes: @Sendable (Compliance.Row, Compliance.Row) -> Bool
    }

    static let orders: [Order] = [
        Order(file: "index.html", label: "机关") { _, _ in false },  // site order: agency, then year
        Order(file: "by-year.html", label: "年度") { $0.year > $1.year },
        Order(file: "by-lateness.html", label: "按时公布") { ($0.daysLate ?? Int.max) > ($1.daysLate ?? Int.max) },
        Order(file: "by-errors.html", label: "错误") { $0.counts.errors > $1.counts.errors },
        Order(file: "by-warnings.html", label: "警告") { $0.counts.warnings > $1.counts.warnings },
    ]

    /// Every file of `compliance/`: the pages in each order, the findings page, JSON and CSV.
    /// Each row's HTML is made once and the orders are its permutations: at 20,000 reports, a
    /// template per row per order cost seconds on every rebuild.
    static func files(_ compliance: Compliance, json: String, taskLists: [TaskList], website: Website, theme: Theme)
        -> [(path: String, text: String)]
    {
        var files: [(String, String)] = []
        let rows = compliance.rows.map(rowHTML)
        for order in orders {
            // A stable sort: ties keep the site's order.
            let sorted = compliance.rows.indices.sorted { a, b in
                order.precedes(compliance.rows[a], compliance.rows[b])
                    || (!order.precedes(compliance.rows[b], compliance.rows[a]) && a < b)
            }
            var html = ""
            html.reserveCapacity(rows.reduce(0) { $0 + $1.utf8.count })
            for index in sorted { html += rows[index] }
            files.append(("compliance/" + order.file, table(html, order: order, compliance: compliance, taskLists: taskLists, website: website, theme: theme)))
        }
        files.append(("compliance/findings.html", details(compliance, website: website, theme: theme)))
        files.append(("compliance/compliance.json", json))
        files.append(("compliance/compliance.csv", ComplianceData.csv(compliance)))
        return files
    }

    /// One row of the table (nianbao's markup, like the statutory tables'; the page around it is the theme's).
    static func rowHTML(_ row: Compliance.Row) -> String {
        let late = row.onTime == false ? " class=\"late\"" : ""
        let details = row.findings.isEmpty ? "" : "<a href=\"findings.html#\(HTML.escape(anchor(row)))\">查看</a>"
        return "<tr><th scope=\"row\"><a href=\"\(HTML.escape(row.url))\">\(HTML.escape(row.name))</a></th><td>\(row.year)</td>"
            + "<td\(late)>\(timeliness(row))</td><td class=\"num\">\(row.counts.errors)</td><td class=\"num\">\(row.counts.warnings)</td>"
            + "<td>\(HTML.escape(row.form))</td><td>\(row.published ?? "未注明")</td><td>\(row.deadline ?? "")</td>"
            + "<td>\(HTML.escape(families(row.families)))</td><td>\(details)</td></tr>\n"
    }

    private static func table(
        _ rowsHTML: String, order: Order, compliance: Compliance, taskLists: [TaskList], website: Website, theme: Theme
    ) -> String {
        let path = "compliance/" + order.file
        // The sortable columns are the orders, in order; the first (site order) ascends.
        let headings = orders.map { target -> TemplateValue in
            var heading: [String: TemplateValue] = ["label": .text(target.label), "url": .text(target.file)]
            if target.file == order.file {
                heading["current"] = true
                heading["sort"] = target.file == orders[0].file ? "ascending" : "descending"
            }
            return .map(heading)
        }
        let totals = compliance.totals
        let context: [String: TemplateValue] = [
            "table": true, "headings": .list(headings), "rowsHTML": .text(rowsHTML),
            "files": .list(
                compliance.files.map {
                    [
                        "file": .text($0.file), "anchor": .text(fileAnchor($0.file)), "errors": .number($0.counts.errors),
                        "warnings": .number($0.counts.warnings), "families": .text(families($0.families)),
                    ]
                }),
            "hasFiles": .flag(!compliance.files.isEmpty),
            "taskLists": .list(
                taskLists.map { ["title": .text($0.title), "url": .text(SitePaths.link(from: path, to: SiteLayout.taskList($0.id)))] }),
            "hasTaskLists": .flag(!taskLists.isEmpty),
            "totals": [
                "reports": .number(compliance.rows.count), "errors": .number(totals.errors), "warnings": .number(totals.warnings),
                "late": .number(compliance.rows.filter { $0.onTime == false }.count),
            ],
        ]
        return render(path, title: "年度报告合规情况", context: context, website: website, theme: theme)
    }

    private static func details(_ compliance: Compliance, website: Website, theme: Theme) -> String {
        let entry = { (entry: Compliance.Entry) -> TemplateValue in
            var item: [String: TemplateValue] = [
                "severity": .text(entry.severity.chinese), "severityClass": .text(entry.severity.rawValue), "rule": .text(entry.rule),
                "message": .text(entry.message), "location": .text(entry.location.description),
            ]
            item["url"] = .text(entry.url)
            return .map(item)
        }
        let groups: [TemplateValue] =
            compliance.rows.filter { !$0.findings.isEmpty }.map { row in
                [
                    "anchor": .text(anchor(row)), "title": .text("\(row.name) \(row.year)年度"), "url": .text(row.url),
                    "findings": .list(row.findings.map(entry)),
                ]
            }
            + compliance.files.map { file in
                ["anchor": .text(fileAnchor(file.file)), "title": .text(file.file), "findings": .list(file.findings.map(entry))]
            }
        return render("compliance/findings.html", title: "检查发现的问题", context: ["details": true, "groups": .list(groups)], website: website, theme: theme)
    }

    private static func render(_ path: String, title: String, context: [String: TemplateValue], website: Website, theme: Theme) -> String {
        let page = PageContext(
            path: path, title: title, meta: GovernmentMeta.listTags(website),
            trail: [(website.column, SitePaths.home), ("年度报告合规情况", SiteLayout.compliance)] + (path == SiteLayout.compliance ? [] : [(title, path)]))
        return theme.render("compliance", page.dictionary(website, assets: theme.assetNames, adding: ["compliance": .map(context)]))
    }

    static func anchor(_ row: Compliance.Row) -> String { "\(row.agency)-\(row.year)" }

    static func fileAnchor(_ file: String) -> String { "file-" + file.replacingOccurrences(of: "/", with: "-") }

    private static func timeliness(_ row: Compliance.Row) -> String {
        switch (row.onTime, row.daysLate) {
        case (true?, _): "按时"
        case (false?, let days?): "逾期 \(days) 天"
        default: row.published == nil ? "未注明发布日期" : "机关类别未知"
        }
    }

    /// 「勾稽关系：错误 2；发布：警告 1」.
    static func families(_ families: [String: Compliance.Counts]) -> String {
        RuleFamily.allCases.compactMap { family -> String? in
            guard let counts = families[family.rawValue] else { return nil }
            let parts = [("错误", counts.errors), ("警告", counts.warnings), ("提示", counts.infos)].filter { $0.1 > 0 }
            return family.chinese + "：" + parts.map { "\($0.0) \($0.1)" }.joined(separator: "，")
        }.joined(separator: "；")
    }
}
