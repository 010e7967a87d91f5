import Foundation

/// 「重点任务落实情况」: what a report says about each task of its list, row by row, as the report
/// page, its print page and its PDF all show it.
public enum TaskStatusTable {
    public static let title = "重点任务落实情况"
    public static let columns = ["序号", "任务", "完成时限", "落实情况", "完成日期", "依据或说明"]
    /// Shown for a task the report does not mention.
    public static let notReported = "未报告"

    public struct Row: Sendable {
        public let number: Int
        public let title: String
        /// The list's phrase, and the office's own date where the list leaves it to each office.
        public let deadline: String
        public let localDeadline: String?
        public let status: TaskReport.Status?
        public let completed: String
        public let evidence: String?
        public let evidenceIsLink: Bool
        public let reason: String?

        public var statusText: String { status?.rawValue ?? TaskStatusTable.notReported }

        /// The last column as plain text: the evidence and, for 不适用, the reason.
        public var remarks: String {
            [evidence, reason.map { "不适用的理由：" + $0 }].compactMap { $0 }.joined(separator: " ")
        }
    }

    public static func rows(_ tasks: TaskReport, list: TaskList) -> [Row] {
        list.tasks.map { task in
            let entry = tasks.entry(task.number)
            return Row(
                number: task.number, title: task.title, deadline: task.deadlinePhrase.trimmingCharacters(in: CharacterSet(charactersIn: "。")),
                localDeadline: entry?.deadline?.value.phrase, status: entry?.status?.value, completed: entry?.completed?.value.iso ?? "",
                evidence: entry?.evidence?.value, evidenceIsLink: entry?.evidenceIsLink ?? false, reason: entry?.reason?.value)
        }
    }

    /// How many tasks have each status, in the order of `TaskReport.Status`, then those not
    /// reported; statuses no task has are left out.
    public static func counts(_ rows: [Row]) -> [(status: String, count: Int)] {
        (TaskReport.Status.allCases.map(Optional.some) + [nil]).compactMap { status in
            let count = rows.filter { $0.status == status }.count
            return count > 0 ? (status?.rawValue ?? notReported, count) : nil
        }
    }
}
