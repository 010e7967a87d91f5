import ArgumentParser

/// `nianbao`: the annual government information disclosure report, checked and published.
@main
struct Nianbao: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nianbao",
        abstract: "政府信息公开工作年度报告：校验、生成与发布（annual disclosure report generator and validator）",
        version: NianbaoVersionString.value,
        subcommands: [Build.self, Check.self, New.self, Explain.self, Serve.self, AuditIPv6.self]
    )
}
