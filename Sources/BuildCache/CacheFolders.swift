import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The folders of `.nianbao-cache/`, one per output folder a build wrote. Each names its output
/// folder in a file `output`, so that the cache of an output folder that is gone (a preview
/// built with `-o` into a temporary folder, say: 100 MB at 20,000 reports) does not stay
/// forever. Folders from before this record are left alone: deleting `.nianbao-cache/` by hand
/// is always safe.
public enum CacheFolders {
    static let recordName = "output"

    /// Makes `folder` (a cache folder) and `.nianbao-cache/` above it, and throws if either is a
    /// symbolic link: the cache folder may come with a checked-out repository, and a link there
    /// would make a build write its cache files wherever it points.
    public static func makeFolder(_ folder: URL) throws {
        for url in [folder.deletingLastPathComponent(), folder] {
            if mkdir(url.path, 0o755) != 0, errno != EEXIST { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            var info = stat()
            guard lstat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { throw POSIXError(.ENOTDIR) }
        }
    }

    /// Notes in `folder` (a cache folder) which output folder its cache describes.
    public static func record(_ output: URL, in folder: URL) {
        let path = output.standardizedFileURL.path
        let file = folder.appendingPathComponent(recordName)
        guard FileManager.default.contents(atPath: file.path) != Data(path.utf8) else { return }
        try? CacheFile.write(Array(path.utf8), to: file.path)
    }

    /// Removes the cache folders beside `folder` whose output folder no longer exists or was
    /// not written by nianbao (its marker `marker` is gone). Returns the folders removed.
    @discardableResult
    public static func prune(besides folder: URL, marker: String) -> [URL] {
        let parent = folder.deletingLastPathComponent()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        var removed: [URL] = []
        for name in names where name != folder.lastPathComponent {
            let sibling = parent.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: sibling.appendingPathComponent(recordName).path) else { continue }
            let output = String(decoding: data, as: UTF8.self)
            guard output.hasPrefix("/"), !FileManager.default.fileExists(atPath: output + "/" + marker) else { continue }
            if (try? FileManager.default.removeItem(at: sibling)) != nil { removed.append(sibling) }
        }
        return removed
    }
}
