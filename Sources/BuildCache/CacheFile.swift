import Foundation

/// Whole-file reads and writes for the cache, straight between the file and a byte array: at
/// 20,000 reports `cache.bin` is about 60 MB, and going through `Data` copied it once more each
/// way.
public enum CacheFile {
    /// The file's bytes; nil when it cannot be opened or read, or is not a regular file (a named
    /// pipe in place of `cache.bin` would otherwise block every build in open(2): it is opened
    /// with `O_NONBLOCK` and its type checked before any read). With `regularOnly`, also nil
    /// for a link (the caller reads a file of the output folder, which anyone may have replaced).
    public static func read(_ path: String, regularOnly: Bool = false) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (regularOnly ? O_NOFOLLOW : 0))
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(info.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let got = Glibc.read(descriptor, buffer.baseAddress! + count, size - count)
                if got < 0, errno == EINTR { continue }
                if got <= 0 {
                    failed = got < 0
                    break
                }
                count += got
            }
        }
        return failed ? nil : bytes
    }

    /// Writes `bytes` to `path` (created or truncated); throws on any failure.
    static func write(_ bytes: [UInt8], to path: String) throws {
        // Never through a link: `.nianbao-cache/` may come with a checked-out repository.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw CocoaError(.fileWriteUnknown) }
            written += count
        }
    }
}
