import Foundation
import Testing

@Suite("nianbao new")
struct NewCommandTests {
    struct Findings: Decodable {
        struct Finding: Decodable { let rule: String }
        let findings: [Finding]
    }

    @Test("a new report round-trips through check: only not-filled-in findings", arguments: [2020, 2024])
    func roundTrip(year: Int) throws {
        let site = try ScratchSite()
        let created = try Nianbao.run(
            ["new", "test-agency", String(year), "--name", "测试县人民政府", "--kind", "人民政府", "-s", site.root.path])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("Content/test-agency/\(year)/tables.yaml"))
        let check = try Nianbao.run(["check", "-s", site.root.path, "--format", "json"])
        #expect(check.status == 1)
        let rules = Set(try JSONDecoder().decode(Findings.self, from: Data(check.stdout.utf8)).findings.map(\.rule))
        #expect(rules == ["not-filled-in"])
        let tables = try site.read("Content/test-agency/\(year)/tables.yaml")
        #expect(tables.contains(year >= 2021 ? "本年制发件数" : "本年新制作数量"))
    }

    @Test("where a task list applies (through the parent), new writes tasks.yaml with every task, which check asks to fill in")
    func tasks() throws {
        let site = try ScratchSite()
        try site.copySample(agency: "jiangyu-tax")
        let created = try Nianbao.run(
            ["new", "lakeside-tax", "2020", "--name", "国家税务总局湖畔区税务局", "--kind", "部门", "--parent", "jiangyu-tax", "-s", site.root.path])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("Content/lakeside-tax/2020/tasks.yaml"))
        let tasks = try site.read("Content/lakeside-tax/2020/tasks.yaml")
        #expect(tasks.contains("list: 2020-tax"))
        #expect(tasks.components(separatedBy: "    status: 待填写").count - 1 == 23)
        let check = try Nianbao.run(["check", "-s", site.root.path, "--format", "json", "--no-cache"])
        let rules = Set(try JSONDecoder().decode(Findings.self, from: Data(check.stdout.utf8)).findings.map(\.rule))
        #expect(rules == ["not-filled-in", "tasks-file-invalid"])
        // A year no list asks about gets none.
        #expect(try Nianbao.run(["new", "lakeside-tax", "2021", "-s", site.root.path]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Content/lakeside-tax/2021/tasks.yaml").path))
    }

    @Test("new never overwrites an existing report")
    func refusesToOverwrite() throws {
        let site = try ScratchSite()
        let first = try Nianbao.run(["new", "a", "2024", "--name", "某局", "--kind", "部门", "-s", site.root.path])
        #expect(first.status == 0)
        try site.write("Content/a/2024/report.md", "我写的内容")
        let second = try Nianbao.run(["new", "a", "2024", "-s", site.root.path])
        #expect(second.status == 1)
        #expect(second.stderr.contains("不会覆盖"))
        #expect(try site.read("Content/a/2024/report.md") == "我写的内容")
    }

    @Test("a new agency needs --name and --kind; bad slugs and years are usage errors")
    func usage() throws {
        let site = try ScratchSite()
        let noName = try Nianbao.run(["new", "b", "2024", "-s", site.root.path])
        #expect(noName.status == 64)
        #expect(noName.stderr.contains("--name"))
        let badSlug = try Nianbao.run(["new", "B 局", "2024", "--name", "x", "--kind", "部门", "-s", site.root.path])
        #expect(badSlug.status == 64)
        let badYear = try Nianbao.run(["new", "b", "2018", "--name", "x", "--kind", "部门", "-s", site.root.path])
        #expect(badYear.status == 64)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Content/b").path))
    }
}

@Suite("nianbao explain")
struct ExplainCommandTests {
    @Test("explains a rule with its basis and fix")
    func explain() throws {
        let result = try Nianbao.run(["explain", "arith-column-balance"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("第一项加第二项之和，等于第三项加第四项之和"))
        #expect(result.stdout.contains("如何修改"))
    }

    @Test("lists every rule; an unknown rule is a usage error")
    func listAndUnknown() throws {
        let list = try Nianbao.run(["explain"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("published-late"))
        let unknown = try Nianbao.run(["explain", "no-such-rule"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("no-such-rule"))
    }
}
