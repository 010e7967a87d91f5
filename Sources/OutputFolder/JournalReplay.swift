import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Carries out a journal on its output folder, through descriptors only (`FolderDescriptor`):
/// removals first (with the folders they leave empty, so a file may take a removed folder's
/// name), then the moves not made yet, then the marker, and last the update folder goes.
struct JournalReplay {
    let staging: URL
    let target: URL

    enum Outcome: Equatable {
        /// Done; the links found on the way were replaced by real folders.
        case done(replacedLinks: [String])
        /// A step failed; the journal stays for the next build.
        case unfinished
        /// Not a journal for this folder, or not one nianbao wrote: nothing was touched.
        case refused(String)
    }

    func run() -> Outcome {
        let stagingFolder: FolderDescriptor
        let targetFolder: FolderDescriptor
        do {
            stagingFolder = try FolderDescriptor.open(staging.path)
            targetFolder = try FolderDescriptor.open(target.path)
        } catch {
            return .refused("\(error.path)：\(error.reason)")
        }
        guard let data = stagingFolder.read(OutputJournal.name, limit: OutputJournal.sizeLimit), let journal = OutputJournal(data) else {
            return .refused("日志不是 nianbao 写的，或含有绝对路径、.. 等不安全的路径 (not a journal nianbao wrote, or unsafe paths)")
        }
        guard FolderIdentity(of: targetFolder) == journal.target else {
            return .refused("日志属于另一个输出文件夹 (the journal belongs to another output folder)")
        }
        let current = targetFolder.read(OutputFolder.marker).flatMap { String(data: $0, encoding: .utf8) }
        guard current == journal.base else {
            // Finished before but for the update folder, or written for another state of the folder.
            if current == journal.marker { return removeStaging() ? .done(replacedLinks: []) : .unfinished }
            return .refused("输出文件夹的标记与日志不符，日志不是为它当前的内容写的 (the output folder's marker does not match the journal)")
        }
        guard remove(journal.removed, from: targetFolder) else { return .unfinished }
        var replaced: [String] = []
        for path in journal.moved {
            guard move(path, from: stagingFolder, to: targetFolder, replaced: &replaced) else { return .unfinished }
        }
        guard writeMarker(journal.marker, from: stagingFolder, to: targetFolder), removeStaging() else { return .unfinished }
        return .done(replacedLinks: replaced)
    }

    private func remove(_ paths: [String], from target: FolderDescriptor) -> Bool {
        var emptied: Set<String> = []
        for path in paths {
            let (folder, name) = FolderDescriptor.split(path)
            // A folder that is gone, or a link on the way (removed itself when listed), holds
            // nothing of the output's to remove.
            guard let parent = try? target.folder(folder) else { continue }
            guard unlinkat(parent.descriptor, name, 0) == 0 || errno == ENOENT else { return false }
            var rest = Substring(path)
            while let slash = rest.lastIndex(of: "/") {
                rest = rest[..<slash]
                emptied.insert(String(rest))
            }
        }
        // Deepest first; a folder still holding files stays (the call refuses it).
        for folder in emptied.sorted(by: { $0.utf8.count > $1.utf8.count }) {
            let (parentPath, name) = FolderDescriptor.split(folder)
            if let parent = try? target.folder(parentPath) { unlinkat(parent.descriptor, name, AT_REMOVEDIR) }
        }
        return true
    }

    private func move(_ path: String, from staging: FolderDescriptor, to target: FolderDescriptor, replaced: inout [String]) -> Bool {
        let (folder, name) = FolderDescriptor.split(path)
        guard let source = try? staging.folder(folder), let type = source.type(of: name) else { return true }  // moved before
        guard type == S_IFREG else { return false }
        guard let destination = try? target.folder(folder, creating: true, replacingLinks: true, replaced: &replaced) else { return false }
        return renameat(source.descriptor, name, destination.descriptor, name) == 0
    }

    private func writeMarker(_ text: String, from staging: FolderDescriptor, to target: FolderDescriptor) -> Bool {
        let file = openat(staging.descriptor, OutputFolder.marker, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard file >= 0 else { return false }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(file, $0.baseAddress, $0.count) }
        close(file)
        return written == bytes.count && renameat(staging.descriptor, OutputFolder.marker, target.descriptor, OutputFolder.marker) == 0
    }

    private func removeStaging() -> Bool {
        guard let parent = try? FolderDescriptor.open(staging.deletingLastPathComponent().path) else { return false }
        return parent.removeTree(staging.lastPathComponent)
    }
}
