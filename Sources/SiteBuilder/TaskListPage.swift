import SiteModel
import Templates

/// `tasks/<id>/index.html`: a task list with, for every task, the status every agency it
/// applies to reported: one row per agency, one column per task, and the totals per task.
enum TaskListPage {
    static func render(_ list: TaskList, site: Site, website: Website, theme: Theme) -> String {
        let path = SiteLayout.taskList(list.id)
        let parents = site.parents
        var rows: [TemplateValue] = []
        var tallies = [[TaskReport.Status?: Int]](repeating: [:], count: list.tasks.count)
        for agency in site.agencies {
            guard let report = agency.reports.first(where: { $0.year == list.year }),
                report.tasks?.list.value == list.id || list.applies(to: agency.slug, parents: parents)
            else { continue }
            let tasks = report.tasks?.list.value == list.id ? report.tasks : nil
            let cells: [TemplateValue] = list.tasks.enumerated().map { index, task in
                let status = tasks?.entry(task.number)?.status?.value
                tallies[index][status, default: 0] += 1
                return [
                    "status": .text(status.map(abbreviation) ?? "—"), "statusClass": .text(TaskTable.statusClass(status)),
                    "label": .text("第\(task.number)项：\(status?.rawValue ?? "未报告")"),
                ]
            }
            rows.append([
                "name": .text(agency.name?.value ?? agency.slug),
                "url": .text(SitePaths.link(from: path, to: SitePaths.report(agency.slug, report.year)) + "#tasks"),
                "cells": .list(cells), "hasTasks": .flag(tasks != nil),
            ])
        }
        let tasks: [TemplateValue] = list.tasks.enumerated().map { index, task in
            [
                "number": .number(task.number), "title": .text(task.title), "part": .text(task.part), "text": .text(task.text),
                "units": .text((task.lead.map { $0 + "（牵头）" } + task.implementing).joined(separator: "、")),
                "deadline": .text(task.deadlinePhrase),
                "tally": .list(
                    (TaskReport.Status.allCases.map { Optional($0) } + [nil]).map { status in
                        ["status": .text(status?.rawValue ?? "未报告"), "count": .number(tallies[index][status] ?? 0)]
                    }),
            ]
        }
        let details: [String: TemplateValue] = [
            "title": .text(list.title), "issuedBy": .text(list.issuedBy ?? ""), "issued": .text(list.issued ?? ""),
            "year": .number(list.year), "tasks": .list(tasks), "numbers": .list(list.tasks.map { .number($0.number) }),
            "agencies": .list(rows),
        ]
        let page = PageContext(
            path: path, title: list.title, meta: GovernmentMeta.listTags(website),
            trail: [(website.column, SitePaths.home), (list.title, path)])
        return theme.render("task-list", page.dictionary(website, assets: theme.assetNames, adding: ["list": .map(details)]))
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
