import Foundation
import Testing

@testable import PreviewServer
@testable import SitePipeline

/// The preview server's watcher names the input files that changed (inotify on Linux), so a
/// rebuild reads only those; the output and cache folders in the site root are not inputs.
@Suite struct SiteWatcherTests {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-watch-\(UUID().uuidString)")
        try write("nianbao.yaml", "title: 测试\n")
        try write("Content/a/agency.yaml", "name: 甲\n")
        try write("Content/a/2024/report.md", "# 报告\n")
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// The changes seen within a second (events arrive asynchronously, if quickly).
    func changes(_ watcher: SiteWatcher) -> Set<String>? {
        var seen: Set<String> = []
        for _ in 0..<50 {
            Thread.sleep(forTimeInterval: 0.02)
            switch watcher.changes() {
            case .paths(let paths)?: seen.formUnion(paths)
            case .unknown?: return nil
            case nil: if !seen.isEmpty { return seen }
            }
        }
        return seen
    }

    #if os(Linux)
        @Test("an edited report file is named; output and cache folders in the root are not inputs")
        func namesEditedFiles() throws {
            defer { try? FileManager.default.removeItem(at: root) }
            let watcher = SiteWatcher(root: root)
            #expect(watcher.namesChanges)
            #expect(watcher.changes() == nil)
            try write("Content/a/2024/report.md", "# 报告\n\n修改。\n")
            #expect(changes(watcher) == ["Content/a/2024/report.md"])
            try write(".nianbao-preview/index.html", "<p>")
            try write(".nianbao-cache/x/cache.bin", "x")
            try write("Output/index.html", "<p>")
            #expect(changes(watcher) == [])
            try write("nianbao.yaml", "title: 改\n")
            #expect(changes(watcher) == ["nianbao.yaml"])
        }

        @Test("a folder made after watching began is watched too: files written in it later are named")
        func watchesNewFolders() throws {
            defer { try? FileManager.default.removeItem(at: root) }
            let watcher = SiteWatcher(root: root)
            try FileManager.default.createDirectory(at: root.appendingPathComponent("Content/b/2025"), withIntermediateDirectories: true)
            #expect(changes(watcher)?.contains("Content/b") == true)
            try write("Content/b/2025/report.md", "# 新报告\n")
            #expect(changes(watcher) == ["Content/b/2025/report.md"])
            // An editor's save by rename is named by the file's own path.
            try write("Content/a/2024/.report.md.tmp", "# 报告\n\n另存。\n")
            try FileManager.default.removeItem(at: root.appendingPathComponent("Content/a/2024/report.md"))
            try FileManager.default.moveItem(
                at: root.appendingPathComponent("Content/a/2024/.report.md.tmp"), to: root.appendingPathComponent("Content/a/2024/report.md"))
            #expect(changes(watcher)?.contains("Content/a/2024/report.md") == true)
        }

        @Test("a folder reached twice (a link back up) cannot be told apart: the watcher polls, and says changes are unknown")
        func pollsWhenBlind() throws {
            defer { try? FileManager.default.removeItem(at: root) }
            try FileManager.default.createSymbolicLink(
                atPath: root.appendingPathComponent("Content/a/loop").path, withDestinationPath: root.appendingPathComponent("Content").path)
            let watcher = SiteWatcher(root: root)
            #expect(!watcher.namesChanges)
            #expect(watcher.changes() == nil)
            try write("Content/a/2024/report.md", "# 报告\n\n修改了，长度也变了。\n")
            #expect(watcher.changes() == .unknown)
        }

        @Test("a folder moved in later that cannot be told apart makes the watcher poll from then on")
        func turnsToPolling() throws {
            defer { try? FileManager.default.removeItem(at: root) }
            let watcher = SiteWatcher(root: root)
            #expect(watcher.namesChanges)
            let outside = root.appendingPathComponent("outside")
            try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(
                atPath: outside.appendingPathComponent("back").path, withDestinationPath: root.appendingPathComponent("Content").path)
            try FileManager.default.moveItem(at: outside, to: root.appendingPathComponent("Content/b"))
            #expect(changes(watcher) == nil)
            #expect(!watcher.namesChanges)
            try write("Content/a/2024/report.md", "# 报告\n\n又改了一次，长度也变了。\n")
            #expect(watcher.changes() == .unknown)
        }
    #endif

    @Test("which changes a build can take by reading reports again, and which make it look at everything")
    func reportFolders() {
        let reports: Set<String> = ["Content/a/2024", "Content/a/2023"]
        #expect(InputChanges.paths(["Content/a/2024/report.md", "Content/a/2023/tables.yaml"]).reportFolders(where: reports.contains) == reports)
        #expect(InputChanges.paths(["Content/a/2024/tasks.yaml"]).reportFolders(where: reports.contains) == ["Content/a/2024"])
        // Files nianbao never reads in a report folder change nothing.
        #expect(InputChanges.paths(["Content/a/2024/.report.md.swp", "Content/a/2024/img/x.png"]).reportFolders(where: reports.contains) == [])
        for other in [
            "nianbao.yaml", "Content/a/agency.yaml", "Content/_tasks/2020.yaml", "Themes/x/page.html", "Content/a/2025/report.md",
            "Content/a/2024", "Content/b",
        ] {
            #expect(InputChanges.paths(["Content/a/2024/report.md", other]).reportFolders(where: reports.contains) == nil, "\(other)")
        }
        #expect(InputChanges.unknown.reportFolders(where: reports.contains) == nil)
    }
}
