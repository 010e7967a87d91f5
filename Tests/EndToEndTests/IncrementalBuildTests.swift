import Foundation
import Testing

/// Rebuilds from the build cache (`.nianbao-cache/`): only what changed is rendered again, the
/// result is byte for byte what a full build gives, and a cache that cannot be trusted is not.
@Suite struct IncrementalBuildTests {
    typealias Snapshot = [String: Data]

    /// Builds `site` into Output (from the cache if it can) and, from scratch, into a second
    /// folder; both must succeed. Returns the cached build's stderr and both snapshots.
    func buildBoth(_ site: ScratchSite, _ extra: [String] = ["--no-pdf"]) throws -> (stderr: String, output: Snapshot, full: Snapshot) {
        let cached = try Nianbao.run(["build", "-s", site.root.path] + extra)
        #expect(cached.status == 0, "\(cached.stdout)\(cached.stderr)")
        let fullFolder = site.root.appendingPathComponent("Full")
        let full = try Nianbao.run(["build", "-s", site.root.path, "--no-cache", "-o", fullFolder.path] + extra)
        #expect(full.status == 0, "\(full.stderr)")
        #expect(cached.stdout == full.stdout)
        return (
            cached.stderr, BuildCommandTests.snapshot(site.root.appendingPathComponent("Output")), BuildCommandTests.snapshot(fullFolder)
        )
    }

    func edit(_ site: ScratchSite, _ file: String, _ change: (String) throws -> String) throws {
        try site.write(file, change(try site.read(file)))
    }

    @Test("after a narrative edit only that report is rendered again, and Output equals a full build byte for byte")
    func narrativeEdit() throws {
        let site = try BuildCommandTests.sampleSite()
        let first = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"])
        #expect(first.stderr.contains("完整生成 (full build: no cache)"))
        try edit(site, "Content/qingshan-tax/2023/report.md") { $0 + "\n另：本年度门户网站完成适老化改造。\n" }
        let (stderr, output, full) = try buildBoth(site)
        #expect(stderr.contains("增量生成：重新生成 1 份报告"), "\(stderr)")
        #expect(output == full)
        #expect(String(decoding: output["qingshan-tax/2023/index.html"]!, as: UTF8.self).contains("适老化改造"))
    }

    @Test("the manifest left in Output is patched only if it is the one the last build wrote: an edited one is written whole again")
    func editedManifest() throws {
        let site = try BuildCommandTests.sampleSite()
        #expect(try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"]).status == 0)
        // A digest changed by hand: still a well-formed manifest, but not the build's.
        try edit(site, "Output/deploy/manifest.json") { text in
            let digest = try #require(text.range(of: #""sha256": "[0-9a-f]"#, options: .regularExpression))
            let last = text.index(before: digest.upperBound)
            return text.replacingCharacters(in: last...last, with: text[last] == "0" ? "1" : "0")
        }
        try edit(site, "Content/qingshan-tax/2023/report.md") { $0 + "\n另：本年度完成政务新媒体整合。\n" }
        let (stderr, output, full) = try buildBoth(site)
        #expect(stderr.contains("增量生成：重新生成 1 份报告"), "\(stderr)")
        #expect(output["deploy/manifest.json"] == full["deploy/manifest.json"])
        #expect(output == full)
    }

    @Test("after a table edit the report, its agency page, open data and findings across years match a full build")
    func tableEdit() throws {
        let site = try BuildCommandTests.sampleSite()
        #expect(try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"]).status == 0)
        // The carry-over into 2024 no longer matches: a finding about the unchanged 2024 report.
        let file = "Content/jiangyu-tax/2023/tables.yaml"
        let text = try site.read(file)
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("结转下年度继续办理") })
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[line] = lines[line].replacingOccurrences(of: #"\[(\d+)"#, with: "[1$1", options: .regularExpression)
        try site.write(file, lines.joined(separator: "\n"))
        let cached = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf", "--allow-errors"])
        let full = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf", "--allow-errors", "--no-cache", "-o", site.root.appendingPathComponent("Full").path])
        #expect(cached.stderr.contains("增量生成：重新生成 1 份报告"), "\(cached.stderr)")
        #expect(cached.stdout == full.stdout)
        // The unchanged 2024 report, read from the cache, is checked against the new 2023 figures.
        #expect(cached.stdout.contains("Content/jiangyu-tax/2024/tables.yaml"), "\(cached.stdout)")
        #expect(BuildCommandTests.snapshot(site.root.appendingPathComponent("Output")) == BuildCommandTests.snapshot(site.root.appendingPathComponent("Full")))
    }

    @Test("an unchanged agency keeps its findings across years through builds that edit another, until it is fixed")
    func crossYearFindingsKept() throws {
        let site = try BuildCommandTests.sampleSite()
        // qingshan-tax's 2023 carry-over no longer matches 2022's carried-forward figures.
        let file = "Content/qingshan-tax/2023/tables.yaml"
        let original = try site.read(file)
        let lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let line = try #require(lines.firstIndex { $0.contains("二、上年结转政府信息公开申请数量") })
        var broken = lines
        broken[line] = broken[line].replacingOccurrences(of: #"\[(\d+)"#, with: "[7$1", options: .regularExpression)
        try site.write(file, broken.joined(separator: "\n"))
        let first = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf", "--allow-errors"])
        #expect(first.stdout.contains("carry-over-mismatch") && first.stdout.contains(file), "\(first.stdout)")
        // Another agency's narrative changes: qingshan-tax is taken from the cache, findings and all.
        try edit(site, "Content/jiangyu-tax/2024/report.md") { $0 + "\n另：本年度更新了公开指南。\n" }
        let cached = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf", "--allow-errors"])
        let full = try Nianbao.run(
            ["build", "-s", site.root.path, "--no-pdf", "--allow-errors", "--no-cache", "-o", site.root.appendingPathComponent("Full").path])
        #expect(cached.stderr.contains("增量生成：重新生成 1 份报告"), "\(cached.stderr)")
        #expect(cached.stdout == full.stdout && cached.stdout == first.stdout, "\(cached.stdout)")
        // Fixed: the finding goes.
        try site.write(file, original)
        let fixed = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"])
        #expect(fixed.status == 0 && !fixed.stdout.contains("carry-over-mismatch"), "\(fixed.stdout)")
    }

    @Test("a roll-up is summed again when a report it sums changes; Output equals a full build")
    func rollUpChild() throws {
        let site = try BuildCommandTests.sampleSite()
        // jiangyu-tax's 2023 figures become the sum of its child qingshan-tax's (its narrative no
        // longer agrees, hence --allow-errors).
        try edit(site, "Content/jiangyu-tax/agency.yaml") { $0 + "rollup: [2023]\n" }
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/jiangyu-tax/2023/tables.yaml"))
        #expect(try Nianbao.run(["build", "-s", site.root.path, "--no-pdf", "--allow-errors"]).status == 0)
        let before = try site.read("Output/jiangyu-tax/2023/data.csv")
        try edit(site, "Content/qingshan-tax/2023/tables.yaml") {
            $0.replacingOccurrences(of: #"一、本年新收政府信息公开申请数量: \[(\d+)"#, with: "一、本年新收政府信息公开申请数量: [9$1", options: .regularExpression)
        }
        let (stderr, output, full) = try buildBoth(site, ["--no-pdf", "--allow-errors"])
        #expect(stderr.contains("增量生成：重新生成 2 份报告"), "\(stderr)")
        #expect(output == full)
        #expect(String(decoding: output["jiangyu-tax/2023/data.csv"]!, as: UTF8.self) != before)
        // Nothing changed: the roll-up is taken from the cache again.
        let again = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf", "--allow-errors"])
        #expect(again.stderr.contains("增量生成：重新生成 0 份报告"), "\(again.stderr)")
    }

    @Test("a report taken from the cache keeps its tasks.yaml whole: reasons, evidence and local deadlines")
    func cachedTasks() throws {
        let site = try BuildCommandTests.sampleSite()
        try edit(site, "Content/jiangyu-tax/2020/tasks.yaml") {
            $0.replacingOccurrences(of: "  14:\n    status: 推进中\n", with: "  14:\n    status: 不适用\n    reason: 本局未收到涉及商业秘密的申请。\n")
        }
        #expect(try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"]).status == 0)
        try edit(site, "Content/qingshan-tax/2023/report.md") { $0 + "\n另：本年度更新了政务公开目录。\n" }
        let (stderr, output, full) = try buildBoth(site)
        #expect(stderr.contains("增量生成：重新生成 1 份报告"), "\(stderr)")
        #expect(output == full)
        let check = try Nianbao.run(["check", "-s", site.root.path])
        #expect(check.status == 0 && check.stderr.contains("沿用上次生成时的校验结果"), "\(check.stdout)\(check.stderr)")
    }

    @Test("a child left out of a roll-up for a broken table is summed once it is fixed")
    func rollUpChildFixed() throws {
        let site = try BuildCommandTests.sampleSite()
        try edit(site, "Content/jiangyu-tax/agency.yaml") { $0 + "rollup: [2023]\n" }
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/jiangyu-tax/2023/tables.yaml"))
        let good = try site.read("Content/qingshan-tax/2023/tables.yaml")
        try site.write("Content/qingshan-tax/2023/tables.yaml", good + "\n\t坏: [\n")
        #expect(try Nianbao.run(["build", "-s", site.root.path, "--no-pdf", "--allow-errors"]).status == 0)
        try site.write("Content/qingshan-tax/2023/tables.yaml", good)
        let (stderr, output, full) = try buildBoth(site, ["--no-pdf", "--allow-errors"])
        #expect(stderr.contains("增量生成：重新生成 2 份报告"), "\(stderr)")
        #expect(output == full)
        #expect(String(decoding: output["jiangyu-tax/2023/data.csv"]!, as: UTF8.self) == String(decoding: full["jiangyu-tax/2023/data.csv"]!, as: UTF8.self))
    }

    @Test("a tasks.yaml edit renders its report again and updates the task list page and the dashboard")
    func tasksEdit() throws {
        let site = try BuildCommandTests.sampleSite()
        #expect(try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"]).status == 0)
        try edit(site, "Content/jiangyu-tax/2020/tasks.yaml") {
            $0.replacingOccurrences(of: "  2:\n    status: 完成\n    completed: 2020-12-18\n", with: "  2:\n    status: 推进中\n")
        }
        let (stderr, output, full) = try buildBoth(site)
        #expect(stderr.contains("增量生成：重新生成 1 份报告"), "\(stderr)")
        #expect(output == full)
        #expect(String(decoding: output["compliance/compliance.json"]!, as: UTF8.self).contains("task-overdue"))
    }

    @Test("a new publication date reaches the home page, the dashboard, the sitemap and the feed, which a narrative edit leaves alone")
    func siteWidePages() throws {
        let site = try BuildCommandTests.sampleSite()
        #expect(try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"]).status == 0)
        let pages = ["index.html", "compliance/index.html", "data/all.csv", "search-index.json", "sitemap.xml", "feed.xml"].map {
            site.root.appendingPathComponent("Output/" + $0).path
        }
        let before = try pages.map { try FileManager.default.attributesOfItem(atPath: $0)[.systemFileNumber] as? Int }
        try edit(site, "Content/qingshan-tax/2022/report.md") { $0 + "\n另：本年度更新了政务公开目录。\n" }
        let narrative = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"])
        // The report page and the search index's shards only: the home page, the dashboard, the
        // open data, the list of search documents, the sitemap and the feed are as they were.
        #expect(narrative.stderr.contains("重新生成 1 份报告"), "\(narrative.stderr)")
        #expect(try pages.map { try FileManager.default.attributesOfItem(atPath: $0)[.systemFileNumber] as? Int } == before)
        try edit(site, "Content/qingshan-tax/2023/report.md") {
            $0.replacingOccurrences(of: "published: 2024-01-24 09:00", with: "published: 2024-02-05 09:00")
        }
        let (_, output, full) = try buildBoth(site, ["--no-pdf", "--allow-errors"])
        #expect(output == full)
        #expect(String(decoding: output["index.html"]!, as: UTF8.self).contains("逾期发布"))
        #expect(String(decoding: output["compliance/index.html"]!, as: UTF8.self).contains("逾期 5 天"))
    }

    @Test("a rebuild with nothing changed renders nothing and writes nothing")
    func nothingChanged() throws {
        let site = try BuildCommandTests.sampleSite()
        #expect(try Nianbao.run(["build", "-s", site.root.path]).status == 0)
        let page = site.root.appendingPathComponent("Output/jiangyu-tax/2024/index.html").path
        let inode = try FileManager.default.attributesOfItem(atPath: page)[.systemFileNumber] as? Int
        // Touching a file without changing it costs a hash, not a rebuild.
        try edit(site, "Content/jiangyu-tax/2024/report.md") { $0 }
        let again = try Nianbao.run(["build", "-s", site.root.path])
        #expect(again.stderr.contains("增量生成：重新生成 0 份报告，更新 0 个文件"), "\(again.stderr)")
        #expect(try FileManager.default.attributesOfItem(atPath: page)[.systemFileNumber] as? Int == inode)
    }

    @Test("with PDFs: the edited report's PDF is made again and equals a full build's")
    func withPDFs() throws {
        let site = try BuildCommandTests.sampleSite()
        #expect(try Nianbao.run(["build", "-s", site.root.path]).status == 0)
        try edit(site, "Content/qingshan-county/2024/report.md") { $0 + "\n另：本年度公开目录全面更新。\n" }
        let (stderr, output, full) = try buildBoth(site, [])
        #expect(stderr.contains("增量生成：重新生成 1 份报告"), "\(stderr)")
        #expect(output == full)
    }

    @Test("a damaged, truncated or deleted cache is not trusted: the build is a full one and still correct")
    func damagedCache() throws {
        let site = try BuildCommandTests.sampleSite()
        #expect(try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"]).status == 0)
        let folder = try #require(
            FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent(".nianbao-cache").path).first)
        let cache = site.root.appendingPathComponent(".nianbao-cache/\(folder)/cache.bin")
        var bytes = try Data(contentsOf: cache)
        for (damage, note) in [("flip", "checksum mismatch"), ("truncate", "checksum mismatch"), ("delete", "no cache")] {
            try edit(site, "Content/qingshan-tax/2023/report.md") { $0 + "\n（\(damage)）\n" }
            switch damage {
            case "flip":
                bytes[bytes.count / 2] ^= 0x55
                try bytes.write(to: cache)
            case "truncate": try bytes.prefix(bytes.count / 3).write(to: cache)
            default: try FileManager.default.removeItem(at: site.root.appendingPathComponent(".nianbao-cache"))
            }
            let (stderr, output, full) = try buildBoth(site)
            #expect(stderr.contains("完整生成 (full build: \(note)"), "\(damage): \(stderr)")
            #expect(output == full, "\(damage)")
            bytes = try Data(contentsOf: cache)
        }
    }

    @Test("a cache describing another state of Output, or other settings, is not used")
    func staleCache() throws {
        let site = try BuildCommandTests.sampleSite()
        let output = site.root.appendingPathComponent("Output")
        let saved = site.root.appendingPathComponent("Saved")
        #expect(try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"]).status == 0)
        try FileManager.default.copyItem(at: output, to: saved)
        try edit(site, "Content/qingshan-tax/2023/report.md") { $0 + "\n第一次修改。\n" }
        #expect(try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"]).stderr.contains("增量生成"))
        // Output is put back as it was before: the cache describes the later state.
        try FileManager.default.removeItem(at: output)
        try FileManager.default.moveItem(at: saved, to: output)
        try edit(site, "Content/qingshan-tax/2023/report.md") { $0 + "\n第二次修改。\n" }
        var (stderr, built, full) = try buildBoth(site)
        #expect(stderr.contains("the output folder is not the one the cache describes"), "\(stderr)")
        #expect(built == full)
        // Another setting (here the column name in nianbao.yaml) makes every page different.
        try edit(site, "nianbao.yaml") { $0 + "column: 年度报告\n" }
        (stderr, built, full) = try buildBoth(site)
        #expect(stderr.contains("nianbao.yaml"), "\(stderr)")
        #expect(built == full)
        // So does a new report.
        try FileManager.default.copyItem(
            at: site.root.appendingPathComponent("Content/qingshan-tax/2023"), to: site.root.appendingPathComponent("Content/qingshan-tax/2025"))
        try edit(site, "Content/qingshan-tax/2025/report.md") { $0.replacingOccurrences(of: "2023", with: "2025") }
        let added = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf", "--allow-errors"])
        #expect(added.stderr.contains("reports were added, removed or renamed"), "\(added.stderr)")
    }

    @Test("links written in an edited report are looked up among the build's files: a missing page is found, an existing one is not")
    func linksFromEditedReport() throws {
        let site = try BuildCommandTests.sampleSite()
        #expect(try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"]).status == 0)
        try edit(site, "Content/qingshan-tax/2023/report.md") {
            $0 + "\n参见[上年报告](../../qingshan-tax/2022/)、[数据](../../qingshan-tax/2022/data.csv)和[旧报告](../../qingshan-tax/2019/)。\n"
        }
        // (All or nothing: a withheld report would make the build a full one.)
        let again = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf", "--format", "github", "--all-or-nothing"])
        #expect(again.status == 1)
        #expect(!again.stderr.contains("完整生成"), "\(again.stderr)")
        let broken = again.stdout.split(separator: "\n").filter { $0.contains("link-broken") || $0.contains("链接") }
        #expect(broken.count == 1 && broken[0].contains("qingshan-tax/2019"), "\(again.stdout)")
    }

    @Test("the cache of an output folder that is gone is removed by the next build; the others stay")
    func cacheOfRemovedOutputPruned() throws {
        let site = try BuildCommandTests.sampleSite()
        let (preview, kept) = (site.root.appendingPathComponent("Preview"), site.root.appendingPathComponent("Kept"))
        for output in [preview, kept] {
            #expect(try Nianbao.run(["build", "-s", site.root.path, "--no-pdf", "-o", output.path]).status == 0)
        }
        let cache = site.root.appendingPathComponent(".nianbao-cache")
        func outputs() throws -> Set<String> {
            Set(try FileManager.default.contentsOfDirectory(atPath: cache.path).compactMap { name in
                FileManager.default.contents(atPath: cache.appendingPathComponent(name + "/output").path).map { String(decoding: $0, as: UTF8.self) }
            })
        }
        #expect(try outputs() == [preview.path, kept.path])
        try FileManager.default.removeItem(at: preview)
        #expect(try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"]).status == 0)
        #expect(try outputs() == [kept.path, site.root.appendingPathComponent("Output").path])
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).count == 2)
    }

    @Test("the manifest's input digest is sha256sum's listing of the files the build reads, not of notes left in Content/, with or without the cache")
    func inputDigestCoversInputs() throws {
        let site = try BuildCommandTests.sampleSite()
        for stray in ["Content/NOTES.txt", "Content/qingshan-tax/2023/草稿.txt", "Content/qingshan-tax/.DS_Store"] { try site.write(stray, "备忘") }
        let cached = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"])
        let full = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf", "--no-cache", "-o", site.root.appendingPathComponent("Full").path])
        #expect(cached.status == 0 && full.status == 0, "\(cached.stderr)\(full.stderr)")
        // The reference: nianbao.yaml, the task lists, agency.yaml, each report's three files and
        // the theme's files, by label in byte order, hashed by sha256sum.
        var inputs: [(label: String, path: String)] = [("nianbao.yaml", site.root.appendingPathComponent("nianbao.yaml").path)]
        let content = site.root.appendingPathComponent("Content")
        for case let path as String in FileManager.default.enumerator(atPath: content.path)! {
            let parts = path.split(separator: "/")
            let isInput = (parts.first == "_tasks" && parts.count > 1) || (parts.count == 2 && parts[1] == "agency.yaml")
                || (parts.count == 3 && parts[1].count == 4 && ["report.md", "tables.yaml", "tasks.yaml"].contains(parts[2]))
            if isInput { inputs.append(("Content/" + path, content.appendingPathComponent(path).path)) }
        }
        let theme = Nianbao.repositoryRoot.appendingPathComponent("Themes/default")
        for case let path as String in FileManager.default.enumerator(atPath: theme.path)! {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: theme.appendingPathComponent(path).path, isDirectory: &isFolder), !isFolder.boolValue {
                inputs.append(("theme0/" + path, theme.appendingPathComponent(path).path))
            }
        }
        inputs.sort { Array($0.label.utf8).lexicographicallyPrecedes(Array($1.label.utf8)) }
        func sha256sum(_ paths: [String]) throws -> [String] {
            let result = try Nianbao.run(paths, executable: URL(fileURLWithPath: "/usr/bin/sha256sum"))
            return result.stdout.split(separator: "\n").map { String($0.prefix(64)) }
        }
        let listing = zip(try sha256sum(inputs.map(\.path)), inputs).map { "\($0)  \($1.label)\n" }.joined()
        try site.write("listing.txt", listing)
        let expected = try sha256sum([site.root.appendingPathComponent("listing.txt").path]).first ?? ""
        #expect(inputs.count > 40 && expected.count == 64)
        #expect(try site.read("Output/deploy/manifest.json").contains("\"input_sha256\": \"\(expected)\""))
        #expect(try site.read("Full/deploy/manifest.json").contains("\"input_sha256\": \"\(expected)\""))
    }

    @Test("the manifest's input digest from the cache's file digests equals one read from the files, whatever the folder names")
    func inputDigestOrder() throws {
        let site = try BuildCommandTests.sampleSite()
        // "qingshan-tax/" sorts before "qingshan/" ('-' < '/'), though the folder "qingshan"
        // comes first; "_" sorts after "/". Then a name that is not ASCII.
        let source = site.root.appendingPathComponent("Content/qingshan-tax")
        for name in ["qingshan", "qingshan.b", "qingshan_c", "青山"] {
            try FileManager.default.copyItem(at: source, to: site.root.appendingPathComponent("Content/" + name))
            let cached = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf", "--allow-errors"])
            let full = try Nianbao.run(
                ["build", "-s", site.root.path, "--no-pdf", "--allow-errors", "--no-cache", "-o", site.root.appendingPathComponent("Full").path])
            #expect(cached.status == 0 && full.status == 0, "\(cached.stderr)\(full.stderr)")
            let manifest = try site.read("Output/deploy/manifest.json")
            #expect(manifest == (try site.read("Full/deploy/manifest.json")), "\(name)")
            #expect(manifest.contains("\"input_sha256\": \""))
        }
    }

    @Test("a link from an unchanged report to an anchor of an edited one is checked again")
    func anchorIntoEditedReport() throws {
        let site = try BuildCommandTests.sampleSite()
        try edit(site, "Content/jiangyu-tax/2024/report.md") { $0 + "\n## 附：名词解释\n\n本报告所称申请，指政府信息公开申请。\n" }
        let linking = "Content/qingshan-tax/2023/report.md"
        try edit(site, linking) { $0 + "\n参见[名词解释](../../jiangyu-tax/2024/#part-7)。\n" }
        let first = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"])
        #expect(first.status == 0, "\(first.stdout)")
        // The heading goes: the unchanged report's link now leads nowhere.
        try edit(site, "Content/jiangyu-tax/2024/report.md") { $0.replacingOccurrences(of: "## 附：名词解释", with: "附：名词解释") }
        let again = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf", "--format", "github"])
        #expect(again.status == 1)
        let line = try site.read(linking).split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("名词解释") }! + 1
        #expect(again.stdout.contains("::error file=\(linking),line=\(line),col="), "\(again.stdout)")
        #expect(again.stdout.contains("#part-7"))
    }

    @Test("check reuses the findings the build cached for unchanged reports, and gives what a full check gives")
    func cachedCheck() throws {
        let site = try BuildCommandTests.sampleSite()
        #expect(try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"]).status == 0)
        var cached = try Nianbao.run(["check", "-s", site.root.path, "--format", "json"])
        var full = try Nianbao.run(["check", "-s", site.root.path, "--format", "json", "--no-cache"])
        #expect(cached.stderr.contains("13 份报告内容未变"), "\(cached.stderr)")
        #expect(cached.stdout == full.stdout && cached.status == full.status)
        // One report gets an arithmetic error: it is checked again, the others are not.
        try edit(site, "Content/jiangyu-tax/2024/tables.yaml") { $0.replacingOccurrences(of: "[38, 10, 0, 1, 3, 1, 53]", with: "[38, 10, 0, 1, 3, 1, 54]") }
        cached = try Nianbao.run(["check", "-s", site.root.path, "--format", "json"])
        full = try Nianbao.run(["check", "-s", site.root.path, "--format", "json", "--no-cache"])
        #expect(cached.stderr.contains("12 份报告内容未变"), "\(cached.stderr)")
        #expect(cached.status == 1 && cached.stdout == full.stdout)
        #expect(cached.stdout.contains("arith-"))
        // A changed nianbao.yaml (the privacy allow-list lives there) makes every report checked again.
        try edit(site, "nianbao.yaml") { $0 + "public_contacts: 12366\n" }
        cached = try Nianbao.run(["check", "-s", site.root.path, "--format", "json"])
        #expect(!cached.stderr.contains("份报告内容未变"))
    }
}
