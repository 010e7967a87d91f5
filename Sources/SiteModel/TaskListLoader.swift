import Diagnostics
import Foundation

/// Reads the task lists in `Content/_tasks/` and the `tasks.yaml` of a report.
public enum TaskListLoader {
    /// The folder of task lists inside `Content/`. Folders starting with `_` are not agencies.
    public static let folder = "_tasks"

    /// Every `*.yaml` in `Content/_tasks/`, sorted by id, with the findings of reading them.
    static func loadAll(content: URL, options: TextFile.Options) -> ([TaskList], [Finding]) {
        let folder = content.appendingPathComponent(Self.folder)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.sorted()
        var lists: [TaskList] = []
        var findings: [Finding] = []
        for name in names {
            let path = "Content/\(Self.folder)/\(name)"
            switch TextFile.read(folder.path + "/" + name, path: path, options: options) {
            case .failure(let finding): findings.append(finding)
            case .success(let file):
                findings += file.findings
                var reader = TaskYAML(file: path)
                if let list = reader.taskList(file.text, id: String(name.dropLast(5))) { lists.append(list) }
                findings += reader.findings
            }
        }
        return (lists, findings)
    }

    /// The task lists that load without errors (for `nianbao new`).
    public static func lists(content: URL) -> [TaskList] {
        loadAll(content: content, options: .init()).0
    }

    /// `tasks.yaml` of the year folder at `folder` (site-relative `path`): nil when there is none.
    static func loadReport(folder: String, path: String, options: TextFile.Options) -> (TaskReport?, [Finding]) {
        let file = folder + "/tasks.yaml"
        // access(2), not FileManager: asked for every report, and most have no tasks.yaml.
        guard access(file, F_OK) == 0 else { return (nil, []) }
        switch TextFile.read(file, path: path + "/tasks.yaml", options: options) {
        case .failure(let finding): return (nil, [finding])
        case .success(let read): return parseReport(read.text, file: read.path, findings: read.findings)
        }
    }

    /// A `tasks.yaml` from its text (also the fuzzers' way in).
    static func parseReport(_ text: String, file: String, findings: [Finding] = []) -> (TaskReport?, [Finding]) {
        var reader = TaskYAML(file: file)
        reader.findings = findings
        let report = reader.taskReport(text)
        return (report, reader.findings)
    }
}
