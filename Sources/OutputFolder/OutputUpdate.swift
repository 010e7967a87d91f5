import Foundation
import SiteBuilder
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Changes an output folder in place, for an incremental build that changes a few files of a
/// large site: swapping the whole folder would mean linking every one of its files again.
///
/// Changed files are written to an update folder beside the output folder. `commit` then writes
/// a journal listing them (the commit point), renames each into place (each file is replaced
/// whole: a reader sees the old bytes or the new, never a mix) and updates the marker last.
/// A build killed before the journal leaves the output folder as it was; one killed after is
/// finished by the next build (`recover`), before it looks at the folder.
public final class OutputUpdate: Sendable {
    public let target: URL
    let staging: URL
    private let written = Mutex<[String]>([])

    /// Starts an update of `folder`, which must be a folder nianbao wrote.
    public init(updating folder: URL) throws(OutputFolderError) {
        target = folder.standardizedFileURL
        Self.recover(target)
        guard try OutputFolder.state(of: target) == .ours else { throw .write(target.path, "没有可更新的输出") }
        let name = ".\(target.lastPathComponent).nianbao-update-\(ProcessInfo.processInfo.processIdentifier)"
        staging = target.deletingLastPathComponent().appendingPathComponent(name)
        do {
            try? FileManager.default.removeItem(at: staging)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw .write(staging.path, error.localizedDescription)
        }
    }

    /// Writes one changed file to the update folder (thread-safe).
    public func write(_ file: OutputFile) throws(OutputFolderError) {
        let url = staging.appendingPathComponent(file.path)
        do {
            try OutputFolder.makeFolders(file.path.lastIndex(of: "/").map { String(file.path[..<$0]) } ?? "", in: staging.path)
            try OutputFolder.write(file.contents, to: url.path)
        } catch {
            throw .write(url.path, error.localizedDescription)
        }
        written.withLock { $0.append(file.path) }
    }

    /// Puts the changed files in place, then the marker with `buildID`.
    public func commit(buildID: String) throws(OutputFolderError) {
        let marker = OutputFolder.markerText(buildID: buildID)
        let journal = ([marker.replacingOccurrences(of: "\n", with: "\u{1}")] + written.withLock { $0 }.sorted()).joined(separator: "\n")
        do {
            try OutputFolder.write(Data(journal.utf8), to: staging.appendingPathComponent(".journal.tmp").path)
            guard rename(staging.appendingPathComponent(".journal.tmp").path, staging.appendingPathComponent(".journal").path) == 0 else {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        } catch {
            abort()
            throw .write(staging.path, error.localizedDescription)
        }
        // Past the commit point: should this fail now, the next build finishes it.
        guard Self.replay(staging, into: target) else { throw .write(target.path, "更新中断，下次生成时将自动完成") }
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
                if FileManager.default.fileExists(atPath: url.appendingPathComponent(".journal").path) {
                    _ = replay(url, into: folder)
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

    /// Moves the files a journal lists into place (those not moved yet), then the marker.
    static func replay(_ staging: URL, into target: URL) -> Bool {
        guard let data = FileManager.default.contents(atPath: staging.appendingPathComponent(".journal").path) else { return false }
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let marker = lines.removeFirst().replacingOccurrences(of: "\u{1}", with: "\n")
        for path in lines where !path.isEmpty {
            let from = staging.appendingPathComponent(path).path
            guard FileManager.default.fileExists(atPath: from) else { continue }  // moved before the interruption
            let to = target.appendingPathComponent(path)
            try? FileManager.default.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard rename(from, to.path) == 0 else { return false }
        }
        do {
            try OutputFolder.write(Data(marker.utf8), to: staging.appendingPathComponent(OutputFolder.marker).path)
            guard rename(staging.appendingPathComponent(OutputFolder.marker).path, target.appendingPathComponent(OutputFolder.marker).path) == 0
            else { return false }
        } catch {
            return false
        }
        try? FileManager.default.removeItem(at: staging)
        return true
    }
}
