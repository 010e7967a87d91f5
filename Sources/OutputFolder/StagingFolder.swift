import Foundation

#if canImport(Glibc)
    import Glibc
#endif
import SiteBuilder

/// The folder a build writes into while it runs, beside an output folder that does not exist
/// yet or is empty. Files may be written from several threads as they are made, so a large
/// site is never held in memory whole. `commit` renames it into place; `abort` removes it and
/// leaves the output path as it was. (A folder nianbao wrote before is updated in place
/// instead: `OutputUpdate`.)
final class StagingFolder: Sendable {
    let target: URL
    let staging: URL
    let existing: OutputFolder.State
    private let folders = OutputFolder.MadeFolders()

    /// Creates the staging folder with the marker, for `folder` in `state` (absent or empty).
    init(replacing folder: URL, state: OutputFolder.State) throws(OutputFolderError) {
        target = folder.standardizedFileURL
        existing = state
        let pid = ProcessInfo.processInfo.processIdentifier
        staging = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).nianbao-staging-\(pid)")
        do {
            try OutputFolder.makeFreshFolder(staging)  // after one of ours of the same id that was killed
            try OutputFolder.write(Data(OutputFolder.markerText.utf8), to: staging.appendingPathComponent(OutputFolder.marker).path)
        } catch {
            OutputFolder.removeLeftover(staging)
            throw .write(target.path, error.localizedDescription)
        }
    }

    /// Writes one file (thread-safe).
    func write(_ file: OutputFile) throws(OutputFolderError) {
        let url = staging.appendingPathComponent(file.path)
        do {
            try folders.makeFolder(of: file.path, in: staging.path)
            try OutputFolder.write(file.contents, to: url.path)
        } catch {
            throw .write(url.path, error.localizedDescription)
        }
    }

    /// Puts the staging folder in the output folder's place (an empty one is removed first).
    func commit(buildID: String?) throws(OutputFolderError) {
        do {
            if let buildID {
                try OutputFolder.write(
                    Data(OutputFolder.markerText(buildID: buildID).utf8), to: staging.appendingPathComponent(OutputFolder.marker).path)
            }
            // rmdir(2) and rename(2) refuse a folder that filled up meanwhile: nothing is lost.
            if existing == .empty, rmdir(target.path) != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            guard rename(staging.path, target.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            abort()
            throw .write(target.path, error.localizedDescription)
        }
    }

    /// Removes the staging folder; the output path is untouched.
    func abort() {
        OutputFolder.removeLeftover(staging)
    }
}
