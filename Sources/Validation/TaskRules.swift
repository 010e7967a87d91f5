import Diagnostics
import Foundation
import SiteModel

/// The task-list rules (`Rule.taskRules`): each report a task list applies to says how every
/// task was carried out, in a `tasks.yaml` that names the list. They look across the site (the
/// lists, the agency tree, the pages evidence links to), so they run after loading, every time.
enum TaskRules {
    static func check(_ site: Site) -> [Finding] {
        guard !site.taskLists.isEmpty || site.reports.contains(where: { $0.tasks != nil }) else { return [] }
        var findings: [Finding] = []
        let parents = site.parents
        let slugs = Set(site.agencies.map(\.slug))
        for list in site.taskLists {
            for root in list.appliesTo where !slugs.contains(root.value) {
                findings.append(Rule.taskListInvalid.finding(
                    "applies_to 中的机关「\(root.value)」在 Content/ 中不存在", gist: "applies_to names no agency", at: root.location,
                    hint: "写机关文件夹名，如 jiangyu-tax。", severity: .warning))
            }
        }
        let context = EvidenceContext(site)
        for report in site.reports {
            if let tasks = report.tasks { findings += check(tasks, of: report, site: site, context: context) }
            // A list the report's tasks.yaml does not name is not addressed (one tasks.yaml names one list).
            for list in site.taskLists
            where list.year == report.year && list.id != report.tasks?.list.value && list.applies(to: report.agency, parents: parents) {
                findings.append(Rule.taskNotAddressed.finding(
                    report.tasks == nil
                        ? "\(report.year)年度报告没有 tasks.yaml，未说明《\(list.title)》\(list.tasks.count)项任务的落实情况"
                        : "tasks.yaml 说明的是另一份清单，未说明《\(list.title)》\(list.tasks.count)项任务的落实情况",
                    gist: "no tasks.yaml for task list \(list.id)", at: SourceLocation(file: report.tasksFile),
                    hint: "建立 \(report.tasksFile)：第一行 list: \(list.id)，tasks 下每项写 status（完成、推进中或不适用）。"))
            }
        }
        return findings
    }

    private static func check(_ tasks: TaskReport, of report: Report, site: Site, context: EvidenceContext) -> [Finding] {
        guard let list = site.taskList(tasks.list.value) else {
            return [Rule.tasksFileInvalid.finding(
                "任务清单「\(tasks.list.value)」不存在", gist: "unknown task list", at: tasks.list.location,
                hint: site.taskLists.isEmpty
                    ? "任务清单放在 Content/_tasks/<名称>.yaml 中。" : "可用的清单：" + site.taskLists.map(\.id).joined(separator: "、"))]
        }
        var findings: [Finding] = []
        if list.year != report.year {
            findings.append(Rule.tasksFileInvalid.finding(
                "《\(list.title)》是\(list.year)年度的任务清单，本报告是\(report.year)年度", gist: "task list of another year",
                at: tasks.list.location, severity: .warning))
        }
        for entry in tasks.entries where list.task(entry.number.value) == nil {
            findings.append(Rule.tasksFileInvalid.finding(
                "《\(list.title)》没有第\(entry.number.value)项任务", gist: "no such task", at: entry.number.location,
                hint: "任务序号为 1 至 \(list.tasks.last?.number ?? 0)。"))
        }
        let asOf = report.publicationDate ?? PublicationDate(year: report.year, month: 12, day: 31)
        for task in list.tasks {
            guard let entry = tasks.entry(task.number) else {
                findings.append(Rule.taskNotAddressed.finding(
                    "第\(task.number)项任务「\(task.title)」没有说明落实情况", gist: "task \(task.number) not addressed", at: tasks.location,
                    hint: "在 tasks 下加上 \(task.number): 并写 status。"))
                continue
            }
            guard let status = entry.status else { continue }  // reported when read
            if status.value == .notApplicable && (entry.reason?.value.isEmpty ?? true) {
                findings.append(Rule.taskReasonMissing.finding(
                    "第\(task.number)项任务标为「不适用」，但没有写 reason", gist: "not applicable without a reason", at: status.location))
            }
            if let overdue = overdue(task, entry: entry, status: status.value, asOf: asOf) {
                findings.append(Rule.taskOverdue.finding(
                    "第\(task.number)项任务「\(task.title)」应在\(overdue.chinese)前完成（\(task.deadlinePhrase.trimmingCharacters(in: CharacterSet(charactersIn: "。")))），到\(asOf.chinese)仍为「\(status.value.rawValue)」",
                    gist: "task \(task.number) past its deadline and not done", at: status.location, expected: TaskReport.Status.done.rawValue,
                    found: status.value.rawValue))
            }
            if let evidence = entry.evidence, entry.evidenceIsLink, let problem = context.problem(evidence.value, from: report) {
                findings.append(Rule.taskEvidenceUnresolved.finding(
                    "第\(task.number)项的落实依据「\(evidence.value)」\(problem)", gist: "evidence link does not resolve", at: evidence.location))
            }
        }
        return findings
    }

    /// The date a task not marked done was due by, when that date is before `asOf`. A task that
    /// also goes on (「其他工作持续推进」) may stay 「推进中」 once its dated part is done, which a
    /// `completed` date says.
    private static func overdue(_ task: TaskList.Task, entry: TaskReport.Entry, status: TaskReport.Status, asOf: PublicationDate)
        -> PublicationDate?
    {
        guard status != .done, status != .notApplicable, let deadline = task.deadline else { return nil }
        let due = deadline.isSetLocally ? entry.deadline?.value.latestDate ?? nil : deadline.latestDate
        guard let due, due < asOf else { return nil }
        if deadline.parts.contains(where: { $0.due == .ongoing }), entry.completed != nil { return nil }
        return due
    }
}

/// Where evidence links may lead: the pages and files a build of the site makes.
struct EvidenceContext {
    let paths: Set<String>
    let baseURL: String
    let basePath: String

    init(_ site: Site) {
        paths = SiteLayout.paths(of: site)
        baseURL = site.config.baseURL
        basePath = site.config.basePath
    }

    /// What is wrong with `href` written for `report`, or nil when it reaches a page of the site
    /// or leads elsewhere (other sites, and other paths of the same host, are not checked).
    func problem(_ href: String, from report: Report) -> String? {
        if href.hasPrefix("/") && !href.hasPrefix(basePath) { return nil }
        switch SiteLayout.target(of: href, from: SiteLayout.report(report.agency, report.year), baseURL: baseURL, basePath: basePath) {
        case .elsewhere: return nil
        case .invalid(let problem): return problem
        case .file(let path, _): return paths.contains(path) ? nil : "指向的页面不存在：\(path)"
        }
    }
}
