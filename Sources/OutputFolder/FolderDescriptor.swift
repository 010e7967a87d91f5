import Foundation
import Publish

#if canImport(Glibc)
    import Glibc
#endif

/// An open folder, through which files under it are found, moved and removed by name
/// (`openat`, `renameat`, `unlinkat`) without ever following a symbolic link: a link planted
/// inside the output folder, or on the way to it, cannot make nianbao write or delete anything
/// outside it, as git and rsync take care not to.
final class FolderDescriptor {
    let descriptor: Int32
    /// For messages only; operations never go through it.
    let path: String

    private init(descriptor: Int32, path: String) {
        (self.descriptor, self.path) = (descriptor, path)
    }

    deinit { close(descriptor) }

    /// Opens the folder at `path`; its last component must be a real folder, not a link.
    static func open(_ path: String) throws(PathProblem) -> FolderDescriptor {
        let descriptor = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw PathProblem(path: path, errno: errno) }
        return FolderDescriptor(descriptor: descriptor, path: path)
    }

    /// Whether `path` is one nianbao may name under a folder: relative, `/`-separated, with no
    /// empty, `.` or `..` component, no NUL and no line break.
    static func isSafeRelative(_ path: some StringProtocol) -> Bool {
        guard !path.isEmpty, !path.isAbsolutePath, !path.utf8.contains(0), !path.utf8.contains(0x0A) else { return false }
        return path.pathParts().allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    /// The folder and last name of `relative` (a safe relative path).
    static func split(_ relative: String) -> (folder: String, name: String) {
        guard let slash = relative.utf8.lastIndex(of: UInt8(ascii: "/")) else { return ("", relative) }
        return (String(relative.utf8[..<slash])!, String(relative.utf8[relative.utf8.index(after: slash)...])!)
    }

    /// The file type of `name` in this folder, the link itself for a link; nil if there is none.
    func type(of name: String) -> mode_t? {
        var info = stat()
        guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }

    /// The folder at `relative` under this one, walked one name at a time. `creating` makes
    /// missing folders; `replacingLinks` removes a link (or other non-folder) found on the way
    /// and puts a real folder in its place, noting its path in `replaced`. Otherwise a link on
    /// the way is an error: it is never followed.
    func folder(_ relative: String, creating: Bool = false, replacingLinks: Bool = false, replaced: inout [String]) throws(PathProblem)
        -> FolderDescriptor
    {
        let copy = dup(descriptor)
        guard copy >= 0 else { throw PathProblem(path: path, errno: errno) }
        var current = FolderDescriptor(descriptor: copy, path: path)
        guard !relative.isEmpty else { return current }
        var walked = ""
        for name in relative.pathParts(omittingEmpty: true) {
            walked += walked.isEmpty ? name : "/" + name
            var next = openat(current.descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0 {
                let failure = errno
                let type = current.type(of: name)
                if type == nil, failure == ENOENT, creating {
                    guard mkdirat(current.descriptor, name, 0o755) == 0 || errno == EEXIST else { throw PathProblem(path: walked, errno: errno) }
                } else if let type, type != S_IFDIR, replacingLinks {
                    guard unlinkat(current.descriptor, name, 0) == 0, mkdirat(current.descriptor, name, 0o755) == 0 else {
                        throw PathProblem(path: walked, errno: errno)
                    }
                    replaced.append(walked)
                } else if let type, type == S_IFLNK {
                    throw PathProblem(path: walked, reason: "是符号链接 (a symbolic link)", isLink: true)
                } else {
                    throw PathProblem(path: walked, errno: failure)
                }
                next = openat(current.descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard next >= 0 else { throw PathProblem(path: walked, errno: errno) }
            }
            current = FolderDescriptor(descriptor: next, path: path + "/" + walked)
        }
        return current
    }

    /// The folder at `relative`, which must exist and have no link on the way.
    func folder(_ relative: String) throws(PathProblem) -> FolderDescriptor {
        var replaced: [String] = []
        return try folder(relative, replaced: &replaced)
    }

    /// Reads the regular file `name` in this folder (not a link, FIFO or device), if it is at
    /// most `limit` bytes.
    func read(_ name: String, limit: Int = 1 << 20) -> Data? {
        let file = openat(descriptor, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard file >= 0 else { return nil }
        return RegularFile.read(descriptor: file, limit: limit)
    }

    /// Removes `name` from this folder, and everything under it if it is a folder, never
    /// following a link (a link is removed itself). False if something could not be removed.
    @discardableResult
    func removeTree(_ name: String) -> Bool {
        guard let type = type(of: name) else { return true }
        guard type == S_IFDIR else { return unlinkat(descriptor, name, 0) == 0 || errno == ENOENT }
        guard let inner = try? folder(name) else { return false }
        let copy = dup(inner.descriptor)
        guard copy >= 0 else { return false }
        guard let listing = fdopendir(copy) else {
            close(copy)
            return false
        }
        var names: [String] = []
        while let entry = readdir(listing) {
            let entryName = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if entryName != "." && entryName != ".." { names.append(entryName) }
        }
        closedir(listing)
        var removedAll = true
        for entryName in names where !inner.removeTree(entryName) { removedAll = false }
        return removedAll && (unlinkat(descriptor, name, AT_REMOVEDIR) == 0 || errno == ENOENT)
    }
}

/// Why a path under the output folder could not be used.
struct PathProblem: Error {
    let path: String
    let reason: String
    /// Whether the path (or a folder on the way) is a symbolic link.
    var isLink = false

    init(path: String, reason: String, isLink: Bool = false) {
        (self.path, self.reason, self.isLink) = (path, reason, isLink)
    }

    init(path: String, errno code: Int32) {
        self.path = path
        reason = String(cString: strerror(code))
        isLink = code == ELOOP
    }
}
