import Foundation
import Testing

/// `nianbao explain <id>` says, for every rule it lists, how serious the rule is and why (issue 24).
@Suite("nianbao explain: severity and why")
struct ExplainSeverityTests {
    @Test("every listed rule's explanation states the listed severity and a reason")
    func everyRuleStatesItsSeverityAndWhy() throws {
        let list = try Nianbao.run(["explain"])
        #expect(list.status == 0)
        // Rule lines are indented: `  <id> <级别> <title>`; family headings are not.
        let rules = list.stdout.split(separator: "\n").filter { $0.hasPrefix("  ") }
            .map { $0.split(separator: " ").map(String.init) }
        #expect(rules.count > 60)
        for rule in rules {
            let (id, chinese) = (rule[0], rule[1])
            let english = ["错误": "error", "警告": "warning", "提示": "info"][chinese]
            #expect(english != nil, "\(id): unknown severity \(chinese)")
            let result = try Nianbao.run(["explain", id])
            #expect(result.status == 0)
            let prefix = "级别：\(chinese)（\(english ?? "")）——为什么："
            let line = result.stdout.split(separator: "\n").first { $0.hasPrefix(prefix) }
            #expect(line != nil, "\(id): no line 「\(prefix)…」 in\n\(result.stdout)")
            // The reason is a sentence, not a stub: Chinese, then the English gist.
            let reason = line.map { $0.dropFirst(prefix.count) } ?? ""
            #expect(reason.count > 15 && reason.contains(" ("), "\(id): reason 「\(reason)」")
        }
    }
}
