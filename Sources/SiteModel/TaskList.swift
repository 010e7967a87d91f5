import Diagnostics

/// A list of key tasks a supervising office sets for a year (重点任务清单), read from
/// `Content/_tasks/<id>.yaml`: reports of that year by the agencies it applies to say how each
/// task was carried out (`tasks.yaml`).
public struct TaskList: Sendable {
    /// The file name without `.yaml`: what `tasks.yaml` names in `list:`; also the page's URL.
    public let id: String
    /// `Content/_tasks/<id>.yaml`.
    public let file: String
    public let title: String
    /// Who issued it and when, as written.
    public let issuedBy: String?
    public let issued: String?
    /// The report year whose reports must address it.
    public let year: Int
    /// Agency slugs: the list applies to each of them and every agency below them (`parent`).
    public let appliesTo: [Located<String>]
    public let tasks: [Task]

    /// One key task.
    public struct Task: Sendable {
        public let number: Int
        /// The part (一、二…) the task is listed under.
        public let part: String
        public let title: String
        public let text: String
        /// 牵头单位 and 分别落实单位.
        public let lead: [String]
        public let implementing: [String]
        /// Nil where the phrase could not be read (a finding says why).
        public let deadline: TaskDeadline?
        public let deadlinePhrase: String
        public let location: SourceLocation
    }

    public func task(_ number: Int) -> Task? { tasks.first { $0.number == number } }

    /// Whether the list asks `agency` to report: it or an agency above it is in `appliesTo`.
    /// `parents` gives each agency's parent slug.
    public func applies(to agency: String, parents: [String: String]) -> Bool {
        let roots = Set(appliesTo.map(\.value))
        var current: String? = agency
        var seen: Set<String> = []
        while let slug = current, seen.insert(slug).inserted {
            if roots.contains(slug) { return true }
            current = parents[slug]
        }
        return false
    }
}

/// What a report says about each task of a list: `Content/<agency>/<year>/tasks.yaml`.
public struct TaskReport: Sendable {
    /// The list's id, as written after `list:`.
    public let list: Located<String>
    public let entries: [Entry]
    /// Where `tasks:` is, for a task left out.
    public let location: SourceLocation

    public enum Status: String, Sendable, CaseIterable {
        case done = "完成"
        case inProgress = "推进中"
        case notApplicable = "不适用"
    }

    /// One task's status.
    public struct Entry: Sendable {
        public let number: Located<Int>
        public let status: Located<Status>?
        public let completed: Located<PublicationDate>?
        /// A link (checked) or a sentence.
        public let evidence: Located<String>?
        public let reason: Located<String>?
        /// The office's own date where the list leaves it to each office.
        public let deadline: Located<TaskDeadline>?
    }

    public func entry(_ number: Int) -> Entry? { entries.first { $0.number.value == number } }
}

extension TaskReport.Entry {
    /// Whether evidence is written as a link to be followed rather than a sentence.
    public var evidenceIsLink: Bool {
        guard let text = evidence?.value else { return false }
        return ["/", "./", "../", "#", "http://", "https://"].contains { text.hasPrefix($0) }
    }
}
