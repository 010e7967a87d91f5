import Foundation

/// Notices changes to a site's input by polling: the paths, sizes and modification times of
/// nianbao.yaml and everything under Content/ and Themes/. Polling works the same on every system
/// and a site is a few thousand files at most.
struct SiteWatcher: Sendable {
    let root: URL

    /// A value that changes whenever an input file is added, removed or changed.
    func fingerprint() -> Int {
        var hasher = Hasher()
        let manager = FileManager.default
        var paths = ["nianbao.yaml"]
        for folder in ["Content", "Themes"] {
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
