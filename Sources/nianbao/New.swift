import ArgumentParser
import Foundation
import ReportForm
import Scaffold

extension AgencyKind: ExpressibleByArgument {}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "生成一份年度报告模板：全部法定标题和该年度格式的全部表格行，数字为 0（scaffold a report）")

    @OptionGroup var site: SiteOptions

    @Argument(help: "机关文件夹名，小写字母、数字和连字符 (agency slug)")
    var agency: String

    @Argument(help: "报告年度 (report year)")
    var year: Int

    @Option(help: "新机关的全称 (full name, for a new agency)")
    var name: String?

    @Option(help: ArgumentHelp("新机关的类别：\(AgencyKind.choices) (kind, for a new agency)"))
    var kind: AgencyKind?

    @Option(help: "上级机关的文件夹名 (parent agency slug)")
    var parent: String?

    func run() throws {
        let currentYear = Calendar(identifier: .gregorian).component(.year, from: Date())
        do {
            let created = try ReportScaffolder.create(
                root: site.root, agency: agency, year: year, name: name, kind: kind, parent: parent, currentYear: currentYear)
            for path in created { print("已创建 \(path)") }
            let form = ReportForm.required(forReportYear: year)
            print("\(year)年度使用\(form.version.displayName)。填写后运行 nianbao check 检查。")
        } catch {
            printError(error.description)
            switch error {
            case .invalidSlug, .invalidYear, .agencyDetailsNeeded: throw ExitCode.validationFailure
            case .writeFailed: throw Exit.io
            case .reportExists, .agencyFileInvalid: throw Exit.findings
            }
        }
    }
}
