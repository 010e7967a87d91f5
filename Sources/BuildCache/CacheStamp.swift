import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension BuildCache {
    /// What `stat` says of the cache files in `folder` (`cache.bin` and `journal.bin`): size,
    /// inode and modification time of each, zeros for a missing one. A process that keeps the
    /// cache it saved compares this before its next build: another process that wrote the
    /// folder in between changes it, and the cache is then read from disk again.
    public static func stamp(of folder: URL) -> [Int64] {
        ["cache.bin", "journal.bin"].flatMap { name -> [Int64] in
            var info = stat()
            guard stat(folder.appendingPathComponent(name).path, &info) == 0 else { return [0, 0, 0, 0] }
            return [
                Int64(info.st_size), Int64(bitPattern: UInt64(info.st_ino)), Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec),
            ]
        }
    }
}
