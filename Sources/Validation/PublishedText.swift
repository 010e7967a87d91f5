import Diagnostics
import SiteModel

/// A text outside the narrative that reaches a built page, the feed, the open data or the search
/// index, with where its value starts and how a message names it.
struct PublishedText {
    let text: String
    let location: SourceLocation
    /// 「头信息 title」, 「tasks.yaml 第3项 evidence」…
    let place: String
    /// The English gist's words for it.
    let gist: String
}

extension PublishedText {
    /// A report's own: every front-matter field (the title, 发布日期 and 索引号 are shown on its
    /// page, in the feed, in data.json and data.csv and in the search index; any field may be
    /// shown by a theme) and what `tasks.yaml` says (its table on the report page).
    static func of(_ report: Report) -> [PublishedText] {
        var texts = report.frontMatter.fields.sorted { $0.key < $1.key }.map { key, value in
            PublishedText(text: value.value, location: value.location, place: "头信息 \(key) ", gist: "front matter `\(key)`")
        }
        if let tasks = report.tasks {
            texts.append(PublishedText(text: tasks.list.value, location: tasks.list.location, place: "tasks.yaml 的 list ", gist: "tasks.yaml `list`"))
            for entry in tasks.entries {
                let number = entry.number.value
                // The office's own deadline is shown as written, beside the list's.
                let deadline = entry.deadline.map { Located($0.value.phrase, at: $0.location) }
                for (key, value) in [("evidence", entry.evidence), ("reason", entry.reason), ("deadline", deadline)] {
                    guard let value else { continue }
                    texts.append(PublishedText(
                        text: value.value, location: value.location, place: "tasks.yaml 第\(number)项 \(key) ", gist: "tasks.yaml task \(number) `\(key)`"))
                }
            }
        }
        return texts
    }

    /// The site's: each agency's name (on every page of it, the home page, the feed and the open
    /// data), the task lists (their pages and the report pages' task tables) and the fields of
    /// nianbao.yaml that pages show.
    static func of(_ site: Site) -> [PublishedText] {
        var texts: [PublishedText] = []
        for agency in site.agencies {
            if let name = agency.name {
                texts.append(PublishedText(text: name.value, location: name.location, place: "agency.yaml 的 name ", gist: "agency.yaml `name`"))
            }
        }
        for list in site.taskLists {
            let top = SourceLocation(file: list.file)
            for (key, value) in [("title", list.title), ("issued_by", list.issuedBy), ("issued", list.issued)] {
                guard let value else { continue }
                texts.append(PublishedText(text: value, location: top, place: "任务清单的 \(key) ", gist: "task list `\(key)`"))
            }
            for task in list.tasks {
                let written = [
                    ("part", [task.part]), ("title", [task.title]), ("text", [task.text]), ("lead", task.lead), ("implement", task.implementing),
                    ("deadline", [task.deadlinePhrase]),
                ]
                for (key, values) in written {
                    for value in values where !value.isEmpty {
                        texts.append(PublishedText(
                            text: value, location: task.location, place: "任务清单第\(task.number)项 \(key) ", gist: "task \(task.number) `\(key)`"))
                    }
                }
            }
        }
        for key in ["name", "domain", "id_code", "column", "base_url"] {
            if let value = site.config[key] {
                texts.append(PublishedText(text: value.value, location: value.location, place: "nianbao.yaml 的 \(key) ", gist: "nianbao.yaml `\(key)`"))
            }
        }
        return texts
    }

    /// Where `found`, on line `line` of the value, is written: looked for in the file's lines
    /// from the value's start on (a quoted value starts a column later, a block scalar a line
    /// later), then above it (a task list's part title, shared by its tasks); the value's start
    /// moved by the offset where the file cannot be read or the text is written differently
    /// there (an escape in quotes).
    func location(of found: PersonalData.Found, onLine line: Int, in lines: [Substring]?) -> SourceLocation {
        let fallback = line == 0 ? SourceLocation(file: location.file, line: location.line, column: location.column + found.offset) : location
        guard let lines, location.line >= 1, location.line <= lines.count else { return fallback }
        let wanted = Array(found.written.unicodeScalars)
        let order = Array(location.line...lines.count) + Array(1..<location.line)
        for number in order {
            let from = number == location.line ? max(0, location.column - 1) : 0
            if let column = Self.firstIndex(of: wanted, in: Array(lines[number - 1].unicodeScalars), from: from) {
                return SourceLocation(file: location.file, line: number, column: column + 1)
            }
        }
        return fallback
    }

    private static func firstIndex(of wanted: [Unicode.Scalar], in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard !wanted.isEmpty, scalars.count >= wanted.count, start <= scalars.count - wanted.count else { return nil }
        return (start...(scalars.count - wanted.count)).first { scalars[$0..<($0 + wanted.count)].elementsEqual(wanted) }
    }
}
