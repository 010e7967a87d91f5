import Foundation
import SiteModel

/// 「重点任务落实情况」: the table of a report's `tasks.yaml` against its task list, shown at the
/// end of section 六 on the report page and its print version.
enum TaskTable {
    /// The template's `report.tasks`: the list, a link to its site page and one row per task.
    static func context(_ tasks: TaskReport, list: TaskList, page: String, website: Website) -> [String: Any] {
        let rows: [[String: Any]] = list.tasks.map { task in
            let entry = tasks.entry(task.number)
            var row: [String: Any] = [
                "number": task.number, "title": task.title, "deadline": task.deadlinePhrase.trimmingCharacters(in: CharacterSet(charactersIn: "。")),
                "status": entry?.status?.value.rawValue ?? "未报告", "statusClass": statusClass(entry?.status?.value),
                "completed": entry?.completed?.value.iso ?? "",
            ]
            if let local = entry?.deadline?.value.phrase { row["localDeadline"] = local }
            if let reason = entry?.reason?.value { row["reason"] = reason }
            if let entry, let evidence = entry.evidence?.value {
                if entry.evidenceIsLink {
                    row["evidenceLink"] = ["url": href(evidence, website: website), "text": evidence]
                } else {
                    row["evidence"] = evidence
                }
            }
            return row
        }
        return [
            "title": list.title, "url": SitePaths.link(from: page, to: SiteLayout.taskList(list.id)), "rows": rows,
            "counts": counts(tasks, list: list).filter { $0.1 > 0 }.map { ["status": $0.0, "count": $0.1] },
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

    /// How many tasks have each status, in the order of `TaskReport.Status`, then those not reported.
    static func counts(_ tasks: TaskReport?, list: TaskList) -> [(String, Int)] {
        var counts = TaskReport.Status.allCases.map { status in
            (status.rawValue, list.tasks.filter { tasks?.entry($0.number)?.status?.value == status }.count)
        }
        let missing = list.tasks.filter { tasks?.entry($0.number)?.status == nil }.count
        if missing > 0 { counts.append(("未报告", missing)) }
        return counts
    }

    /// Where an evidence link points from the report page: a root-relative path outside the site
    /// (another column of the same website) is made absolute on the site's host, so the link
    /// checker leaves it alone as it leaves other hosts.
    static func href(_ evidence: String, website: Website) -> String {
        guard evidence.hasPrefix("/"), !evidence.hasPrefix(website.basePath), !evidence.hasPrefix("//"),
            let scheme = website.baseURL.range(of: "://"), let slash = website.baseURL[scheme.upperBound...].firstIndex(of: "/")
        else { return evidence }
        return String(website.baseURL[..<slash]) + evidence
    }
}
