import Diagnostics
import Foundation
import SiteModel

/// `tasks.yaml` as `nianbao new` writes it where a task list applies to the new report: every
/// task of the list with 「待填写」 where the writer answers, and the task's title and deadline
/// as a comment beside it, so nobody has to look up the numbers.
public enum TasksTemplate {
    public static func yaml(for list: TaskList) -> String {
        var text = """
            # 《\(list.title)》落实情况（在年度报告中公开）
            # status：完成、推进中或不适用；completed：完成日期（YYYY-MM-DD）；不适用的写 reason；
            # evidence：本站页面的链接（如 ./#section-1）或一句说明
            list: \(list.id)
            tasks:

            """
        for task in list.tasks {
            text += "  \(task.number):  # \(task.title)（完成时限：\(task.deadlinePhrase)）\n"
            text += "    status: \(ReportTemplate.placeholder)\n    evidence: \(ReportTemplate.placeholder)\n"
        }
        return text
    }

    /// The lists in `Content/_tasks/` that ask `slug` (whose parent is `parent`, for an agency not
    /// written yet) to report for `year`. Parents above are read from their agency.yaml files.
    static func lists(root: URL, slug: String, parent: String?, year: Int) -> [TaskList] {
        let lists = TaskListLoader.lists(content: root.appendingPathComponent("Content")).filter { $0.year == year }
        guard !lists.isEmpty else { return [] }
        var parents: [String: String] = [:]
        var current: String? = slug
        var next = parent
        for _ in 0..<64 {
            guard let agency = current else { break }
            if next == nil {
                var ignored: [Finding] = []
                let folder = root.appendingPathComponent("Content").appendingPathComponent(agency)
                next = SiteLoader.loadAgency(folder: folder, path: "Content/\(agency)", into: &ignored).2?.value
            }
            if let next { parents[agency] = next }
            current = next
            next = nil
        }
        return lists.filter { $0.applies(to: slug, parents: parents) }
    }
}
