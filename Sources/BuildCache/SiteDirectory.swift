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

    /// The bytes of `relative`, read through the same folder its `status` was taken in.
    func contents(of relative: String) -> Data? {
        guard let descriptor else { return FileManager.default.contents(atPath: path + "/" + relative) }
        let file = openat(descriptor, relative, O_RDONLY | O_CLOEXEC)
        guard file >= 0 else { return nil }
        do {
            return try FileHandle(fileDescriptor: file, closeOnDealloc: true).readToEnd() ?? Data()
        } catch {
            return nil
        }
    }
}
