import Foundation
import SiteBuilder
import Synchronization

/// The folder a build writes into while it runs, beside the output folder it will replace. Files
/// may be written from several threads as they are made, so a large site is never held in memory
/// whole. `commit` swaps it in; `abort` removes it and leaves the output folder as it was.
public final class StagingFolder: Sendable {
    public let target: URL
    let staging: URL
    let retired: URL
    let existing: OutputFolder.State
    /// Folders created so far, relative to the staging folder.
    private let made = Mutex<Set<String>>([""])

    /// Checks that `folder` may be replaced and creates the staging folder with the marker.
    public init(replacing folder: URL) throws(OutputFolderError) {
        target = folder.standardizedFileURL
        OutputUpdate.recover(target)
        existing = try OutputFolder.state(of: target)
        let parent = target.deletingLastPathComponent()
        let pid = ProcessInfo.processInfo.processIdentifier
        staging = parent.appendingPathComponent(".\(target.lastPathComponent).nianbao-staging-\(pid)")
        retired = parent.appendingPathComponent(".\(target.lastPathComponent).nianbao-previous-\(pid)")
        do {
            try? FileManager.default.removeItem(at: staging)  // left by a run of ours that was killed
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
            try OutputFolder.write(Data(OutputFolder.markerText.utf8), to: staging.appendingPathComponent(OutputFolder.marker).path)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw .write(target.path, error.localizedDescription)
        }
    }

    /// Writes one file (thread-safe). An unchanged file is linked from the previous output.
    public func write(_ file: OutputFile) throws(OutputFolderError) {
        let url = staging.appendingPathComponent(file.path)
        do {
            // (NSString.deletingLastPathComponent traps on a one-component path on Linux.)
            let folder = file.path.lastIndex(of: "/").map { String(file.path[..<$0]) } ?? ""
            if made.withLock({ !$0.contains(folder) }) {
                try OutputFolder.makeFolders(folder, in: staging.path)
                _ = made.withLock { $0.insert(folder) }
            }
            if existing == .ours, OutputFolder.reuse(target.appendingPathComponent(file.path).path, for: file.contents, at: url.path) {
                return
            }
            try OutputFolder.write(file.contents, to: url.path)
        } catch {
            throw .write(url.path, error.localizedDescription)
        }
    }

    /// Puts the staging folder in the output folder's place: the old folder steps aside, the new
    /// one takes its name, the old one is removed. Should the second rename fail, the old folder
    /// is put back.
    public func commit(buildID: String? = nil) throws(OutputFolderError) {
        let manager = FileManager.default
        do {
            if let buildID {
                try OutputFolder.write(
                    Data(OutputFolder.markerText(buildID: buildID).utf8), to: staging.appendingPathComponent(OutputFolder.marker).path)
            }
            if existing == .ours { try manager.moveItem(at: target, to: retired) }
            if existing == .empty { try manager.removeItem(at: target) }
            do {
                try manager.moveItem(at: staging, to: target)
            } catch {
                if existing == .ours { try? manager.moveItem(at: retired, to: target) }
                throw error
            }
        } catch {
            abort()
            throw .write(target.path, error.localizedDescription)
        }
        if existing == .ours { Self.remove(retired) }
    }

    /// Removes a folder, its top-level entries in parallel: unlinking a large site's files is
    /// kernel time that two cores halve.
    static func remove(_ folder: URL) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        DispatchQueue.concurrentPerform(iterations: entries.count) { index in
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(entries[index]))
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Removes the staging folder; the output folder is untouched.
    public func abort() {
        try? FileManager.default.removeItem(at: staging)
    }
}
