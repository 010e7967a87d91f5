import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The entry point of the FuzzJournal target in Fuzz/: any bytes read as a journal, and any
/// lines replayed as the paths of a journal bound to a scratch output folder. Whatever the
/// bytes, nothing outside the output folder and the update folder may change. Not part of the
/// API for anything else.
@_spi(Fuzzing) public enum OutputFolderFuzzing {
    /// Reads `bytes` as a journal, then replays them as the paths of one written for a fresh
    /// output folder under `scratch` (emptied first). Stops the process if anything outside the
    /// output and update folders changed, or a journal with an unsafe path was accepted.
    public static func journal(_ bytes: [UInt8], scratch: URL) {
        if let journal = OutputJournal(Data(bytes)) {
            precondition((journal.moved + journal.removed).allSatisfy(FolderDescriptor.isSafeRelative), "unsafe path accepted")
        }
        let root = scratch.path
        if let parent = try? FolderDescriptor.open(scratch.deletingLastPathComponent().path) { parent.removeTree(scratch.lastPathComponent) }
        let output = root + "/Output", update = root + "/.Output.nianbao-update-1", outside = root + "/outside"
        for folder in [root, output, output + "/sub", update, update + "/sub", outside] { mkdir(folder, 0o755) }
        let marker = OutputFolder.markerText(buildID: "1")
        let canaries = [outside + "/keep.txt": "keep", root + "/sibling.txt": "sibling"]
        for (path, text) in canaries.merging([output + "/" + OutputFolder.marker: marker, output + "/a.html": "a"], uniquingKeysWith: { $1 }) {
            try? OutputFolder.write(Data(text.utf8), to: path)
        }
        let body = String(decoding: bytes, as: UTF8.self)
        // The lines' files exist in the update folder where a file can be made for them.
        for line in body.split(separator: "\n") where FolderDescriptor.isSafeRelative(line) && line.count < 200 {
            try? OutputFolder.write(Data("x".utf8), to: update + "/" + line)
        }
        guard let target = try? FolderDescriptor.open(output), let identity = FolderIdentity(of: target) else { return }
        let head = "nianbao-journal 2\ntarget \(identity.device) \(identity.inode)\nbase \(marker.replacingOccurrences(of: "\n", with: "\u{1}"))\nmarker x\n"
        try? OutputFolder.write(Data((head + body).utf8), to: update + "/" + OutputJournal.name)
        _ = JournalReplay(staging: URL(fileURLWithPath: update), target: URL(fileURLWithPath: output)).run()
        for (path, text) in canaries { precondition(FileManager.default.contents(atPath: path) == Data(text.utf8), "changed \(path)") }
        let names = Set((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
        precondition(names.isSubset(of: ["Output", ".Output.nianbao-update-1", "outside", "sibling.txt"]), "made \(names)")
        precondition(Set((try? FileManager.default.contentsOfDirectory(atPath: outside)) ?? []) == ["keep.txt"], "changed outside/")
    }
}
