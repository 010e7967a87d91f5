import Foundation
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
        OutputUpdate.recover(scratch.output)
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
        let marker = String(decoding: try Data(contentsOf: scratch.output.appendingPathComponent(OutputFolder.marker)), as: UTF8.self)
        let journal = (marker + "build: build-2\n").replacingOccurrences(of: "\n", with: "\u{1}") + "\na.html\nb.html"
        try Data(journal.utf8).write(to: left.appendingPathComponent(".journal"))
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
        let journal = (marker + "build: build-2\n").replacingOccurrences(of: "\n", with: "\u{1}") + "\nb.html\n/gone/one.html\n/gone/two.html"
        try Data(journal.utf8).write(to: left.appendingPathComponent(".journal"))
        OutputUpdate.recover(scratch.output)
        #expect(scratch.snapshot(scratch.output) == [
            "a.html": Data("1".utf8), "b.html": Data("2".utf8), OutputFolder.marker: Data((marker + "build: build-2\n").utf8),
        ])
        #expect(!FileManager.default.fileExists(atPath: scratch.output.appendingPathComponent("gone").path))
        #expect(!FileManager.default.fileExists(atPath: left.path))
    }

    @Test("a full replacement killed between its two renames gets the old folder back")
    func interruptedSwap() throws {
        let scratch = try Scratch()
        try OutputFolder.replace(scratch.output, with: [OutputFolderTests.file("a.html", "a1")])
        let before = scratch.snapshot(scratch.output)
        let retired = scratch.root.appendingPathComponent(".Output.nianbao-previous-\(try Self.deadProcessID())")
        try FileManager.default.moveItem(at: scratch.output, to: retired)
        OutputUpdate.recover(scratch.output)
        #expect(scratch.snapshot(scratch.output) == before)
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
        OutputUpdate.recover(scratch.output)
        #expect(FileManager.default.fileExists(atPath: live.path))
    }
}
