import SiteModel

/// `tasks/<id>/index.html`: a task list with, for every task, the status every agency it
/// applies to reported: one row per agency, one column per task, and the totals per task.
enum TaskListPage {
    static func render(_ list: TaskList, site: Site, website: Website, theme: Theme) -> String {
        let path = SiteLayout.taskList(list.id)
        let parents = site.parents
        var rows: [[String: Any]] = []
        var tallies = [[TaskReport.Status?: Int]](repeating: [:], count: list.tasks.count)
        for agency in site.agencies {
            guard let report = agency.reports.first(where: { $0.year == list.year }),
                report.tasks?.list.value == list.id || list.applies(to: agency.slug, parents: parents)
            else { continue }
            let tasks = report.tasks?.list.value == list.id ? report.tasks : nil
            let cells: [[String: Any]] = list.tasks.enumerated().map { index, task in
                let status = tasks?.entry(task.number)?.status?.value
                tallies[index][status, default: 0] += 1
                return [
                    "status": status.map(abbreviation) ?? "—", "statusClass": TaskTable.statusClass(status),
                    "label": "第\(task.number)项：\(status?.rawValue ?? "未报告")",
                ]
            }
            rows.append([
                "name": agency.name?.value ?? agency.slug,
                "url": SitePaths.link(from: path, to: SitePaths.report(agency.slug, report.year)) + "#tasks",
                "cells": cells, "hasTasks": tasks != nil,
            ])
        }
        let tasks: [[String: Any]] = list.tasks.enumerated().map { index, task in
            [
                "number": task.number, "title": task.title, "part": task.part, "text": task.text,
                "units": (task.lead.map { $0 + "（牵头）" } + task.implementing).joined(separator: "、"),
                "deadline": task.deadlinePhrase,
                "tally": (TaskReport.Status.allCases.map { Optional($0) } + [nil]).map { status in
                    ["status": status?.rawValue ?? "未报告", "count": tallies[index][status] ?? 0]
                },
            ]
        }
        let details: [String: Any] = [
            "title": list.title, "issuedBy": list.issuedBy ?? "", "issued": list.issued ?? "", "year": list.year,
            "tasks": tasks, "numbers": list.tasks.map(\.number), "agencies": rows,
        ]
        let page = PageContext(
            path: path, title: list.title, meta: GovernmentMeta.listTags(website),
            trail: [(website.column, SitePaths.home), (list.title, path)])
        return theme.render("task-list", page.dictionary(website, assets: theme.assetNames, adding: ["list": details]))
    }

    /// One character per status, so that 23 columns fit a screen.
    private static func abbreviation(_ status: TaskReport.Status) -> String {
        switch status {
        case .done: "完"
        case .inProgress: "进"
        case .notApplicable: "免"
        }
    }
}
