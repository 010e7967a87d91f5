import ArgumentParser
import Diagnostics
import Foundation
import SiteModel
import Validation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "只校验，不写任何文件（validate the site; write nothing）",
        discussion: "发现写到标准输出；退出码：0 通过，1 有错误（--strict 时警告也算），64 用法错误，74 读取失败。")

    @OptionGroup var site: SiteOptions
    @OptionGroup var output: FindingOptions

    @Flag(help: "警告也视为失败 (warnings fail)")
    var strict = false

    func run() throws {
        let loaded: Site
        let findings: [Finding]
        do {
            (loaded, findings) = try Validator.check(root: site.root)
        } catch {
            printError(error.description)
            throw Exit.io
        }
        let report = output.print(findings, reportCount: loaded.reports.count, root: loaded.root)
        if report.errors > 0 || (strict && report.warnings > 0) { throw Exit.findings }
    }
}
