import Foundation
import SitePipeline
import Testing

/// The preview server's builds: one `BuildSession` kept across them, told which files changed.
/// A rebuild reads only the reports named, and its output is byte for byte a full build's.
@Suite struct BuildSessionTests {
    let site: ScratchSite
    let session = BuildSession()

    init() throws { site = try BuildCommandTests.sampleSite() }

    var output: URL { site.root.appendingPathComponent("Preview") }

    /// One build into `Preview/` with the session, as `serve` runs it (errors allowed, no PDFs).
    func build(_ changes: InputChanges, session: BuildSession? = nil) throws -> BuildPipeline.Work {
        var options = BuildPipeline.Options(root: site.root, output: output, allowErrors: true, makePDFs: false)
        options.useCache = true
        guard case .built(_, _, _, let work) = try BuildPipeline.run(options, session: session ?? self.session, changes: changes) else {
            throw Refused()
        }
        return work
    }

    struct Refused: Error {}

    /// `Preview/` against a build from scratch into `Full/`.
    func expectSameAsFullBuild(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let full = site.root.appendingPathComponent("Full")
        try? FileManager.default.removeItem(at: full)
        let options = BuildPipeline.Options(root: site.root, output: full, allowErrors: true, makePDFs: false, useCache: false)
        _ = try BuildPipeline.run(options)
        #expect(BuildCommandTests.snapshot(output) == BuildCommandTests.snapshot(full), sourceLocation: sourceLocation)
    }

    func append(_ text: String, to file: String) throws { try site.write(file, try site.read(file) + text) }

    @Test("a report file named as changed is the only one read and rendered; the output equals a full build")
    func namedEdit() throws {
        #expect(try !build(.unknown).incremental)
        try append("\n另：本年度门户网站完成适老化改造。\n", to: "Content/qingshan-tax/2023/report.md")
        let work = try build(.paths(["Content/qingshan-tax/2023/report.md"]))
        #expect(work.incremental && work.rendered == 1)
        #expect(try site.read("Preview/qingshan-tax/2023/index.html").contains("适老化改造"))
        try expectSameAsFullBuild()
        // A file in a report folder that nianbao never reads changes nothing.
        try site.write("Content/qingshan-tax/2023/notes.txt", "草稿")
        let unread = try build(.paths(["Content/qingshan-tax/2023/notes.txt"]))
        #expect(unread.incremental && unread.rendered == 0 && unread.written == 0)
    }

    @Test("files not named are not looked at; unknown changes look at every file again")
    func trustsTheNames() throws {
        _ = try build(.unknown)
        try append("\n甲处修改。\n", to: "Content/jiangyu-tax/2022/report.md")
        try append("\n乙处修改。\n", to: "Content/qingshan-tax/2024/report.md")
        let named = try build(.paths(["Content/qingshan-tax/2024/report.md"]))
        #expect(named.rendered == 1)
        #expect(try site.read("Preview/qingshan-tax/2024/index.html").contains("乙处修改"))
        #expect(try !site.read("Preview/jiangyu-tax/2022/index.html").contains("甲处修改"))
        let everything = try build(.unknown)
        #expect(everything.incremental && everything.rendered == 1)
        #expect(try site.read("Preview/jiangyu-tax/2022/index.html").contains("甲处修改"))
        try expectSameAsFullBuild()
    }

    @Test("an edit below a roll-up sums the roll-up again; the output equals a full build")
    func rollUpSource() throws {
        try append("rollup: [2023]\n", to: "Content/jiangyu-tax/agency.yaml")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/jiangyu-tax/2023/tables.yaml"))
        _ = try build(.unknown)
        let before = try site.read("Preview/jiangyu-tax/2023/data.csv")
        let file = "Content/qingshan-tax/2023/tables.yaml"
        try site.write(
            file,
            try site.read(file).replacingOccurrences(
                of: #"一、本年新收政府信息公开申请数量: \[(\d+)"#, with: "一、本年新收政府信息公开申请数量: [9$1", options: .regularExpression))
        let work = try build(.paths([file]))
        #expect(work.incremental && work.rendered == 2)
        #expect(try site.read("Preview/jiangyu-tax/2023/data.csv") != before)
        try expectSameAsFullBuild()
    }

    @Test("a change the session cannot take by rereading reports looks at every file")
    func otherChanges() throws {
        _ = try build(.unknown)
        try append("\n丙处修改。\n", to: "Content/qingshan-county/2024/report.md")
        try append("\n# 备注\n", to: "Content/qingshan-tax/agency.yaml")
        // agency.yaml is not a report file: the whole site is looked at, the edit too (and a
        // changed agency.yaml makes it a full build).
        let work = try build(.paths(["Content/qingshan-tax/agency.yaml"]))
        #expect(try site.read("Preview/qingshan-county/2024/index.html").contains("丙处修改"))
        #expect(!work.incremental)
        try expectSameAsFullBuild()
    }

    @Test("a cache changed by another process since the session's last build is read again, not trusted")
    func cacheChangedElsewhere() throws {
        _ = try build(.unknown)
        // Another process builds the same preview folder without the session: the files of the
        // cache change, so what the session kept no longer describes them.
        try append("\n丁处修改。\n", to: "Content/qingshan-tax/2022/report.md")
        #expect(try build(.unknown, session: BuildSession()).rendered == 1)
        let work = try build(.paths([]))
        #expect(work.incremental && work.rendered == 0)
        #expect(try site.read("Preview/qingshan-tax/2022/index.html").contains("丁处修改"))
        // Deleting the cache makes the next build a full one, whatever the session kept.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".nianbao-cache"))
        #expect(try !build(.paths([])).incremental)
        try expectSameAsFullBuild()
    }
}
