import Diagnostics

/// Turns the YAML of a task list or a `tasks.yaml` into the model, collecting every problem
/// with its position rather than stopping at the first.
struct TaskYAML {
    let file: String
    var findings: [Finding] = []

    init(file: String) { self.file = file }

    // MARK: Task list

    mutating func taskList(_ text: String, id: String) -> TaskList? {
        guard let root = mappingRoot(text) else { return nil }
        let fields = root.fields
        guard let title = scalar(fields["title"], "title", in: root, rule: .taskListInvalid),
            let year = integer(fields["year"], "year", in: root, rule: .taskListInvalid)
        else { return nil }
        var tasks: [TaskList.Task] = []
        let parts = fields["parts"]?.sequence ?? []
        if parts.isEmpty { problem(.taskListInvalid, "任务清单没有 parts（各部分及其任务）", "no parts", at: fields["parts"] ?? root) }
        for part in parts {
            let partFields = part.fields
            let partTitle = partFields["title"]?.string ?? ""
            for task in partFields["tasks"]?.sequence ?? [] {
                if let read = self.task(task, part: partTitle) { tasks.append(read) }
            }
        }
        var seen: Set<Int> = []
        for task in tasks where !seen.insert(task.number).inserted {
            findings.append(Rule.taskListInvalid.finding(
                "任务序号 \(task.number) 出现了两次", gist: "task number \(task.number) listed twice", at: task.location))
        }
        let appliesTo = (fields["applies_to"]?.sequence ?? fields["applies_to"].map { [$0] } ?? []).compactMap { node in
            node.string.map { Located($0, at: node.location(in: file)) }
        }
        return TaskList(
            id: id, file: file, title: title, issuedBy: fields["issued_by"]?.string, issued: fields["issued"]?.string, year: year,
            appliesTo: appliesTo, tasks: tasks.sorted { $0.number < $1.number })
    }

    private mutating func task(_ node: YAMLNode, part: String) -> TaskList.Task? {
        let fields = node.fields
        guard let number = integer(fields["number"], "number", in: node, rule: .taskListInvalid),
            let title = scalar(fields["title"], "title", in: node, rule: .taskListInvalid),
            let phraseNode = fields["deadline"], let phrase = scalar(phraseNode, "deadline", in: node, rule: .taskListInvalid)
        else {
            if fields["deadline"] == nil { problem(.taskListInvalid, "任务缺少 deadline（完成时限）", "task has no deadline", at: node) }
            return nil
        }
        var deadline: TaskDeadline?
        switch TaskDeadline.parse(phrase) {
        case .success(let parsed): deadline = parsed
        case .failure(let unreadable):
            problem(.taskListInvalid, "第\(number)项的完成时限「\(unreadable.clause)」无法识别：\(unreadable.reason)", "unreadable deadline", at: phraseNode)
        }
        return TaskList.Task(
            number: number, part: part, title: title, text: fields["text"]?.string ?? "", lead: strings(fields["lead"]),
            implementing: strings(fields["implement"]), deadline: deadline, deadlinePhrase: phrase, location: node.location(in: file))
    }

    // MARK: tasks.yaml

    mutating func taskReport(_ text: String) -> TaskReport? {
        guard let root = mappingRoot(text) else { return nil }
        let fields = root.fields
        for (key, _) in root.mapping ?? [] where !["list", "tasks"].contains(key.string ?? "") {
            problem(.tasksFileInvalid, "tasks.yaml 中有无法识别的键「\(key.string ?? "")」", "unknown key", at: key, hint: "只能有 list 和 tasks。")
        }
        guard let listNode = fields["list"], let list = scalar(listNode, "list", in: root, rule: .tasksFileInvalid) else { return nil }
        var entries: [TaskReport.Entry] = []
        let tasksNode = fields["tasks"]
        if tasksNode != nil, tasksNode?.mapping == nil, tasksNode?.isNullLike != true {
            problem(.tasksFileInvalid, "tasks 应当是以任务序号为键的映射", "tasks must be a mapping", at: tasksNode!)
        }
        for (key, value) in tasksNode?.mapping ?? [] {
            guard let text = key.string, let number = Self.positive(text) else {
                problem(.tasksFileInvalid, "任务序号「\(key.string ?? "")」应当是正整数", "task key is not a number", at: key,
                        hint: Self.leadingZeroHint(key.string ?? ""))
                continue
            }
            entries.append(entry(Located(number, at: key.location(in: file)), value))
        }
        return TaskReport(
            list: Located(list, at: listNode.location(in: file)), entries: entries, location: (tasksNode ?? root).location(in: file))
    }

    private static let entryKeys = ["status", "completed", "evidence", "reason", "deadline"]

    private mutating func entry(_ number: Located<Int>, _ node: YAMLNode) -> TaskReport.Entry {
        let fields = node.fields
        for (key, _) in node.mapping ?? [] where !Self.entryKeys.contains(key.string ?? "") {
            problem(.tasksFileInvalid, "第\(number.value)项中有无法识别的键「\(key.string ?? "")」", "unknown key", at: key,
                hint: "可用的键：" + Self.entryKeys.joined(separator: "、"))
        }
        if node.mapping == nil { problem(.tasksFileInvalid, "第\(number.value)项应写成 status: 等键", "task entry must be a mapping", at: node) }
        var status: Located<TaskReport.Status>?
        if let written = fields["status"] {
            if let value = written.string.flatMap(TaskReport.Status.init(rawValue:)) {
                status = Located(value, at: written.location(in: file))
            } else {
                problem(.tasksFileInvalid, "第\(number.value)项的 status「\(written.string ?? "")」无法识别", "unknown status", at: written,
                    hint: "改为" + TaskReport.Status.allCases.map { "「\($0.rawValue)」" }.joined(separator: "、") + "之一。")
            }
        } else if node.mapping != nil {
            problem(.tasksFileInvalid, "第\(number.value)项缺少 status", "status missing", at: node)
        }
        var completed: Located<PublicationDate>?
        if let written = fields["completed"] {
            if let date = written.string.flatMap(PublicationDate.init) {
                completed = Located(date, at: written.location(in: file))
            } else {
                problem(.tasksFileInvalid, "第\(number.value)项的 completed「\(written.string ?? "")」不是日期", "completed is not a date", at: written,
                    hint: "写成 YYYY-MM-DD，例如 2020-12-15。")
            }
        }
        var deadline: Located<TaskDeadline>?
        if let written = fields["deadline"], let phrase = written.string {
            switch TaskDeadline.parse(phrase) {
            case .success(let parsed): deadline = Located(parsed, at: written.location(in: file))
            case .failure(let unreadable):
                problem(.tasksFileInvalid, "第\(number.value)项的 deadline「\(unreadable.clause)」无法识别：\(unreadable.reason)", "unreadable deadline", at: written)
            }
        }
        let file = self.file
        let text = { (key: String) in fields[key].flatMap { node in node.string.map { Located($0, at: node.location(in: file)) } } }
        return TaskReport.Entry(
            number: number, status: status, completed: completed, evidence: text("evidence"), reason: text("reason"), deadline: deadline)
    }

    // MARK: Helpers

    private mutating func mappingRoot(_ text: String) -> YAMLNode? {
        switch YAMLDocument.parse(text, file: file) {
        case .failure(let finding):
            findings.append(finding)
            return nil
        case .success(let root):
            guard let root, root.mapping != nil else {
                findings.append(Rule.yamlShape.finding("应当是「键: 值」的映射", gist: "expected a mapping", at: SourceLocation(file: file)))
                return nil
            }
            return root
        }
    }

    private mutating func scalar(_ node: YAMLNode?, _ key: String, in parent: YAMLNode, rule: Rule) -> String? {
        guard let node else {
            problem(rule, "缺少 \(key)", "\(key) missing", at: parent)
            return nil
        }
        guard let text = node.string, !node.isNullLike else {
            problem(rule, "\(key) 应当是一段文字", "\(key) must be a scalar", at: node)
            return nil
        }
        return text
    }

    private mutating func integer(_ node: YAMLNode?, _ key: String, in parent: YAMLNode, rule: Rule) -> Int? {
        guard let text = scalar(node, key, in: parent, rule: rule) else { return nil }
        guard let value = Self.positive(text) else {
            problem(rule, "\(key) 应当是正整数，这里是「\(text)」", "\(key) must be a number", at: node!, hint: Self.leadingZeroHint(text))
            return nil
        }
        return value
    }

    /// A positive whole number as written: ASCII digits without a sign or a leading zero.
    /// `Int` reads `012` and `+12` as 12, so that keys `12` and `012` were one task twice.
    static func positive(_ text: String) -> Int? {
        guard (1...9).contains(text.utf8.count), text.utf8.allSatisfy({ (0x30...0x39).contains($0) }), !text.hasPrefix("0") else {
            return nil
        }
        return Int(text)
    }

    private static func leadingZeroHint(_ text: String) -> String? {
        let digits = text.drop { $0 == "0" }
        guard text.hasPrefix("0"), !digits.isEmpty, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return "数字不能以 0 开头；如果是 \(digits)，就写 \(digits)。"
    }

    private func strings(_ node: YAMLNode?) -> [String] {
        node?.sequence?.compactMap(\.string) ?? node?.string.map { [$0] } ?? []
    }

    private mutating func problem(_ rule: Rule, _ message: String, _ gist: String, at node: YAMLNode, hint: String? = nil) {
        findings.append(rule.finding(message, gist: gist, at: node.location(in: file), hint: hint))
    }
}
