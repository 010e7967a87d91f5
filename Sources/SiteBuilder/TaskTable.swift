import SiteModel
import Templates

/// 「重点任务落实情况」: the table of a report's `tasks.yaml` against its task list, shown at the
/// end of section 六 on the report page and its print version.
enum TaskTable {
    /// The template's `report.tasks`: the list, a link to its site page and one row per task.
    static func context(_ tasks: TaskReport, list: TaskList, page: String, website: Website) -> TemplateValue {
        let rows = TaskStatusTable.rows(tasks, list: list)
        return [
            "heading": .text(TaskStatusTable.title), "columns": .list(TaskStatusTable.columns.map(TemplateValue.text)),
            "title": .text(list.title), "url": .text(SitePaths.link(from: page, to: SiteLayout.taskList(list.id))),
            "counts": .list(TaskStatusTable.counts(rows).map { ["status": .text($0.status), "count": .number($0.count)] }),
            "rows": .list(
                rows.map { row in
                    var item: [String: TemplateValue] = [
                        "number": .number(row.number), "title": .text(row.title), "deadline": .text(row.deadline),
                        "status": .text(row.statusText), "statusClass": .text(statusClass(row.status)), "completed": .text(row.completed),
                    ]
                    item["localDeadline"] = .text(row.localDeadline)
                    item["reason"] = .text(row.reason)
                    if let evidence = row.evidence {
                        if row.evidenceIsLink {
                            item["evidenceLink"] = ["url": .text(href(evidence, website: website)), "text": .text(evidence)]
                        } else {
                            item["evidence"] = .text(evidence)
                        }
                    }
                    return .map(item)
                }),
        ]
    }

    /// A class per status for the theme's colours.
    static func statusClass(_ status: TaskReport.Status?) -> String {
        switch status {
        case .done: "done"
        case .inProgress: "progress"
        case .notApplicable: "na"
        case nil: "missing"
        }
    }

    /// Where an evidence link points from the report page: a root-relative path outside the site
    /// (another column of the same website) is made absolute on the site's host, so the link
    /// checker leaves it alone as it leaves other hosts.
    static func href(_ evidence: String, website: Website) -> String {
        guard evidence.hasPrefix("/"), !evidence.hasPrefix(website.basePath), !evidence.hasPrefix("//"), !website.origin.isEmpty
        else { return evidence }
        return website.origin + evidence
    }
}
