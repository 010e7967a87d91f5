import ArgumentParser
import Foundation
import IPv6Audit

struct AuditIPv6: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit-ipv6",
        abstract: "按国家 IPv6 监测方法检查已发布网站：AAAA 记录、首页及二、三级链接经 IPv6 的可访问率（IPv6 audit of a deployed site）",
        discussion: "只访问给定网址所在的主机：指向其他主机的重定向记为失败、不跟随。--deadline 是整个检测的硬时限，到时未完成的链接计为未检查。退出码：0 达标，1 首页不能经 IPv6 访问或某级访问率低于 --min-rate，64 用法错误。")

    @Argument(help: "网站地址，如 https://www.example.gov.cn/zfxxgk/ndbg/")
    var url: String

    @Option(help: "二、三级链接最多检查多少个 (page limit)")
    var maxPages = 500

    @Option(help: "同时请求数 (concurrent requests)")
    var concurrency = 8

    @Option(help: "单个请求超时（秒）(per-request timeout, s)")
    var timeout = 10

    @Option(help: "整个检测的时限（秒），到时停止所有请求 (hard wall-clock limit on the whole audit, s)")
    var deadline = 120

    @Option(help: "每个页面最多读取的正文大小（MB），超过即停止下载 (body size cap, MB)")
    var maxBody = 8

    @Option(help: "达标所需的最低访问率（百分比）(minimum rate, %)")
    var minRate = 90.0

    @Option(help: "像 curl --resolve 一样指定地址：主机:端口:地址[,地址]（域名解析生效前检测）")
    var resolve: [String] = []

    @Option(help: "输出格式：text 或 json")
    var format = "text"

    func validate() throws {
        guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""), parsed.host != nil else {
            throw ValidationError("网址须以 http:// 或 https:// 开头并含主机名：\(url)")
        }
        guard ["text", "json"].contains(format) else { throw ValidationError("--format 只能是 text 或 json") }
        guard maxPages >= 0, concurrency >= 1, timeout >= 1, deadline >= 1, (1...1024).contains(maxBody), (0...100).contains(minRate) else {
            throw ValidationError("--max-pages、--concurrency、--timeout、--deadline 须为正数，--max-body 在 1–1024 之间，--min-rate 在 0–100 之间")
        }
    }

    func run() throws {
        var options = IPv6Audit.Options(url: url)
        options.maxPages = maxPages
        options.concurrency = concurrency
        options.timeout = .seconds(timeout)
        options.deadline = .seconds(deadline)
        options.maxBodyBytes = maxBody << 20
        options.resolve = resolve
        let report = IPv6Audit(options).run()
        let minimum = minRate / 100
        print(format == "json" ? AuditFormatter.json(report, minimumRate: minimum) : AuditFormatter.text(report, minimumRate: minimum), terminator: "")
        if !AuditFormatter.passed(report, minimumRate: minimum) { throw Exit.findings }
    }
}
