import ArgumentParser
import Diagnostics

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "说明一条规则：检查什么、依据什么、如何修改（explain a rule）")

    @Argument(help: "规则 id，例如 arith-column-balance；省略则列出全部规则")
    var rule: String?

    func run() throws {
        guard let id = rule else {
            for family in RuleFamily.allCases {
                print("\(family.chinese)（\(family.rawValue)）")
                for rule in Rule.all where rule.family == family {
                    print("  \(rule.id.padding(toLength: 26, withPad: " ", startingAt: 0)) \(rule.severity.chinese)  \(rule.title)")
                }
            }
            return
        }
        guard let rule = Rule.named(id) else {
            printError("没有规则「\(id)」。运行 nianbao explain 列出全部规则 (unknown rule)")
            throw ExitCode.validationFailure
        }
        print("""
            \(rule.id)：\(rule.title)
            类别：\(rule.family.chinese)（\(rule.family.rawValue)）
            级别：\(rule.severity.chinese)（\(rule.severity.rawValue)）——为什么：\(rule.severityReason)
              「\(rule.severity.chinese)」表示：\(rule.severity.meaning)

            检查内容
              \(rule.checks)

            依据
              \(rule.basis)

            如何修改
              \(rule.fix)
            """)
    }
}
