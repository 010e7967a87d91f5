import Foundation
import SitePipeline

/// Notices changes to a site's input: nianbao.yaml and everything under Content/, Themes/ and static/.
/// On Linux it is told by the kernel (`FolderEvents`), which names the files changed; elsewhere,
/// or when inotify cannot be used (or stops seeing every folder), it polls the paths, sizes and
/// modification times of every input file, and changes are `.unknown`. Used by one task.
final class SiteWatcher {
    /// The folders of a site's input directly under its root (with `nianbao.yaml`).
    static let inputFolders = ["Content", "Themes", "static"]

    let root: URL
    #if canImport(Glibc)
        private var events: FolderEvents?
    #endif
    private var fingerprint: Int?

    /// Starts watching: a change made from now on is reported, even one made before the first
    /// call to `changes()`.
    init(root: URL) {
        self.root = root
        #if canImport(Glibc)
            events = FolderEvents(root: root.path)
            if events != nil { return }
        #endif
        fingerprint = Self.fingerprint(root: root)
    }

    /// Whether changes are named rather than polled for.
    var namesChanges: Bool { fingerprint == nil }

    /// What changed since the last call, or since watching began; nil when nothing did.
    func changes() -> InputChanges? {
        #if canImport(Glibc)
            if let events {
                let changes = events.changes()
                guard events.blind else { return changes }
                // A folder made since could not be watched: poll from now on.
                self.events = nil
                fingerprint = Self.fingerprint(root: root)
                return .unknown
            }
        #endif
        let now = Self.fingerprint(root: root)
        guard now != fingerprint else { return nil }
        fingerprint = now
        return .unknown
    }

    /// A value that changes whenever an input file is added, removed or changed.
    static func fingerprint(root: URL) -> Int {
        var hasher = Hasher()
        let manager = FileManager.default
        var paths = ["nianbao.yaml"]
        for folder in inputFolders {
            let enumerator = manager.enumerator(atPath: root.appendingPathComponent(folder).path)
            while let path = enumerator?.nextObject() as? String { paths.append(folder + "/" + path) }
        }
        for path in paths.sorted() {
            hasher.combine(path)
            if let attributes = try? manager.attributesOfItem(atPath: root.appendingPathComponent(path).path) {
                hasher.combine(attributes[.size] as? Int)
                hasher.combine((attributes[.modificationDate] as? Date)?.timeIntervalSince1970)
            }
        }
        return hasher.finalize()
    }
}
