import Diagnostics

/// Entry points for the libFuzzer targets in Fuzz/: the parsers fed bytes directly, as a file
/// on disk would feed them. Not part of the API for anything else.
@_spi(Fuzzing) public enum Fuzzing {
    /// tables.yaml: decoding, YAML, the form reader and the omitted totals.
    public static func tables(_ bytes: [UInt8], year: Int = 2024) -> [Finding] {
        switch TextFile.decode(bytes, path: "Content/fuzz/\(year)/tables.yaml") {
        case .failure(let finding): return [finding]
        case .success(let file): return TablesLoader.load(file.text, file: file.path, year: year).1
        }
    }

    /// report.md: decoding, front matter and the Markdown outline.
    public static func narrative(_ bytes: [UInt8]) -> [Finding] {
        switch TextFile.decode(bytes, path: "Content/fuzz/2024/report.md") {
        case .failure(let finding): return [finding]
        case .success(let file):
            let (_, body, offset, findings) = FrontMatter.split(file.text, file: file.path)
            _ = MarkdownOutline.parse(body, file: file.path, lineOffset: offset)
            return findings + file.findings
        }
    }

    /// A task list (`Content/_tasks/*.yaml`), the same bytes as a `tasks.yaml`, and its text as a
    /// deadline phrase.
    public static func tasks(_ bytes: [UInt8]) -> [Finding] {
        switch TextFile.decode(bytes, path: "Content/_tasks/fuzz.yaml") {
        case .failure(let finding): return [finding]
        case .success(let file):
            var reader = TaskYAML(file: file.path)
            _ = reader.taskList(file.text, id: "fuzz")
            let (_, findings) = TaskListLoader.parseReport(file.text, file: "Content/fuzz/2024/tasks.yaml")
            _ = TaskDeadline.parse(file.text)
            return reader.findings + findings
        }
    }

    /// A report read from the bytes of its two files, as `ReportLoader` reads a folder.
    public static func report(markdown: [UInt8], tables: [UInt8], year: Int = 2024) -> Report {
        ReportLoader.load(year: year, markdown: markdown, tables: tables)
    }
}
