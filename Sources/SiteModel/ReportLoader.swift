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
