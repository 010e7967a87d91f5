import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads files that must be plain files: a symbolic link is not followed, and a FIFO, a socket
/// or a device is not opened for reading (opening a FIFO waits for a writer, for ever).
public enum RegularFile {
    /// The bytes of the regular file at `path`, nil for anything else or past `limit` bytes.
    public static func read(_ path: String, limit: Int = 64 << 20) -> Data? {
        let file = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard file >= 0 else { return nil }
        return read(descriptor: file, limit: limit)
    }

    /// Reads the open `file` if it is a regular file of at most `limit` bytes, and closes it.
    public static func read(descriptor file: Int32, limit: Int) -> Data? {
        defer { close(file) }
        var info = stat()
        guard fstat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) <= limit else { return nil }
        var data = Data(count: Int(info.st_size))
        let complete = data.withUnsafeMutableBytes { (buffer: UnsafeMutableRawBufferPointer) -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.read(file, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
        return complete ? data : nil
    }

    /// The bytes of the regular file at `relative` under the folder `root`, reached without
    /// following a link in any part of `relative` (a link planted inside the output folder must
    /// not make a build read, and publish, a file from elsewhere).
    public static func read(under root: String, _ relative: String, limit: Int = 64 << 20) -> Data? {
        var folder = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return nil }
        let parts = relative.pathParts(omittingEmpty: true)
        guard let last = parts.last, !parts.contains("..") else {
            close(folder)
            return nil
        }
        for part in parts.dropLast() {
            let next = openat(folder, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            close(folder)
            guard next >= 0 else { return nil }
            folder = next
        }
        let file = openat(folder, last, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        close(folder)
        guard file >= 0 else { return nil }
        return read(descriptor: file, limit: limit)
    }

    /// The file type of `path` itself (a link is a link), nil if there is nothing.
    public static func type(_ path: String) -> mode_t? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }
}
