import Diagnostics
import Foundation
import ReportForm

/// Reads one year folder: `report.md` and `tables.yaml`.
enum ReportLoader {
    /// `folder` is the year folder's file-system path; `path` the same relative to the site root.
    /// A roll-up's `tables.yaml` is optional (`tablesOptional`): without one its tables are summed.
    static func load(
        folder: String, path: String, agency: String, year: Int, tablesOptional: Bool = false, options: TextFile.Options = .init()
    ) -> Report {
        let tables: Result<TextFile, Finding>?
        if tablesOptional && !FileManager.default.fileExists(atPath: folder + "/tables.yaml") {
            tables = nil
        } else {
            tables = readRequired(folder + "/tables.yaml", path: path + "/tables.yaml", options: options)
        }
        var report = assemble(
            agency: agency, year: year, path: path,
            markdown: readRequired(folder + "/report.md", path: path + "/report.md", options: options), tables: tables)
        let (tasks, taskFindings) = TaskListLoader.loadReport(folder: folder, path: path, options: options)
        report.tasks = tasks
        report.findings += taskFindings
        return report
    }

    /// A report from the bytes of its files (for the fuzzers): the same steps as from a folder.
    static func load(year: Int, markdown: [UInt8], tables: [UInt8]) -> Report {
        let path = "Content/fuzz/\(year)"
        return assemble(
            agency: "fuzz", year: year, path: path, markdown: TextFile.decode(markdown, path: path + "/report.md"),
            tables: TextFile.decode(tables, path: path + "/tables.yaml"))
    }

    /// The report made of its two files as read, or the findings that say why one could not be.
    private static func assemble(
        agency: String, year: Int, path: String, markdown: Result<TextFile, Finding>, tables tablesFile: Result<TextFile, Finding>?
    ) -> Report {
        var findings: [Finding] = []
        var frontMatter = FrontMatter(fields: [:], location: SourceLocation(file: path + "/report.md"), isPresent: false)
        var document = ReportDocument(sections: [], headings: [], blocks: [])
        var tables: ReportTables?
        switch markdown {
        case .failure(let finding): findings.append(finding)
        case .success(let file):
            let (front, body, offset, frontFindings) = FrontMatter.split(file.text, file: file.path)
            frontMatter = front
            findings += file.findings + frontFindings
            document = MarkdownOutline.parse(body, file: file.path, lineOffset: offset)
            document.source = body
            document.sourceLineOffset = offset
            if let (depth, location) = document.tooDeep { findings.append(tooDeep(depth, at: location)) }
        }
        switch tablesFile {
        case nil: break
        case .failure(let finding)?: findings.append(finding)
        case .success(let file)?:
            let (read, tableFindings) = TablesLoader.load(file.text, file: file.path, year: year)
            tables = read
            findings += file.findings + tableFindings
        }
        return Report(
            agency: agency, year: year, folder: path, frontMatter: frontMatter, document: document, tables: tables,
            findings: findings)
    }

    private static func tooDeep(_ depth: Int, at location: SourceLocation) -> Finding {
        let limit = Rule.narrativeNestingLimit
        return Rule.narrativeTooDeep.finding(
            "正文的引用、列表、强调或链接层层套叠达 \(depth) 层，超过 \(limit) 层的上限",
            gist: "quotes, lists, emphasis or links nested \(depth) deep, past the limit of \(limit)", at: location,
            hint: "减少行首 > 或列表缩进的层数，把深层的内容改为普通段落。")
    }

    private static func readRequired(_ file: String, path: String, options: TextFile.Options) -> Result<TextFile, Finding> {
        TextFile.read(file, path: path, ifMissing: missing(path), options: options)
    }

    private static func missing(_ path: String) -> Finding {
        let name = String(path.split(separator: "/").last ?? "")
        return Rule.reportIncomplete.finding(
            "缺少 \(name)", gist: "\(name) is missing", at: SourceLocation(file: path),
            hint: "每个年度文件夹需要 report.md 和 tables.yaml；`nianbao new` 可生成。")
    }
}
