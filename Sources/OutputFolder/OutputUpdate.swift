import Foundation
import SiteBuilder
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Changes an output folder in place: for an incremental build, which writes only the files it
/// changed, and for a full build over a folder nianbao wrote before, which writes every file of
/// the site (`replacingAll`). Swapping the whole folder instead meant making and removing a name
/// for every one of its files: at 20,000 reports, 84,000 files in 24,000 folders, that took
/// longer than rendering them.
///
/// Changed files are written to an update folder beside the output folder; a full build's file
/// whose bytes are already in the output folder is left where it is. `commit` then writes a
/// journal (`OutputJournal`, the commit point) listing the files to move and, for a full build,
/// those of the output folder the build did not make, to remove. It moves each into place (each
/// file is replaced whole: a reader sees the old bytes or the new, never a mix) and updates the
/// marker last. A build killed before the journal leaves the output folder as it was; one killed
/// after is finished by the next build (`recover`), before it looks at the folder.
public final class OutputUpdate: Sendable {
    public let target: URL
    let staging: URL
    /// Whether the build writes every file: files it does not write are removed at commit.
    let replacesAll: Bool
    private let written = Mutex<[String]>([])
    /// Files a full build wrote with the bytes the output folder already has.
    private let unchanged = Mutex<[String]>([])
    private let folders = OutputFolder.MadeFolders()
    /// For a full build, what the output folder holds: its regular files, the only ones whose
    /// bytes are compared, and the rest (links and the like), which are replaced or removed and
    /// never followed, so that nothing outside the folder is read as its own or written through.
    private let existing: (regular: Set<String>, other: [String])

    /// Starts an update of `folder`, which must be a folder nianbao wrote; `replacingAll` when
    /// the build will write every file of the site.
    public init(updating folder: URL, replacingAll: Bool = false) throws(OutputFolderError) {
        target = folder.standardizedFileURL
        replacesAll = replacingAll
        Self.recover(target)
        guard try OutputFolder.state(of: target) == .ours else { throw .write(target.path, "没有可更新的输出") }
        existing = replacingAll ? OutputFolder.entries(under: target.path) : ([], [])
        let name = ".\(target.lastPathComponent).nianbao-update-\(ProcessInfo.processInfo.processIdentifier)"
        staging = target.deletingLastPathComponent().appendingPathComponent(name)
        do {
            try? FileManager.default.removeItem(at: staging)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw .write(staging.path, error.localizedDescription)
        }
    }

    /// Writes one file to the update folder (thread-safe); in a full build, a file whose bytes
    /// the output folder already holds is only noted.
    public func write(_ file: OutputFile) throws(OutputFolderError) {
        if replacesAll, existing.regular.contains(file.path), OutputFolder.holds(file.contents, at: target.path + "/" + file.path) {
            unchanged.withLock { $0.append(file.path) }
            return
        }
        let url = staging.appendingPathComponent(file.path)
        do {
            try folders.makeFolder(of: file.path, in: staging.path)
            try OutputFolder.write(file.contents, to: url.path)
        } catch {
            throw .write(url.path, error.localizedDescription)
        }
        written.withLock { $0.append(file.path) }
    }

    /// Puts the changed files in place (and, for a full build, removes the files it did not
    /// make), then the marker with `buildID`.
    public func commit(buildID: String?) throws(OutputFolderError) {
        let moved = written.withLock { $0 }
        var removed: [String] = []
        if replacesAll {
            let made = Set(moved).union(unchanged.withLock { $0 }).union([OutputFolder.marker])
            removed = existing.regular.subtracting(made) + existing.other.filter { !made.contains($0) }
        }
        do {
            try OutputJournal(marker: OutputFolder.markerText(buildID: buildID), moved: moved, removed: removed).write(into: staging)
        } catch {
            abort()
            throw .write(staging.path, error.localizedDescription)
        }
        // Past the commit point: should this fail now, the next build finishes it.
        guard OutputJournal.replay(staging, into: target) else { throw .unfinished(target.path) }
    }

    /// Removes the update folder; the output folder is untouched.
    public func abort() {
        try? FileManager.default.removeItem(at: staging)
    }

    /// Finishes the committed updates and full replacements a killed build left beside
    /// `folder`, and removes uncommitted ones. Folders of a build still running are left alone.
    public static func recover(_ folder: URL) {
        let parent = folder.deletingLastPathComponent()
        let prefix = ".\(folder.lastPathComponent).nianbao-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names.sorted() where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let dash = rest.lastIndex(of: "-"), let pid = Int32(rest[rest.index(after: dash)...]) else { continue }
            guard pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            let url = parent.appendingPathComponent(name)
            switch rest[..<dash] {
            case "update":
                if FileManager.default.fileExists(atPath: url.appendingPathComponent(OutputJournal.name).path) {
                    _ = OutputJournal.replay(url, into: folder)
                } else {
                    try? FileManager.default.removeItem(at: url)
                }
            case "previous":
                // A full replacement killed between its two renames: the old folder goes back.
                if !FileManager.default.fileExists(atPath: folder.path) {
                    try? FileManager.default.moveItem(at: url, to: folder)
                } else {
                    try? FileManager.default.removeItem(at: url)
                }
            case "staging": try? FileManager.default.removeItem(at: url)
            default: continue
            }
        }
    }
}
