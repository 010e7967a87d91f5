import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One writer at a time: an exclusive `flock(2)` on `.nianbao-cache/build.lock`, held by `build`
/// and by each of `serve`'s builds for the whole build. Two builds of one site at once both read
/// the same previous output and cache, and each patched the search shards as if it were alone:
/// the shards came out wrong for good. The kernel drops the lock when the process ends, however
/// it ends, so a killed build never leaves the site locked.
final class BuildLock {
    private let descriptor: Int32

    static let name = "build.lock"

    /// Takes the lock of the site at `root`. When another process holds it, `wait` says whether
    /// to wait for it (after telling `notice` who holds it) or to give up.
    init(root: URL, wait: Bool, notice: (String) -> Void) throws(BuildPipeline.Failure) {
        let folder = root.appendingPathComponent(".nianbao-cache")
        let path = folder.appendingPathComponent(Self.name).path
        if mkdir(folder.path, 0o755) != 0, errno != EEXIST {
            throw .write("无法创建 \(folder.path)：\(String(cString: strerror(errno)))")
        }
        var folderInfo = stat()
        guard lstat(folder.path, &folderInfo) == 0, folderInfo.st_mode & S_IFMT == S_IFDIR else {
            throw .write("\(folder.path) 不是文件夹（或是符号链接）；删除它后重试，nianbao 会重新建立。(the cache folder is not a real folder)")
        }
        descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .write("无法打开 \(path)：\(String(cString: strerror(errno)))") }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw .write("\(path) 不是普通文件；删除它后重试。(the lock file is not a regular file)")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let holder = Self.holder(descriptor).map { "（进程 \($0)）" } ?? ""
            guard wait else {
                close(descriptor)
                throw .locked("另一个 nianbao 正在生成此站点\(holder)，本次未生成。稍后重试，或去掉 --no-wait 等它结束。\n(another build of this site is running; not built)")
            }
            notice("另一个 nianbao 正在生成此站点\(holder)，等它结束后再生成… (waiting for another build of this site)")
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    close(descriptor)
                    throw .write("无法锁定 \(path)：\(String(cString: strerror(errno)))")
                }
            }
        }
        let pid = Array("\(getpid())\n".utf8)
        if ftruncate(descriptor, 0) == 0 { _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) } }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// The process id the holder wrote into the lock file.
    private static func holder(_ descriptor: Int32) -> Int32? {
        var bytes = [UInt8](repeating: 0, count: 16)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: bytes[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
