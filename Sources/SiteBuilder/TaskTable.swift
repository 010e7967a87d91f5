import SiteModel

/// 「重点任务落实情况」: the table of a report's `tasks.yaml` against its task list, shown at the
/// end of section 六 on the report page and its print version.
enum TaskTable {
    /// The template's `report.tasks`: the list, a link to its site page and one row per task.
    static func context(_ tasks: TaskReport, list: TaskList, page: String, website: Website) -> [String: Any] {
        let rows = TaskStatusTable.rows(tasks, list: list)
        return [
            "heading": TaskStatusTable.title, "columns": TaskStatusTable.columns,
            "title": list.title, "url": SitePaths.link(from: page, to: SiteLayout.taskList(list.id)),
            "counts": TaskStatusTable.counts(rows).map { ["status": $0.status, "count": $0.count] },
            "rows": rows.map { row -> [String: Any] in
                var item: [String: Any] = [
                    "number": row.number, "title": row.title, "deadline": row.deadline, "status": row.statusText,
                    "statusClass": statusClass(row.status), "completed": row.completed,
                ]
                if let local = row.localDeadline { item["localDeadline"] = local }
                if let reason = row.reason { item["reason"] = reason }
                if let evidence = row.evidence {
                    if row.evidenceIsLink {
                        item["evidenceLink"] = ["url": href(evidence, website: website), "text": evidence]
                    } else {
                        item["evidence"] = evidence
                    }
                }
                return item
            },
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
