import Diagnostics
import Testing

/// Personal data in every text that is published besides the narrative (issue 22 item 4): the
/// front matter, tasks.yaml, agency.yaml, the task lists, nianbao.yaml, and the narrative's link
/// texts and addresses; each an error at the line and column where it is written.
@Suite struct PrivacyPlacementTests {
    static let report = TestSite.report(2024)
    static let title = "title: 青山县测试局2024年政府信息公开工作年度报告"

    /// The privacy findings of `site` (with the task list of TaskRuleTests, so tasks.yaml is read).
    static func privacy(_ site: TestSite) throws -> [Finding] {
        try site.findings().filter { $0.rule.hasPrefix("privacy-") }
    }

    /// Where `needle` is written in `path` of `site`: line and column (in scalars), searched
    /// for independently of nianbao.
    static func at(_ needle: String, in path: String, of site: TestSite, occurrence: Int = 0) -> Location {
        let lines = site[path]!.components(separatedBy: "\n")
        var seen = 0
        for (index, line) in lines.enumerated() {
            guard let range = line.range(of: needle) else { continue }
            if seen == occurrence {
                let column = line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: range.lowerBound) + 1
                return Location(file: path, line: index + 1, column: column)
            }
            seen += 1
        }
        Issue.record("「\(needle)」 not in \(path)")
        return Location(file: path, line: 0, column: 0)
    }

    @Test("the front matter: a plain and a quoted title, 索引号, another field", arguments: [
        ("title: 青山县测试局2024年政府信息公开工作年度报告（联系人13812345678）", "13812345678", "privacy-mobile"),
        ("title: \"青山县测试局2024年政府信息公开工作年度报告 138-1234-5678\"", "138-1234-5678", "privacy-mobile"),
        ("title: 青山县测试局2024年政府信息公开工作年度报告\nsubtitle: 经办人11010519491231002X", "11010519491231002X", "privacy-id-number"),
        ("title: 青山县测试局２０２４年报告１３８１２３４５６７８", "１３８１２３４５６７８", "privacy-mobile"),
    ])
    func frontMatter(line: String, value: String, rule: String) throws {
        var site = TestSite(years: [2024])
        site.replace(Self.title, with: line, in: Self.report)
        let findings = try Self.privacy(site)
        let finding = expectOnly(findings, rule, .error, at: Self.at(value, in: Self.report, of: site))
        #expect(finding?.message.hasPrefix("头信息 ") == true, "\(finding?.message ?? "")")
        #expect(finding?.message.contains(value) == false, "the message must not repeat the value")
    }

    @Test("索引号 itself is a published field")
    func indexNumber() throws {
        var site = TestSite(years: [2024])
        site.replace("索引号: 000000000/2025-00001", with: "索引号: 11010519491231002X/2025-00001", in: Self.report)
        expectOnly(try Self.privacy(site), "privacy-id-number", .error, at: Self.at("11010519491231002X", in: Self.report, of: site))
    }

    @Test("tasks.yaml: evidence and reason, on one line and in a block scalar", arguments: [
        ("    status: 推进中\n    evidence: 申请人11010519491231002X已答复。\n", "11010519491231002X", "privacy-id-number"),
        ("    status: 推进中\n    evidence: \"联系 +86 138 1234 5678\"\n", "+86 138 1234 5678", "privacy-mobile"),
        ("    status: 推进中\n    evidence: |\n      全年发布解读12篇。\n      经办人手机 138.1234.5678。\n", "138.1234.5678", "privacy-mobile"),
        ("    status: 不适用\n    reason: 已电话告知13812345678。\n", "13812345678", "privacy-mobile"),
        ("    status: 推进中\n    deadline: 2024年12月31日前，联系人13812345678\n", "13812345678", "privacy-mobile"),
    ])
    func tasks(entry: String, value: String, rule: String) throws {
        var entries = TaskRuleTests.valid
        entries[2] = entry
        let site = TaskRuleTests.site(tasks: TaskRuleTests.tasks(entries))
        let finding = expectOnly(try Self.privacy(site), rule, .error, at: Self.at(value, in: TaskRuleTests.tasksFile, of: site))
        #expect(finding?.message.hasPrefix("tasks.yaml 第2项 ") == true, "\(finding?.message ?? "")")
    }

    @Test("agency.yaml's name")
    func agencyName() throws {
        var site = TestSite(years: [2024])
        site[TestSite.agencyFile] = "# 机关全称\nname: 青山县测试局（联系人 138 1234 5678）\nkind: 部门\n"
        expectOnly(try Self.privacy(site), "privacy-mobile", .error, at: Self.at("138 1234 5678", in: TestSite.agencyFile, of: site))
    }

    @Test("a task list's title, a task's text and its deadline")
    func taskList() throws {
        var list = TaskRuleTests.list.replacingOccurrences(of: "title: 测试任务清单", with: "title: 测试任务清单（联系人13812345678）")
        list = list.replacingOccurrences(of: "title: 解读政策", with: "title: 解读政策\n        text: 退税账户6222020200112233446")
        list = list.replacingOccurrences(of: "建成系统；", with: "建成系统（联系人 139 1234 5678）；")
        let site = TaskRuleTests.site(tasks: TaskRuleTests.tasks(TaskRuleTests.valid), list: list)
        let findings = try Self.privacy(site)
        #expect(findings.summary.sorted() == [
            "privacy-bank-card@\(Self.at("6222020200112233446", in: TaskRuleTests.listFile, of: site).description)",
            "privacy-mobile@\(Self.at("13812345678", in: TaskRuleTests.listFile, of: site).description)",
            "privacy-mobile@\(Self.at("139 1234 5678", in: TaskRuleTests.listFile, of: site).description)",
        ].sorted())
    }

    @Test("nianbao.yaml's published fields")
    func siteConfig() throws {
        var site = TestSite(years: [2024])
        site["nianbao.yaml"] = "name: 测试站点\ncolumn: 年报（维护人13812345678）\n"
        expectOnly(try Self.privacy(site), "privacy-mobile", .error, at: Self.at("13812345678", in: "nianbao.yaml", of: site))
    }

    @Test("the narrative's link texts and addresses, escaped or not", arguments: [
        ("详见[经办人13812345678](https://www.jiangyu.gov.cn/a.html)。", "13812345678", "privacy-mobile"),
        ("详见[说明](https://www.jiangyu.gov.cn/q?id=11010519491231002X)。", "11010519491231002X", "privacy-id-number"),
        ("详见[联系](tel:%2B86%20138%201234%205678)。", "%2B86", "privacy-mobile"),
        ("详见[说明](https://www.jiangyu.gov.cn/q?id=%EF%BC%91%EF%BC%93%EF%BC%98%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96%EF%BC%97%EF%BC%98)。", "%EF%BC%91", "privacy-mobile"),
        ("致信[邮箱](mailto:zhangsan%40qq.com)。", "zhangsan%40qq.com", "privacy-email"),
        ("申请人电话&#49;3812345678。", "&#49;3812345678", "privacy-mobile"),
        ("[参考]: https://www.jiangyu.gov.cn/p?tel=13812345678\n\n见[参考]。", "13812345678", "privacy-mobile"),
    ])
    func links(text: String, value: String, rule: String) throws {
        var site = TestSite(years: [2024])
        site.replace(TestSite.sectionText[6]!, with: text, in: Self.report)
        let finding = expectOnly(try Self.privacy(site), rule, .error, at: Self.at(value, in: Self.report, of: site))
        #expect(finding?.message.hasPrefix("正文含有") == true)
    }
}
