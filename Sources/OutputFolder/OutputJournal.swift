import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The commit record of an in-place update: the marker to write last, the files to move from
/// the update folder into the output folder, and the files to remove from it. Once the journal
/// exists the update is decided; replaying it again after an interruption finishes it, since
/// every step can be repeated.
///
/// The file holds the marker (line breaks as U+0001) on its first line, then one path per line:
/// a file to move, or, after a `/` (output paths are relative, so none begins with one), a file
/// to remove. A journal without removals reads as the journals of earlier versions did.
struct OutputJournal {
    var marker: String
    var moved: [String]
    var removed: [String]

    static let name = ".journal"

    var text: String {
        ([marker.replacingOccurrences(of: "\n", with: "\u{1}")] + moved.sorted() + removed.sorted().map { "/" + $0 })
            .joined(separator: "\n")
    }

    init(marker: String, moved: [String], removed: [String]) {
        (self.marker, self.moved, self.removed) = (marker, moved, removed)
    }

    init?(_ data: Data) {
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard !lines.isEmpty else { return nil }
        marker = lines.removeFirst().replacingOccurrences(of: "\u{1}", with: "\n")
        moved = lines.filter { !$0.isEmpty && !$0.hasPrefix("/") }.map(String.init)
        removed = lines.filter { $0.hasPrefix("/") }.map { String($0.dropFirst()) }
    }

    /// Writes the journal into `staging`; renaming it into place is the commit point.
    func write(into staging: URL) throws {
        let temporary = staging.appendingPathComponent(Self.name + ".tmp").path
        try OutputFolder.write(Data(text.utf8), to: temporary)
        guard rename(temporary, staging.appendingPathComponent(Self.name).path) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    }

    /// Carries out the journal in `staging` on `target`: removals first (with the folders they
    /// leave empty, so a file may take a removed folder's name), then the moves not made yet,
    /// then the marker. False when a step failed; the journal stays for the next build.
    static func replay(_ staging: URL, into target: URL) -> Bool {
        guard let data = FileManager.default.contents(atPath: staging.appendingPathComponent(name).path),
            let journal = OutputJournal(data)
        else { return false }
        let root = target.path
        var emptied: Set<String> = []
        for path in journal.removed {
            guard unlink(root + "/" + path) == 0 || errno == ENOENT else { return false }
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                emptied.insert(String(folder))
            }
        }
        // Deepest first; a folder still holding files stays (rmdir refuses it).
        for folder in emptied.sorted(by: { $0.utf8.count > $1.utf8.count }) { rmdir(root + "/" + folder) }
        let source = staging.path
        for path in journal.moved {
            let from = source + "/" + path
            if rename(from, root + "/" + path) == 0 { continue }
            guard access(from, F_OK) == 0 else { continue }  // moved before the interruption
            let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
            guard (try? OutputFolder.makeFolders(folder, in: root)) != nil, rename(from, root + "/" + path) == 0 else { return false }
        }
        do {
            try OutputFolder.write(Data(journal.marker.utf8), to: staging.appendingPathComponent(OutputFolder.marker).path)
            guard rename(staging.appendingPathComponent(OutputFolder.marker).path, target.appendingPathComponent(OutputFolder.marker).path) == 0
            else { return false }
        } catch {
            return false
        }
        try? FileManager.default.removeItem(at: staging)
        return true
    }
}
