import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import OutputFolder
import SiteBuilder
import Testing

/// The in-place update of an incremental build: all of it or none of it, even when the process
/// dies part way.
@Suite struct OutputUpdateTests {
    typealias Scratch = OutputFolderTests.Scratch

    /// The id of a process that has exited, as a killed build's would be.
    static func deadProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    /// A journal as nianbao writes one for `output` as it is now, moving `moved` from the update
    /// folder and removing `removed`, with the new marker naming `buildID`.
    static func journal(for output: URL, buildID: String, moved: [String], removed: [String] = []) throws -> Data {
        var info = stat()
        guard lstat(output.path, &info) == 0 else { throw POSIXError(.ENOENT) }
        let base = String(decoding: try Data(contentsOf: output.appendingPathComponent(OutputFolder.marker)), as: UTF8.self)
        let marker = base.split(separator: "\n").filter { !$0.hasPrefix("build: ") }.map { $0 + "\n" }.joined() + "build: \(buildID)\n"
        func escaped(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: "\u{1}") }
        let lines = ["nianbao-journal 2", "target \(info.st_dev) \(info.st_ino)", "base " + escaped(base), "marker " + escaped(marker)]
            + moved + removed.map { "/" + $0 }
        return Data(lines.joined(separator: "\n").utf8)
    }

    @Test("commit puts the changed files in place, keeps the others and records the build id")
    func commit() throws {
        let scratch = try Scratch()
        try OutputFolder.replace(scratch.output, with: [OutputFolderTests.file("a.html", "a1"), OutputFolderTests.file("b/c.html", "c1")])
        let update = try OutputUpdate(updating: scratch.output)
        try update.write(OutputFolderTests.file("b/c.html", "c2"))
        try update.commit(buildID: "build-2")
        let files = scratch.snapshot(scratch.output)
        #expect(files["a.html"] == Data("a1".utf8) && files["b/c.html"] == Data("c2".utf8))
        #expect(OutputFolder.buildID(of: scratch.output) == "build-2")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.root.path) == ["Output"])
    }

    @Test("an update abandoned before its journal leaves the output as it was, and is cleared away")
    func uncommitted() throws {
        let scratch = try Scratch()
        try OutputFolder.replace(scratch.output, with: [OutputFolderTests.file("a.html", "a1")])
        let before = scratch.snapshot(scratch.output)
        let left = scratch.root.appendingPathComponent(".Output.nianbao-update-\(try Self.deadProcessID())")
        try FileManager.default.createDirectory(at: left, withIntermediateDirectories: true)
        try Data("a2".utf8).write(to: left.appendingPathComponent("a.html"))
        try OutputUpdate.recover(scratch.output)
        #expect(scratch.snapshot(scratch.output) == before)
        #expect(!FileManager.default.fileExists(atPath: left.path))
    }

    @Test("an update killed after its journal, with some files moved, is finished by the next build")
    func interruptedAfterCommitPoint() throws {
        let scratch = try Scratch()
        try OutputFolder.replace(scratch.output, with: [OutputFolderTests.file("a.html", "a1"), OutputFolderTests.file("b.html", "b1")])
        let left = scratch.root.appendingPathComponent(".Output.nianbao-update-\(try Self.deadProcessID())")
        try FileManager.default.createDirectory(at: left, withIntermediateDirectories: true)
        // a.html was moved into place before the process died; b.html was not.
        try Data("a2".utf8).write(to: scratch.output.appendingPathComponent("a.html"))
        try Data("b2".utf8).write(to: left.appendingPathComponent("b.html"))
        try Self.journal(for: scratch.output, buildID: "build-2", moved: ["a.html", "b.html"]).write(to: left.appendingPathComponent(".journal"))
        // Starting the next update recovers first.
        let next = try OutputUpdate(updating: scratch.output)
        next.abort()
        let files = scratch.snapshot(scratch.output)
        #expect(files["a.html"] == Data("a2".utf8) && files["b.html"] == Data("b2".utf8))
        #expect(OutputFolder.buildID(of: scratch.output) == "build-2")
        #expect(!FileManager.default.fileExists(atPath: left.path))
    }

    @Test("a full build killed after its journal, with a stale file removed and another not, is finished by the next build")
    func interruptedRemovals() throws {
        let scratch = try Scratch()
        try OutputFolder.replace(
            scratch.output, with: ["a.html", "gone/one.html", "gone/two.html", "b.html"].map { OutputFolderTests.file($0, "1") })
        let left = scratch.root.appendingPathComponent(".Output.nianbao-update-\(try Self.deadProcessID())")
        try FileManager.default.createDirectory(at: left, withIntermediateDirectories: true)
        // gone/one.html was removed before the process died; gone/two.html was not, nor was b.html moved.
        try FileManager.default.removeItem(at: scratch.output.appendingPathComponent("gone/one.html"))
        try Data("2".utf8).write(to: left.appendingPathComponent("b.html"))
        let marker = String(decoding: try Data(contentsOf: scratch.output.appendingPathComponent(OutputFolder.marker)), as: UTF8.self)
        try Self.journal(for: scratch.output, buildID: "build-2", moved: ["b.html"], removed: ["gone/one.html", "gone/two.html"])
            .write(to: left.appendingPathComponent(".journal"))
        try OutputUpdate.recover(scratch.output)
        #expect(scratch.snapshot(scratch.output) == [
            "a.html": Data("1".utf8), "b.html": Data("2".utf8), OutputFolder.marker: Data((marker + "build: build-2\n").utf8),
        ])
        #expect(!FileManager.default.fileExists(atPath: scratch.output.appendingPathComponent("gone").path))
        #expect(!FileManager.default.fileExists(atPath: left.path))
    }

    @Test("an update folder of a build still running is left alone")
    func liveUpdateLeftAlone() throws {
        let scratch = try Scratch()
        try OutputFolder.replace(scratch.output, with: [OutputFolderTests.file("a.html", "a1")])
        let sleeper = Process()
        sleeper.executableURL = URL(fileURLWithPath: "/bin/sleep")
        sleeper.arguments = ["30"]
        try sleeper.run()
        defer { sleeper.terminate() }
        let live = scratch.root.appendingPathComponent(".Output.nianbao-update-\(sleeper.processIdentifier)")
        try FileManager.default.createDirectory(at: live, withIntermediateDirectories: true)
        try OutputUpdate.recover(scratch.output)
        #expect(FileManager.default.fileExists(atPath: live.path))
    }
}
