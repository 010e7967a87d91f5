import ArgumentParser
import Diagnostics
import Foundation
import SitePipeline

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "校验并生成网站到 Output/（validate, then build the site）",
        discussion: """
            先校验全部报告，再发布所有没有错误的报告。有错误的报告不发布（exit 1）：上次发布的版本原样保留，从未发布的\
            不列入目录、订阅和站点地图；加 --all-or-nothing 则任何错误都使整个网站不生成。nianbao.yaml、主题等\
            不属于某份报告的错误总是使整个网站不生成。生成的文件先全部写到 \
            Output/ 旁的临时文件夹，成功后整体替换 Output/；失败时原有 Output/ 不变。只替换 nianbao 生成的文件夹。\
            再次生成时，内容未变的报告取自 .nianbao-cache/（可随时删除），只重新生成改动的报告及列出它们的页面，\
            改动的文件先写到旁边的临时文件夹，再逐个替换。
            """)

    @OptionGroup var site: SiteOptions
    @OptionGroup var findingOutput: FindingOptions

    @Option(name: [.short, .long], help: "输出文件夹（默认为站点根目录下的 Output）(output folder)")
    var output: String?

    @Flag(help: "即使有错误级别的发现也生成 (build despite errors; for previews only)")
    var allowErrors = false

    @Flag(help: "任何报告有错误时都不生成网站，而不是只暂不发布该报告 (refuse the whole build when any report has an error)")
    var allOrNothing = false

    @Flag(help: "不生成 PDF (skip report.pdf; print.html is still written)")
    var noPdf = false

    @Flag(help: "不使用也不写入 .nianbao-cache/，全部重新生成 (ignore the build cache; build everything)")
    var noCache = false

    @Flag(help: "同一站点正在生成时不等待，立即退出（exit 75）(do not wait for another build of this site)")
    var noWait = false

    func run() throws {
        MemoryTuning.forBuild()
        var clock = PhaseClock()
        defer {
            // What follows the pipeline: freeing the site and the cache, printing the findings.
            clock.lap("finish")
            clock.report()
        }
        let root = site.root
        let folder = output.map { URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) }
            ?? root.appendingPathComponent("Output")
        var options = BuildPipeline.Options(
            root: root, output: folder, allowErrors: allowErrors, makePDFs: !noPdf, useCache: !noCache)
        options.allOrNothing = allOrNothing
        options.keepsMemoryUntilExit = true
        options.waitsForOtherBuilds = !noWait
        options.notice = { printError($0) }
        let outcome: BuildPipeline.Outcome
        do {
            outcome = try BuildPipeline.run(options) { clock.lap($0) }
        } catch {
            printError(error.description)
            if case .outputRefused = error { throw Exit.findings }
            if case .locked = error { throw Exit.busy }
            throw Exit.io
        }
        switch outcome {
        case .refused(let findings, let reports):
            let report = findingOutput.print(findings, reportCount: reports, root: root)
            SkippedFolders.note(findings)
            let why = allOrNothing ? "（--all-or-nothing）" : "，其中有不属于某份报告的错误"
            printError("有 \(report.errors) 个错误\(why)，未生成网站；原有输出保持不变。改正后重试，或用 --allow-errors 生成预览。")
            throw Exit.findings
        case .built(let findings, let reports, let paths, let work):
            findingOutput.print(findings, reportCount: reports, root: root)
            SkippedFolders.note(findings)
            let pages = paths.filter { $0.hasSuffix(".html") && !$0.hasSuffix("/print.html") }.count
            let pdfs = paths.filter { $0.hasSuffix(".pdf") }.count
            printError("已生成 \(reports - work.withheld.count) 份报告、\(pages) 个页面、\(pdfs) 个 PDF、共 \(paths.count) 个文件：\(folder.standardizedFileURL.path)")
            if work.incremental {
                printError("增量生成：重新生成 \(work.rendered) 份报告，更新 \(work.written) 个文件 (incremental: \(work.rendered) reports rendered, \(work.written) files updated)")
            } else if let note = work.cacheNote, !noCache {
                printError("完整生成 (full build: \(note))")
            }
            if !work.withheld.isEmpty {
                let listed = work.withheld.prefix(10).joined(separator: "、") + (work.withheld.count > 10 ? " 等" : "")
                printError("有 \(work.withheld.count) 份报告因有错误未发布 (withheld for their errors)：\(listed)。改正后再次生成即可发布。")
                throw Exit.findings
            }
        }
    }
}

/// Time spent in each phase, printed to stderr when `NIANBAO_TIMINGS` is set.
struct PhaseClock {
    private var last = DispatchTime.now()
    private var laps: [(String, Double)] = []
    private let enabled = ProcessInfo.processInfo.environment["NIANBAO_TIMINGS"] != nil

    mutating func lap(_ name: String) {
        let now = DispatchTime.now()
        laps.append((name, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }

    func report() {
        guard enabled else { return }
        printError("内存分配器 (allocator): \(MemoryTuning.allocator)")
        printError("用时 (timings): " + laps.map { "\($0.0) \(String(format: "%.3f", $0.1)) s" }.joined(separator: ", "))
    }
}
