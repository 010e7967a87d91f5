import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One writer at a time: an exclusive `flock(2)` on the site folder itself, held by `build` and
/// by each of `serve`'s builds for the whole build. Two builds of one site at once both read the
/// same previous output and cache, and each patched the search shards as if it were alone: the
/// shards came out wrong for good. The folder is opened read-only, so the lock creates no file:
/// `build --no-cache` writes nothing into the site, and a read-only checkout still builds into
/// another folder. The kernel drops the lock when the process ends, however it ends, so a killed
/// build never leaves the site locked.
final class BuildLock {
    private let descriptor: Int32

    /// Takes the lock of the site at `root`. When another process holds it, `wait` says whether
    /// to wait for it (after telling `notice`) or to give up.
    init(root: URL, wait: Bool, notice: (String) -> Void) throws(BuildPipeline.Failure) {
        descriptor = open(root.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable("无法打开站点文件夹 \(root.path)：\(String(cString: strerror(errno)))") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) != 0 else { return }
        guard wait else {
            close(descriptor)
            throw .locked("另一个 nianbao 正在生成此站点，本次未生成。稍后重试，或去掉 --no-wait 等它结束。\n(another build of this site is running; not built)")
        }
        notice("另一个 nianbao 正在生成此站点，等它结束后再生成… (waiting for another build of this site)")
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                close(descriptor)
                throw .write("无法锁定站点文件夹 \(root.path)：\(String(cString: strerror(errno)))")
            }
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
