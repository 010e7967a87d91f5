import Foundation
import OutputFolder
import SiteBuilder
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A journal left beside an output folder is replayed only onto a folder nianbao marked, only if
/// it was written for that folder as it is, and never outside it: leftovers someone else planted
/// are refused whole, with nothing written or deleted (issue 22, item 1). A link inside the output
/// is never written through (item 7); files nianbao did not write are kept (item 10).
@Suite struct OutputJournalSafetyTests {
    typealias Scratch = OutputFolderTests.Scratch

    /// Plants an update folder of a dead process beside `output`, holding `files` and `journal`.
    func plant(beside output: URL, files: [String: String], journal: Data) throws -> URL {
        let left = output.deletingLastPathComponent().appendingPathComponent(
            ".\(output.lastPathComponent).nianbao-update-\(try OutputUpdateTests.deadProcessID())")
        try FileManager.default.createDirectory(at: left, withIntermediateDirectories: true)
        for (path, text) in files { try Data(text.utf8).write(to: left.appendingPathComponent(path)) }
        try journal.write(to: left.appendingPathComponent(".journal"))
        return left
    }

    func text(_ url: URL) -> String? { FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) } }

    @Test("Output a link to ~/.ssh and a journal naming authorized_keys and ../notes.txt: nothing written, nothing deleted")
    func linkedOutput() throws {
        let scratch = try Scratch()
        let ssh = scratch.root.appendingPathComponent("home/.ssh")
        try FileManager.default.createDirectory(at: ssh, withIntermediateDirectories: true)
        try Data("note".utf8).write(to: ssh.appendingPathComponent("notes.txt"))
        try Data("marker".utf8).write(to: ssh.appendingPathComponent(OutputFolder.marker))
        try FileManager.default.createSymbolicLink(at: scratch.output, withDestinationURL: ssh)
        // The journal as an earlier version wrote it, and one in today's form bound to the link's target.
        for journal in [
            Data("marker\nauthorized_keys\n/../notes.txt".utf8),
            Data("nianbao-journal 2\ntarget 1 1\nbase marker\nmarker x\nauthorized_keys\n/../notes.txt".utf8),
        ] {
            let left = try plant(beside: scratch.output, files: ["authorized_keys": "ssh-ed25519 AAAA attacker"], journal: journal)
            #expect(throws: OutputFolderError.self) { _ = try OutputFolder.replacement(of: scratch.output) }
            #expect(!FileManager.default.fileExists(atPath: ssh.appendingPathComponent("authorized_keys").path))
            #expect(text(ssh.appendingPathComponent("notes.txt")) == "note")
            #expect(FileManager.default.fileExists(atPath: left.appendingPathComponent(".journal").path))
            try FileManager.default.removeItem(at: left)
        }
    }

    @Test("-o at a user folder without the marker: a planted journal deletes none of its files nor a sibling folder")
    func unmarkedFolder() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(at: scratch.output, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: scratch.output.appendingPathComponent("thesis.docx"))
        let sibling = scratch.root.appendingPathComponent("photos")
        try FileManager.default.createDirectory(at: sibling, withIntermediateDirectories: true)
        try Data("jpg".utf8).write(to: sibling.appendingPathComponent("a.jpg"))
        var info = stat()
        lstat(scratch.output.path, &info)
        let journal = "nianbao-journal 2\ntarget \(info.st_dev) \(info.st_ino)\nbase \nmarker x\n/thesis.docx\n/../photos/a.jpg"
        _ = try plant(beside: scratch.output, files: [:], journal: Data(journal.utf8))
        #expect(throws: OutputFolderError.self) { _ = try OutputFolder.replacement(of: scratch.output) }
        #expect(text(scratch.output.appendingPathComponent("thesis.docx")) == "mine")
        #expect(text(sibling.appendingPathComponent("a.jpg")) == "jpg")
    }

    @Test("on a marked output: a journal with .., an absolute path, or written for another folder is refused whole")
    func unsafeJournals() throws {
        let scratch = try Scratch()
        try OutputFolder.replace(scratch.output, with: [OutputFolderTests.file("a.html", "a1")])
        let sibling = scratch.root.appendingPathComponent("keep")
        try FileManager.default.createDirectory(at: sibling, withIntermediateDirectories: true)
        try Data("k".utf8).write(to: sibling.appendingPathComponent("k.txt"))
        let before = scratch.snapshot(scratch.output)
        let other = scratch.root.appendingPathComponent("Other")
        try OutputFolder.replace(other, with: [OutputFolderTests.file("a.html", "o")])
        for journal in [
            try OutputUpdateTests.journal(for: scratch.output, buildID: "2", moved: ["a.html"], removed: ["../keep/k.txt"]),
            try OutputUpdateTests.journal(for: scratch.output, buildID: "2", moved: ["../evil.html"]),
            try OutputUpdateTests.journal(for: scratch.output, buildID: "2", moved: ["a.html"], removed: ["/etc/hostname"]),
            try OutputUpdateTests.journal(for: scratch.output, buildID: "2", moved: ["./a.html"]),
            // A `/` followed by a combining mark is one Swift Character, but open(2) sees `..` and
            // an absolute path (found by FuzzJournal in CI).
            try OutputUpdateTests.journal(for: scratch.output, buildID: "2", moved: ["../\u{301}evil.html"]),
            try OutputUpdateTests.journal(for: scratch.output, buildID: "2", moved: ["a.html"], removed: ["../\u{301}keep"]),
            try OutputUpdateTests.journal(for: scratch.output, buildID: "2", moved: ["a.html"], removed: ["/\u{301}evil.html"]),
            try OutputUpdateTests.journal(for: other, buildID: "2", moved: ["a.html"]),
        ] {
            let left = try plant(beside: scratch.output, files: ["a.html": "planted", "evil.html": "x"], journal: journal)
            #expect(throws: OutputFolderError.self) { try OutputUpdate.recover(scratch.output) }
            #expect(scratch.snapshot(scratch.output) == before)
            #expect(text(sibling.appendingPathComponent("k.txt")) == "k")
            #expect(!FileManager.default.fileExists(atPath: scratch.root.appendingPathComponent("evil.html").path))
            try FileManager.default.removeItem(at: left)
        }
    }

    @Test("a journal written for the output as it was, whose marker has changed since, is refused")
    func staleJournal() throws {
        let scratch = try Scratch()
        try OutputFolder.replace(scratch.output, with: [OutputFolderTests.file("a.html", "a1")])
        let journal = try OutputUpdateTests.journal(for: scratch.output, buildID: "2", moved: ["a.html"])
        let update = try OutputUpdate(updating: scratch.output)
        try update.commit(buildID: "later")
        _ = try plant(beside: scratch.output, files: ["a.html": "old"], journal: journal)
        #expect(throws: OutputFolderError.self) { try OutputUpdate.recover(scratch.output) }
        #expect(text(scratch.output.appendingPathComponent("a.html")) == "a1")
    }

    @Test("an update folder that is a link is refused and what it points to is left alone")
    func linkedLeftover() throws {
        let scratch = try Scratch()
        try OutputFolder.replace(scratch.output, with: [OutputFolderTests.file("a.html", "a1")])
        let precious = scratch.root.appendingPathComponent("precious")
        try FileManager.default.createDirectory(at: precious, withIntermediateDirectories: true)
        try Data("p".utf8).write(to: precious.appendingPathComponent("p.txt"))
        for kind in ["update", "staging"] {
            let name = ".Output.nianbao-\(kind)-\(try OutputUpdateTests.deadProcessID())"
            let link = scratch.root.appendingPathComponent(name)
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: precious)
            #expect(throws: OutputFolderError.self) { try OutputUpdate.recover(scratch.output) }
            #expect(text(precious.appendingPathComponent("p.txt")) == "p")
            try FileManager.default.removeItem(at: link)
        }
    }

    @Test("a link inside the output on the way of a journal's file is replaced by a real folder, never written through")
    func linkOnTheWay() throws {
        let scratch = try Scratch()
        try OutputFolder.replace(scratch.output, with: [OutputFolderTests.file("agency/2023/index.html", "old")])
        let elsewhere = scratch.root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere.appendingPathComponent("2023"), withIntermediateDirectories: true)
        try Data("theirs".utf8).write(to: elsewhere.appendingPathComponent("2023/index.html"))
        try FileManager.default.removeItem(at: scratch.output.appendingPathComponent("agency"))
        try FileManager.default.createSymbolicLink(at: scratch.output.appendingPathComponent("agency"), withDestinationURL: elsewhere)
        let update = try OutputUpdate(updating: scratch.output)
        try update.write(OutputFolderTests.file("agency/2023/index.html", "new"))
        #expect(update.linksOnTheWay() == ["agency"])
        try update.commit(buildID: "2")
        #expect(text(elsewhere.appendingPathComponent("2023/index.html")) == "theirs")
        #expect(text(scratch.output.appendingPathComponent("agency/2023/index.html")) == "new")
        var info = stat()
        lstat(scratch.output.appendingPathComponent("agency").path, &info)
        #expect(info.st_mode & S_IFMT == S_IFDIR)
    }

    @Test("a full build keeps files the previous build's manifest does not list, removes the stale ones it does, and says so")
    func foreignFilesKept() throws {
        let scratch = try Scratch()
        let manifest = #"{"files": [{"path": "a.html"}, {"path": "old/gone.html"}]}"#
        try OutputFolder.replace(
            scratch.output,
            with: [
                OutputFolderTests.file("a.html", "a1"), OutputFolderTests.file("old/gone.html", "g"),
                OutputFolderTests.file("deploy/manifest.json", manifest),
            ])
        try Data("google-site-verification".utf8).write(to: scratch.output.appendingPathComponent("google123.html"))
        try FileManager.default.createDirectory(at: scratch.output.appendingPathComponent(".well-known"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: scratch.output.appendingPathComponent(".well-known/security.txt"))
        let update = try OutputUpdate(updating: scratch.output, replacingAll: true)
        try update.write(OutputFolderTests.file("a.html", "a2"))
        try update.write(OutputFolderTests.file("deploy/manifest.json", #"{"files": [{"path": "a.html"}]}"#))
        #expect(update.notices.foreignFiles == [".well-known/security.txt", "google123.html"])
        try update.commit(buildID: "2")
        let files = scratch.snapshot(scratch.output)
        #expect(files["google123.html"] != nil && files[".well-known/security.txt"] != nil)
        #expect(files["old/gone.html"] == nil && files["a.html"] == Data("a2".utf8))
    }
}
