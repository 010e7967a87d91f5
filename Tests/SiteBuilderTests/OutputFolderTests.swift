import Foundation
import OutputFolder
import SiteBuilder
import Testing

/// The output folder is replaced whole or not at all, and only when nianbao made it.
@Suite struct OutputFolderTests {
    final class Scratch {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-out-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: root) }
        var output: URL { root.appendingPathComponent("Output") }

        /// Every file under `folder` with its bytes.
        func snapshot(_ folder: URL) -> [String: Data] {
            var files: [String: Data] = [:]
            let walker = FileManager.default.enumerator(atPath: folder.path)
            while let path = walker?.nextObject() as? String {
                if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) { files[path] = data }
            }
            return files
        }
    }

    static func file(_ path: String, _ text: String) -> OutputFile { OutputFile(path: path, contents: Data(text.utf8)) }

    @Test("a new folder, then a replacement: old files go, the marker stays")
    func replace() throws {
        let scratch = try Scratch()
        try OutputFolder.replace(scratch.output, with: [Self.file("index.html", "one"), Self.file("a/b.txt", "b")])
        try OutputFolder.replace(scratch.output, with: [Self.file("index.html", "two")])
        let files = scratch.snapshot(scratch.output)
        #expect(Set(files.keys) == ["index.html", OutputFolder.marker])
        #expect(files["index.html"] == Data("two".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.root.path) == ["Output"])
    }

    @Test("a write that fails midway leaves the previous output byte-identical and no staging folder")
    func failedWriteKeepsOld() throws {
        let scratch = try Scratch()
        try OutputFolder.replace(scratch.output, with: [Self.file("index.html", "old"), Self.file("x/y.html", "old y")])
        let before = scratch.snapshot(scratch.output)
        // `a` is a file, so `a/b.html` cannot be written: the build fails after writing some files.
        #expect(throws: OutputFolderError.self) {
            try OutputFolder.replace(scratch.output, with: [Self.file("a", "file"), Self.file("a/b.html", "x"), Self.file("index.html", "new")])
        }
        #expect(scratch.snapshot(scratch.output) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.root.path) == ["Output"])
    }

    @Test("a folder nianbao did not make is refused and left untouched")
    func refusesForeignFolder() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(at: scratch.output, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: scratch.output.appendingPathComponent("notes.txt"))
        #expect(throws: OutputFolderError.self) { try OutputFolder.replace(scratch.output, with: [Self.file("index.html", "x")]) }
        #expect(scratch.snapshot(scratch.output) == ["notes.txt": Data("mine".utf8)])
        let file = scratch.root.appendingPathComponent("plain")
        try Data("keep".utf8).write(to: file)
        #expect(throws: OutputFolderError.self) { try OutputFolder.replace(file, with: []) }
        #expect(FileManager.default.contents(atPath: file.path) == Data("keep".utf8))
    }

    @Test("a rebuild keeps unchanged files (same inode) and writes changed ones")
    func unchangedFilesAreReused() throws {
        let scratch = try Scratch()
        try OutputFolder.replace(scratch.output, with: [Self.file("same.html", "same"), Self.file("changed.html", "old")])
        func inode(_ name: String) -> UInt64 {
            var info = stat()
            return stat(scratch.output.appendingPathComponent(name).path, &info) == 0 ? UInt64(info.st_ino) : 0
        }
        let (same, changed) = (inode("same.html"), inode("changed.html"))
        try OutputFolder.replace(scratch.output, with: [Self.file("same.html", "same"), Self.file("changed.html", "new")])
        #expect(inode("same.html") == same)
        #expect(inode("changed.html") != changed)
        #expect(scratch.snapshot(scratch.output)["changed.html"] == Data("new".utf8))
    }

    @Test("a rebuild over the previous output removes its stale files and emptied folders, and lets files and folders trade names")
    func staleFilesGo() throws {
        let scratch = try Scratch()
        try OutputFolder.replace(
            scratch.output,
            with: [Self.file("index.html", "x"), Self.file("old/deep/page.html", "p"), Self.file("keep/a.html", "a"), Self.file("keep/b.html", "b"),
                   Self.file("was-file", "f"), Self.file("was-folder/inner.html", "i")])
        try OutputFolder.replace(
            scratch.output,
            with: [Self.file("index.html", "x"), Self.file("keep/a.html", "a"), Self.file("was-file/now.html", "n"), Self.file("was-folder", "w")])
        let files = scratch.snapshot(scratch.output)
        #expect(Set(files.keys) == ["index.html", "keep/a.html", "was-file/now.html", "was-folder", OutputFolder.marker])
        #expect(files["was-folder"] == Data("w".utf8) && files["was-file/now.html"] == Data("n".utf8))
        #expect(!FileManager.default.fileExists(atPath: scratch.output.appendingPathComponent("old").path), "an emptied folder stays")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.root.path) == ["Output"])
    }

    @Test("a link inside the output folder is replaced, never followed: nothing outside it is read as its own, written or removed")
    func linksNotFollowed() throws {
        let scratch = try Scratch()
        let outside = scratch.root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("b".utf8).write(to: outside.appendingPathComponent("b.html"))
        try Data("keep".utf8).write(to: outside.appendingPathComponent("mine.txt"))
        try OutputFolder.replace(scratch.output, with: [Self.file("index.html", "x"), Self.file("a/b.html", "b")])
        // Someone swaps the folder a/ for a link to a folder elsewhere holding the same page.
        try FileManager.default.removeItem(at: scratch.output.appendingPathComponent("a"))
        try FileManager.default.createSymbolicLink(at: scratch.output.appendingPathComponent("a"), withDestinationURL: outside)
        try OutputFolder.replace(scratch.output, with: [Self.file("index.html", "x"), Self.file("a/b.html", "new b")])
        var info = stat()
        #expect(lstat(scratch.output.appendingPathComponent("a").path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR)
        #expect(scratch.snapshot(scratch.output)["a/b.html"] == Data("new b".utf8))
        #expect(scratch.snapshot(outside) == ["b.html": Data("b".utf8), "mine.txt": Data("keep".utf8)])
        // With the same bytes as the linked page, the page is still written into the folder itself.
        try FileManager.default.removeItem(at: scratch.output.appendingPathComponent("a"))
        try FileManager.default.createSymbolicLink(at: scratch.output.appendingPathComponent("a"), withDestinationURL: outside)
        try OutputFolder.replace(scratch.output, with: [Self.file("index.html", "x"), Self.file("a/b.html", "b")])
        #expect(lstat(scratch.output.appendingPathComponent("a").path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR)
        #expect(scratch.snapshot(scratch.output)["a/b.html"] == Data("b".utf8))
        #expect(scratch.snapshot(outside) == ["b.html": Data("b".utf8), "mine.txt": Data("keep".utf8)])
    }

    @Test("a rebuild that writes the same bytes touches no file")
    func sameBytesUntouched() throws {
        let scratch = try Scratch()
        let site = [Self.file("index.html", "x"), Self.file("a/b.html", "b")]
        try OutputFolder.replace(scratch.output, with: site)
        let page = scratch.output.appendingPathComponent("a/b.html").path
        // An old time stamp: any rewrite or replacement of the file would change it.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: page)
        try OutputFolder.replace(scratch.output, with: site)
        let date = try FileManager.default.attributesOfItem(atPath: page)[.modificationDate] as? Date
        #expect(date == Date(timeIntervalSince1970: 1_000_000))
    }

    @Test("an empty folder may be used")
    func emptyFolder() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(at: scratch.output, withIntermediateDirectories: true)
        try OutputFolder.replace(scratch.output, with: [Self.file("index.html", "x")])
        #expect(scratch.snapshot(scratch.output).count == 2)
    }
}
