import Foundation

/// The site's root folder held open, so that the 60,000 input files of 20,000 reports are
/// looked at by their path from the site root (`Content/<agency>/<year>/report.md`, four names)
/// and not by their absolute path: the kernel's lookup of each name of a path was most of what
/// `stat` cost.
public final class SiteDirectory: Sendable {
    /// Nil when the folder cannot be opened; paths are then looked at whole.
    let descriptor: Int32?
    /// The folder's path, for whole paths.
    public let path: String

    public init(_ path: String) {
        self.path = path
        let opened = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        descriptor = opened >= 0 ? opened : nil
    }

    deinit {
        if let descriptor { close(descriptor) }
    }

    /// `stat(2)` of `relative` (to the site root); a symbolic link is followed, as `stat` does.
    func status(of relative: String, into info: inout stat) -> Bool {
        if let descriptor { return fstatat(descriptor, relative, &info, 0) == 0 }
        return stat(path + "/" + relative, &info) == 0
    }

    /// The bytes of `relative`, read through the same folder its `status` was taken in; nil
    /// for anything but a regular file. Opened with `O_NONBLOCK`: a named pipe put in place of
    /// an input between the `stat` and the read would otherwise block the build forever.
    func contents(of relative: String) -> Data? {
        let flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK
        let file = descriptor.map { openat($0, relative, flags) } ?? open(path + "/" + relative, flags)
        guard file >= 0 else { return nil }
        let handle = FileHandle(fileDescriptor: file, closeOnDealloc: true)
        var info = stat()
        guard fstat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            return nil
        }
    }
}
