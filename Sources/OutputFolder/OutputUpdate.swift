import Foundation
import Publish
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
/// the files of the previous build it did not make again, to remove. It moves each into place
/// (each file is replaced whole: a reader sees the old bytes or the new, never a mix) and updates
/// the marker last, all through descriptors that never follow a link (`JournalReplay`). A build
/// killed before the journal leaves the output folder as it was; one killed after is finished by
/// the next build (`recover`), before it looks at the folder.
///
/// Files nianbao did not write (not in the previous build's manifest: a site-verification file an
/// administrator added) are kept, and listed in `foreignFiles` so the build can say so. A link
/// inside the output folder is never written through: one on the way to a file of the build is
/// removed and a real folder takes its place; the others are kept. Both are in `links`.
public final class OutputUpdate: Sendable {
    public let target: URL
    let staging: URL
    /// Whether the build writes every file: files of the previous build it does not write are
    /// removed at commit.
    let replacesAll: Bool
    private let written = Mutex<[String]>([])
    /// Files a full build wrote with the bytes the output folder already has.
    private let unchanged = Mutex<[String]>([])
    private let folders = OutputFolder.MadeFolders()
    /// For a full build, what the output folder holds: its regular files, the only ones whose
    /// bytes are compared, and the rest (links and the like), which are never followed, so that
    /// nothing outside the folder is read as its own or written through.
    private let existing: (regular: Set<String>, other: [String])
    /// The files the previous build wrote, from its manifest; nil when it has none.
    private let previousFiles: Set<String>?
    /// The output folder's identity and marker now: the journal is bound to them.
    private let identity: FolderIdentity
    private let baseMarker: String

    /// Starts an update of `folder`, which must be a folder nianbao wrote; `replacingAll` when
    /// the build will write every file of the site. Leftovers of a killed build beside it are
    /// finished or removed first (`recover`).
    public init(updating folder: URL, replacingAll: Bool = false) throws(OutputFolderError) {
        target = folder.standardizedFileURL
        replacesAll = replacingAll
        try Self.recover(target)
        guard try OutputFolder.state(of: target) == .ours else { throw .write(target.path, "没有可更新的输出") }
        let targetFolder: FolderDescriptor
        do {
            targetFolder = try FolderDescriptor.open(target.path)
        } catch {
            throw .notAFolder(target.path)
        }
        guard let identity = FolderIdentity(of: targetFolder),
            let marker = targetFolder.read(OutputFolder.marker).flatMap({ String(data: $0, encoding: .utf8) })
        else { throw .write(target.path, "无法读取输出文件夹的标记 \(OutputFolder.marker)") }
        (self.identity, baseMarker) = (identity, marker)
        existing = replacingAll ? OutputFolder.entries(under: target.path) : ([], [])
        previousFiles = replacingAll ? Self.manifestPaths(in: targetFolder) : nil
        let name = ".\(target.lastPathComponent).nianbao-update-\(ProcessInfo.processInfo.processIdentifier)"
        staging = target.deletingLastPathComponent().appendingPathComponent(name)
        do {
            try OutputFolder.makeFreshFolder(staging)
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

    /// What this update finds in the output folder that nianbao did not put there: files it
    /// keeps, and links (`OutputFolderNotice`). Known once the build has written its files.
    public var notices: OutputFolderNotice {
        let plan = removalPlan()
        return OutputFolderNotice(foreignFiles: plan.foreign, links: plan.links)
    }

    /// The links on the way to the files written so far, in an incremental build: such a build
    /// cannot replace them without losing the files it did not write under them, so the caller
    /// builds everything instead.
    public func linksOnTheWay() -> [String] {
        guard let targetFolder = try? FolderDescriptor.open(target.path) else { return [] }
        let parents = Set(written.withLock { $0 }.map { FolderDescriptor.split($0).folder })
        var links: Set<String> = []
        for parent in parents where !parent.isEmpty {
            do {
                _ = try targetFolder.folder(parent)
            } catch where error.isLink {
                links.insert(error.path)
            } catch {}
        }
        return links.sorted()
    }

    /// Puts the changed files in place (and, for a full build, removes the previous build's files
    /// it did not make), then the marker with `buildID`.
    public func commit(buildID: String?) throws(OutputFolderError) {
        let moved = written.withLock { $0 }
        let journal = OutputJournal(
            marker: OutputFolder.markerText(buildID: buildID), base: baseMarker, target: identity, moved: moved,
            removed: removalPlan().removed)
        do {
            try journal.write(into: staging)
        } catch {
            abort()
            throw .write(staging.path, error.localizedDescription)
        }
        // Past the commit point: should this fail now, the next build finishes it.
        switch JournalReplay(staging: staging, target: target).run() {
        case .done: return
        case .unfinished: throw .unfinished(target.path)
        case .refused(let reason): throw .leftover(staging.path, reason)
        }
    }

    /// What a full build removes and keeps: the previous build's files it did not make again go
    /// (all files not made, when the previous build left no manifest to tell them apart); files
    /// nianbao did not write stay. A link goes when a file of the build lies at or under it.
    private func removalPlan() -> (removed: [String], foreign: [String], links: [String]) {
        guard replacesAll else { return ([], [], []) }
        let made = Set(written.withLock { $0 }).union(unchanged.withLock { $0 }).union([OutputFolder.marker])
        let ours = previousFiles.map { $0.union(["deploy/manifest.json"]) }
        var (removed, candidates) = ([String](), [String]())
        for path in existing.regular where !made.contains(path) {
            if ours?.contains(path) ?? true { removed.append(path) } else { candidates.append(path) }
        }
        guard !candidates.isEmpty || !existing.other.isEmpty else { return (removed, [], []) }
        // What stands where the build needs a folder goes, whoever put it there.
        let madeFolders = Set(made.flatMap { path in path.indices.filter { path[$0] == "/" }.map { String(path[..<$0]) } })
        var (foreign, links) = ([String](), [String]())
        for path in candidates {
            if madeFolders.contains(path) { removed.append(path) } else { foreign.append(path) }
        }
        for path in existing.other {
            let isLink = RegularFile.type(target.path + "/" + path) == S_IFLNK
            if isLink { links.append(path) }
            if made.contains(path) || madeFolders.contains(path) || !isLink { removed.append(path) } else { foreign.append(path) }
        }
        return (removed, foreign.sorted(), links.sorted())
    }

    /// The paths listed in the manifest of the build that wrote the folder.
    private static func manifestPaths(in folder: FolderDescriptor) -> Set<String>? {
        guard let deploy = try? folder.folder("deploy"), let data = deploy.read("manifest.json", limit: 1 << 30),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let files = object["files"] as? [[String: Any]]
        else { return nil }
        return Set(files.compactMap { $0["path"] as? String })
    }

    /// Removes the update folder; the output folder is untouched.
    public func abort() {
        OutputFolder.removeLeftover(staging)
    }

    /// Finishes the committed updates a killed build left beside `folder`, and removes
    /// uncommitted updates and stagings. Folders of a build still running are left alone. A
    /// journal is replayed only onto a folder that carries nianbao's marker and only if it was
    /// written for that folder as it is (`JournalReplay`); anything else beside the folder under
    /// nianbao's names that is not a real folder of this user, or a journal refused, stops the
    /// build with a message and nothing is touched.
    public static func recover(_ folder: URL) throws(OutputFolderError) {
        let parent = folder.deletingLastPathComponent()
        let prefix = ".\(folder.lastPathComponent).nianbao-"
        guard let parentFolder = try? FolderDescriptor.open(parent.path) else { return }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names.sorted() where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let dash = rest.lastIndex(of: "-"), let pid = Int32(rest[rest.index(after: dash)...]) else { continue }
            let kind = rest[..<dash]
            guard kind == "update" || kind == "staging" else { continue }
            guard pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            let url = parent.appendingPathComponent(name)
            var info = stat()
            guard fstatat(parentFolder.descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFDIR,
                info.st_uid == geteuid(), let leftover = try? parentFolder.folder(name)
            else {
                throw .leftover(url.path, "它不是本用户的文件夹（或是符号链接），不是 nianbao 留下的 (not a folder of this user)")
            }
            if kind == "staging" {
                // A first build killed before its rename: ours if it holds the marker, nothing
                // lost if it is empty (killed before the marker was written).
                if unlinkat(parentFolder.descriptor, name, AT_REMOVEDIR) == 0 { continue }
                guard leftover.type(of: OutputFolder.marker) == S_IFREG else {
                    throw .leftover(url.path, "其中没有 nianbao 的标记 (it holds no nianbao marker)")
                }
                OutputFolder.removeLeftover(url)
            } else if leftover.type(of: OutputJournal.name) == nil {
                OutputFolder.removeLeftover(url)  // killed before its commit point
            } else {
                guard (try? OutputFolder.state(of: folder)) == .ours else {
                    throw .leftover(url.path, "输出文件夹 \(folder.path) 没有 nianbao 的标记，不会按日志改动它 (the output folder carries no nianbao marker)")
                }
                switch JournalReplay(staging: url, target: folder).run() {
                case .done: continue
                case .unfinished: throw .unfinished(folder.path)
                case .refused(let reason): throw .leftover(url.path, reason)
                }
            }
        }
    }
}

/// What a full build over an output folder found there that nianbao did not write.
public struct OutputFolderNotice: Sendable, Equatable {
    /// Files (and links) kept because the previous build did not write them, relative paths.
    public var foreignFiles: [String]
    /// Symbolic links inside the folder, relative paths: never written through; one on the way
    /// to a file of the build is replaced by a real folder.
    public var links: [String]
}
