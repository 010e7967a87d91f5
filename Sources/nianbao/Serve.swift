import ArgumentParser
import Diagnostics
import Foundation
import PreviewServer
import SiteBuilder
import SiteModel
import SitePipeline

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "本地预览：生成并在 [::1] 和 127.0.0.1 上提供网站，文件改动后自动重新生成（preview server）",
        discussion: """
            预览生成到 .nianbao-preview/（不是 Output/），即使有错误也生成，发现写到标准错误。网站位于 nianbao.yaml \
            中 base_url 的路径下，与正式发布一致。按 Ctrl-C 停止。
            """)

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "监听地址，可重复（默认 ::1 和 127.0.0.1，只在本机）(listen address)")
    var host: [String] = []

    @Option(name: .shortAndLong, help: "端口 (port)")
    var port = 8000

    @Option(name: [.short, .long], help: "预览文件夹（默认 .nianbao-preview）(preview folder)")
    var output: String?

    @Flag(help: "也生成 PDF（较慢）(also make PDFs)")
    var pdf = false

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port 必须在 1–65535 之间") }
    }

    func run() async throws {
        MemoryTuning.forServer()
        let root = site.root
        var configFindings: [Finding] = []
        let basePath = SiteBuilder.basePath(of: SiteLoader.loadConfig(root: root, into: &configFindings))
        let folder = output.map { URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) }
            ?? root.appendingPathComponent(".nianbao-preview")
        let options = PreviewServer.Options(
            root: root, output: folder, hosts: host.isEmpty ? ["::1", "127.0.0.1"] : host, port: port, makePDFs: pdf)
        let port = self.port
        let showsPhases = ProcessInfo.processInfo.environment["NIANBAO_TIMINGS"] != nil
        try await PreviewServer.run(options, basePath: basePath) { outcome, laps in
            switch outcome {
            case .success(.built(let findings, let reports, _, _)), .success(.refused(let findings, let reports)):
                let errors = findings.filter { $0.severity == .error }.count
                let warnings = findings.filter { $0.severity == .warning }.count
                var rendered = ""
                if case .success(.built(_, _, _, let work)) = outcome, work.incremental {
                    rendered = "（增量：重新生成 \(work.rendered) 份，更新 \(work.written) 个文件）"
                }
                let took = laps.reduce(Duration.zero) { $0 + $1.duration }
                printError("已生成预览：\(reports) 份报告，\(errors) 个错误，\(warnings) 个警告\(rendered)，用时 \(Self.seconds(took)) 秒")
                if showsPhases {
                    printError("用时 (timings): " + laps.map { "\($0.phase) \(Self.seconds($0.duration)) s" }.joined(separator: ", "))
                }
                for finding in findings.prefix(20) {
                    printError("  \(finding.location.file):\(finding.location.line):\(finding.location.column) \(finding.rule) \(finding.message)")
                }
            case .failure(let failure):
                printError("预览生成失败：\(failure.description)")
            }
        } listening: { address in
            printError("预览地址 (listening on) \(Self.url(address, port: port, basePath: basePath))")
        }
    }

    static func seconds(_ duration: Duration) -> String {
        String(format: "%.3f", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }

    static func url(_ address: String, port: Int, basePath: String) -> String {
        let host = address.contains("::1") ? "[::1]" : address.contains("127.0.0.1") ? "127.0.0.1" : address
        return "http://\(host):\(port)\(basePath)"
    }
}
