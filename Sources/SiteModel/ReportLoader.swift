import Diagnostics
import Foundation
import ReportForm

/// Reads one year folder: `report.md` and `tables.yaml`.
enum ReportLoader {
    /// `folder` is the year folder's file-system path; `path` the same relative to the site root.
    static func load(folder: String, path: String, agency: String, year: Int, options: TextFile.Options = .init()) -> Report {
        var findings: [Finding] = []
        var frontMatter = FrontMatter(fields: [:], location: SourceLocation(file: path + "/report.md"), isPresent: false)
        var document = ReportDocument(sections: [], headings: [], blocks: [])
        var tables: ReportTables?

        let reportPath = path + "/report.md"
        if let file = readRequired(folder + "/report.md", path: reportPath, options: options, into: &findings) {
            let (front, body, offset, frontFindings) = FrontMatter.split(file.text, file: reportPath)
            frontMatter = front
            findings += frontFindings
            document = MarkdownOutline.parse(body, file: reportPath, lineOffset: offset)
            document.source = body
            document.sourceLineOffset = offset
        }
        let tablesPath = path + "/tables.yaml"
        if let file = readRequired(folder + "/tables.yaml", path: tablesPath, options: options, into: &findings) {
            let (read, tableFindings) = TablesLoader.load(file.text, file: tablesPath, year: year)
            tables = read
            findings += tableFindings
        }
        return Report(
            agency: agency, year: year, folder: path, frontMatter: frontMatter, document: document, tables: tables,
            findings: findings)
    }

    /// A report from the bytes of its files (for the fuzzers): the same steps as from a folder.
    static func load(year: Int, markdown: [UInt8], tables tablesBytes: [UInt8]) -> Report {
        let path = "Content/fuzz/\(year)"
        var findings: [Finding] = []
        var frontMatter = FrontMatter(fields: [:], location: SourceLocation(file: path + "/report.md"), isPresent: false)
        var document = ReportDocument(sections: [], headings: [], blocks: [])
        var tables: ReportTables?
        switch TextFile.decode(markdown, path: path + "/report.md") {
        case .failure(let finding): findings.append(finding)
        case .success(let file):
            let (front, body, offset, frontFindings) = FrontMatter.split(file.text, file: file.path)
            frontMatter = front
            findings += frontFindings + file.findings
            document = MarkdownOutline.parse(body, file: file.path, lineOffset: offset)
            document.source = body
            document.sourceLineOffset = offset
        }
        switch TextFile.decode(tablesBytes, path: path + "/tables.yaml") {
        case .failure(let finding): findings.append(finding)
        case .success(let file):
            let (read, tableFindings) = TablesLoader.load(file.text, file: file.path, year: year)
            tables = read
            findings += tableFindings + file.findings
        }
        return Report(agency: "fuzz", year: year, folder: path, frontMatter: frontMatter, document: document, tables: tables, findings: findings)
    }

    private static func readRequired(_ file: String, path: String, options: TextFile.Options, into findings: inout [Finding]) -> TextFile? {
        let name = String(file.split(separator: "/").last ?? "")
        let missing = Rule.reportIncomplete.finding(
            "缺少 \(name)", gist: "\(name) is missing", at: SourceLocation(file: path),
            hint: "每个年度文件夹需要 report.md 和 tables.yaml；`nianbao new` 可生成。")
        switch TextFile.read(file, path: path, ifMissing: missing, options: options) {
        case .success(let file):
            findings += file.findings
            return file
        case .failure(let finding):
            findings.append(finding)
            return nil
        }
    }
}
