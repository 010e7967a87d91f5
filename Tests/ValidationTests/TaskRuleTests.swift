import Diagnostics
import Foundation
import Scaffold
import Testing

/// The task-list rules on a small list of three tasks (a date, ongoing, a date with ongoing
/// work) that applies to the test agency's 2024 report, published 2025-01-20.
@Suite struct TaskRuleTests {
    static let listFile = "Content/_tasks/test-list.yaml"
    static let tasksFile = "Content/\(TestSite.slug)/2024/tasks.yaml"

    static let list = """
        title: 测试任务清单
        year: 2024
        applies_to: [\(TestSite.slug)]
        parts:
          - title: 一、测试
            tasks:
              - number: 1
                title: 公开权责清单
                deadline: 2024年6月底前
              - number: 2
                title: 解读政策
                deadline: 持续推进
              - number: 3
                title: 建成系统
                deadline: 2024年3月20日前，建成系统；其他工作持续推进。

        """

    /// A tasks.yaml addressing the three tasks as `entries` say (number → lines under it).
    static func tasks(_ entries: [Int: String]) -> String {
        "list: test-list\ntasks:\n" + entries.keys.sorted().map { "  \($0):\n" + entries[$0]! }.joined()
    }

    static let valid: [Int: String] = [
        1: "    status: 完成\n    completed: 2024-05-10\n    evidence: ../2024/\n",
        2: "    status: 推进中\n    evidence: 全年发布解读12篇。\n",
        3: "    status: 推进中\n    completed: 2024-03-15\n    evidence: ../../test-agency/\n",
    ]

    static func site(tasks: String?, list: String = list) -> TestSite {
        var site = TestSite(years: [2024])
        // Served under a sub-path, so that other columns of the same website are outside it.
        site["nianbao.yaml"] = "name: 江屿市人民政府门户网站\ndomain: www.jiangyu.gov.cn\nid_code: \"3399000001\"\nbase_url: https://www.jiangyu.gov.cn/zfxxgk/ndbg/\n"
        site[listFile] = list
        if let tasks { site[tasksFile] = tasks }
        return site
    }

    static func rules(_ findings: [Finding]) -> [String] { findings.map(\.rule) }

    @Test("a report that addresses every task, with links that resolve, has no findings")
    func valid() throws {
        #expect(try Self.site(tasks: Self.tasks(Self.valid)).findings().isEmpty)
    }

    @Test("no tasks.yaml for a report the list applies to, and a task left out, are not addressed")
    func notAddressed() throws {
        let missingFile = try Self.site(tasks: nil).findings()
        #expect(Self.rules(missingFile) == ["task-not-addressed"])
        #expect(missingFile.first?.location.file == Self.tasksFile)
        var entries = Self.valid
        entries[2] = nil
        let missingTask = try Self.site(tasks: Self.tasks(entries)).findings()
        #expect(Self.rules(missingTask) == ["task-not-addressed"])
        #expect(missingTask.first?.message.contains("第2项") == true)
    }

    @Test("a second list for the same year that tasks.yaml does not name is not addressed")
    func secondList() throws {
        var site = Self.site(tasks: Self.tasks(Self.valid))
        site["Content/_tasks/other-list.yaml"] = Self.list.replacingOccurrences(of: "title: 测试任务清单", with: "title: 另一份清单")
        let findings = try site.findings()
        #expect(Self.rules(findings) == ["task-not-addressed"])
        #expect(findings.first?.message.contains("另一份清单") == true)
    }

    @Test("a list that applies to another agency asks nothing of this one")
    func notApplicable() throws {
        let other = Self.list.replacingOccurrences(of: "applies_to: [\(TestSite.slug)]", with: "applies_to: []")
        #expect(try Self.site(tasks: nil, list: other).findings().isEmpty)
    }

    @Test("不适用 needs a reason")
    func reason() throws {
        var entries = Self.valid
        entries[2] = "    status: 不适用\n"
        let without = try Self.site(tasks: Self.tasks(entries)).findings()
        #expect(Self.rules(without) == ["task-reason-missing"])
        #expect(without.first?.location.line == 8)
        entries[2] = "    status: 不适用\n    reason: 本局不制发政策文件。\n"
        #expect(try Self.site(tasks: Self.tasks(entries)).findings().isEmpty)
    }

    @Test("a task past its deadline and not done is a warning; ongoing work with its dated part done is not")
    func overdue() throws {
        var entries = Self.valid
        entries[1] = "    status: 推进中\n"
        let late = try Self.site(tasks: Self.tasks(entries)).findings()
        #expect(Self.rules(late) == ["task-overdue"])
        #expect(late.first?.severity == .warning)
        #expect(late.first?.message.contains("2024年6月30日") == true)
        entries = Self.valid
        entries[3] = "    status: 推进中\n"  // no completed date for the dated part
        #expect(Self.rules(try Self.site(tasks: Self.tasks(entries)).findings()) == ["task-overdue"])
        entries[3] = "    status: 不适用\n    reason: 本局无此系统。\n"
        #expect(try Self.site(tasks: Self.tasks(entries)).findings().isEmpty)
    }

    @Test("evidence links must reach a page of the site; other sites and other columns are not checked")
    func evidence() throws {
        var entries = Self.valid
        entries[2] = "    status: 推进中\n    evidence: ../2019/\n"
        let broken = try Self.site(tasks: Self.tasks(entries)).findings()
        #expect(Self.rules(broken) == ["task-evidence-unresolved"])
        #expect(broken.first?.message.contains("test-agency/2019/index.html") == true)
        for fine in [
            "https://www.other.gov.cn/x.html", "/col/col123/index.html", "data.csv", "./#section-1", "../../compliance/",
            "https://www.jiangyu.gov.cn/zfxxgk/ndbg/test-agency/2024/", "/zfxxgk/ndbg/",
        ] {
            entries[2] = "    status: 推进中\n    evidence: \"\(fine)\"\n"
            let findings = try Self.site(tasks: Self.tasks(entries)).findings()
            #expect(findings.isEmpty, "\(fine): \(findings.map(\.message))")
        }
        entries[2] = "    status: 推进中\n    evidence: /zfxxgk/ndbg/nobody/\n"
        #expect(Self.rules(try Self.site(tasks: Self.tasks(entries)).findings()) == ["task-evidence-unresolved"])
        entries[2] = "    status: 推进中\n    evidence: ../../../outside/\n"
        #expect(Self.rules(try Self.site(tasks: Self.tasks(entries)).findings()) == ["task-evidence-unresolved"])
    }

    @Test("an unknown list, status or task number, and a date that is not one, are reported where written")
    func fileErrors() throws {
        let unknownList = try Self.site(tasks: Self.tasks(Self.valid).replacingOccurrences(of: "list: test-list", with: "list: nope"))
            .findings()
        // The list that applies is then not addressed either.
        #expect(Self.rules(unknownList) == ["task-not-addressed", "tasks-file-invalid"])
        #expect(unknownList.last?.location.line == 1)
        var entries = Self.valid
        entries[2] = "    status: 已完成\n"
        entries[9] = "    status: 完成\n"
        entries[1] = "    status: 完成\n    completed: 2024年5月\n"
        let findings = try Self.site(tasks: Self.tasks(entries)).findings()
        #expect(Self.rules(findings) == ["tasks-file-invalid", "tasks-file-invalid", "tasks-file-invalid"])
    }

    @Test("an unreadable deadline in the list is a finding at its position, not a guess")
    func unreadableDeadline() throws {
        let list = Self.list.replacingOccurrences(of: "deadline: 2024年6月底前", with: "deadline: 2024年6月前")
        let findings = try Self.site(tasks: Self.tasks(Self.valid), list: list).findings()
        #expect(Self.rules(findings) == ["task-list-invalid"])
        #expect(findings.first?.location == Location(file: Self.listFile, line: 9, column: 19))
    }
}
