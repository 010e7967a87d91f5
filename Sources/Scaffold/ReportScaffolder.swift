import Diagnostics
import Foundation
import ReportForm
import SiteModel

/// Why `nianbao new` could not create a report.
public enum ScaffoldError: Error, Sendable, CustomStringConvertible, Equatable {
    case invalidSlug(String)
    case invalidYear(Int)
    case agencyDetailsNeeded(String)
    case agencyFileInvalid(String)
    case reportExists(String)
    case writeFailed(String, String)

    public var description: String {
        switch self {
        case .invalidSlug(let slug):
            "机关文件夹名「\(slug)」只能用小写字母、数字和连字符，例如 linjiang-tax\n(agency slug must be lowercase ASCII letters, digits and hyphens)"
        case .invalidYear(let year):
            "年度 \(year) 无效：年报格式从 \(FormVersion.firstReportYear) 年度起施行，且不能是未来年度\n(year must be between \(FormVersion.firstReportYear) and the current year)"
        case .agencyDetailsNeeded(let slug):
            "Content/\(slug)/agency.yaml 不存在；新机关请用 --name <机关全称> --kind <\(AgencyKind.allCases.map(\.rawValue).joined(separator: "|"))> 说明\n(a new agency needs --name and --kind)"
        case .agencyFileInvalid(let detail):
            "agency.yaml 有误，请先修正：\(detail)"
        case .reportExists(let path):
            "\(path) 已存在，nianbao new 不会覆盖已有的报告\n(refusing to overwrite an existing report)"
        case .writeFailed(let path, let reason):
            "无法写入 \(path)：\(reason)"
        }
    }
}

/// Creates the files of a new report: `agency.yaml` if the agency is new, `report.md` and
/// `tables.yaml`, and `tasks.yaml` where a task list asks the agency to report that year.
public enum ReportScaffolder {
    /// Writes the report and returns the paths created, relative to `root`. Never overwrites.
    public static func create(
        root: URL, agency slug: String, year: Int, name: String?, kind: AgencyKind?, parent: String?, currentYear: Int
    ) throws(ScaffoldError) -> [String] {
        guard !slug.isEmpty, slug.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }),
            slug.first != "-"
        else { throw .invalidSlug(slug) }
        guard (FormVersion.firstReportYear...currentYear).contains(year) else { throw .invalidYear(year) }

        let agencyFolder = root.appendingPathComponent("Content").appendingPathComponent(slug)
        let agencyFile = agencyFolder.appendingPathComponent("agency.yaml")
        let reportFolder = agencyFolder.appendingPathComponent(String(year))
        let reportPath = "Content/\(slug)/\(year)"
        for file in ["report.md", "tables.yaml", "tasks.yaml"]
        where FileManager.default.fileExists(atPath: reportFolder.appendingPathComponent(file).path) {
            throw .reportExists("\(reportPath)/\(file)")
        }

        var created: [String] = []
        let agencyName: String
        if FileManager.default.fileExists(atPath: agencyFile.path) {
            var findings: [Finding] = []
            let (existingName, _, _, _) = SiteLoader.loadAgency(folder: agencyFolder, path: "Content/\(slug)", into: &findings)
            guard let existingName, findings.allSatisfy({ $0.severity != .error }) else {
                throw .agencyFileInvalid(findings.map { "\($0.location.description) \($0.message)" }.joined(separator: "；"))
            }
            agencyName = existingName.value
        } else {
            guard let name, !name.isEmpty, let kind else { throw .agencyDetailsNeeded(slug) }
            agencyName = name
            try write(AgencyTemplate.yaml(name: name, kind: kind, parent: parent), to: agencyFile, path: "Content/\(slug)/agency.yaml")
            created.append("Content/\(slug)/agency.yaml")
        }
        let form = ReportForm.required(forReportYear: year)
        try write(ReportTemplate.markdown(agencyName: agencyName, year: year, form: form),
                  to: reportFolder.appendingPathComponent("report.md"), path: "\(reportPath)/report.md")
        try write(TablesTemplate.yaml(for: form, year: year),
                  to: reportFolder.appendingPathComponent("tables.yaml"), path: "\(reportPath)/tables.yaml")
        created += ["\(reportPath)/report.md", "\(reportPath)/tables.yaml"]
        if let list = TasksTemplate.lists(root: root, slug: slug, parent: parent, year: year).first {
            try write(TasksTemplate.yaml(for: list), to: reportFolder.appendingPathComponent("tasks.yaml"), path: "\(reportPath)/tasks.yaml")
            created.append("\(reportPath)/tasks.yaml")
        }
        return created
    }

    /// Writes through a temporary file and a rename, and only where nothing exists yet.
    private static func write(_ text: String, to url: URL, path: String) throws(ScaffoldError) {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).nianbao-new")
            try Data(text.utf8).write(to: temporary)
            guard link(temporary.path, url.path) == 0 else {
                try? FileManager.default.removeItem(at: temporary)
                throw ScaffoldError.reportExists(path)
            }
            try FileManager.default.removeItem(at: temporary)
        } catch let error as ScaffoldError {
            throw error
        } catch {
            throw .writeFailed(path, error.localizedDescription)
        }
    }
}
