#if canImport(Glibc)
    import Glibc
    import SitePipeline

    /// Linux inotify watches on a site's input folders: `nianbao.yaml` in the root and every
    /// folder under `Content/`, `Themes/` and `static/`. Unlike polling, it costs nothing while nothing
    /// changes and names the files that did, so a rebuild reads only the reports edited.
    ///
    /// One instance is used by one task. When the kernel's event queue overflowed, the changes
    /// are `.unknown` and the build looks at every file. When a folder could not be watched (the
    /// system's limit on watches) or was reached twice (two symbolic links to it), the watch is
    /// `blind`: some changes would go unseen, so the caller polls instead.
    final class FolderEvents {
        private let descriptor: Int32
        private let root: String
        /// The site-relative folder of each watch ("" for the root).
        private var folders: [Int32: String] = [:]
        /// A folder could not be told apart or watched: changes cannot all be seen.
        private(set) var blind = false
        /// Events as read(2) gives them, reused from call to call.
        private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

        /// The folders of a site's input directly under its root.
        static let watched = SiteWatcher.inputFolders

        /// Nil when inotify is unavailable (the caller polls instead).
        init?(root: String) {
            descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard descriptor >= 0 else { return nil }
            self.root = root
            // From here every property is set: a failure runs deinit, which closes the descriptor.
            guard watch("", mask: Self.rootMask) else { return nil }
            for folder in Self.watched { watchTree(folder) }
            if blind { return nil }
        }

        deinit { close(descriptor) }

        private static let folderMask = UInt32(
            IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)
        /// The root holds the output and cache folders too: only its entries' arrivals and
        /// departures and nianbao.yaml's writes are wanted, and other names are dropped.
        private static let rootMask = folderMask & ~UInt32(IN_DELETE_SELF | IN_MOVE_SELF)

        /// Watches `relative` and every folder below it; a folder that is not there is skipped.
        private func watchTree(_ relative: String) {
            guard watch(relative, mask: Self.folderMask) else { return }
            guard let directory = opendir(root + "/" + relative) else { return }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                    pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                guard name != ".", name != ".." else { continue }
                let type = Int32(entry.pointee.d_type)
                if type == DT_DIR || type == DT_LNK || type == DT_UNKNOWN { watchTree(relative + "/" + name) }
            }
        }

        /// Adds one watch; false when it failed (the folder is gone, or the watch limit is reached).
        @discardableResult
        private func watch(_ relative: String, mask: UInt32) -> Bool {
            let path = relative.isEmpty ? root : root + "/" + relative
            let watch = inotify_add_watch(descriptor, path, mask)
            guard watch >= 0 else {
                // A missing folder or a file is fine; anything else leaves a folder unwatched.
                if errno != ENOENT && errno != ENOTDIR { blind = true }
                return false
            }
            if let known = folders[watch], known != relative {
                // Reached again under another name (a link, or a folder moved): events can no
                // longer be placed, and going further could loop.
                blind = true
                folders[watch] = relative
                return false
            }
            folders[watch] = relative
            return true
        }

        /// What changed since the last call; nil when nothing did.
        func changes() -> InputChanges? {
            var paths: Set<String> = []
            var overflowed = false
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                guard count > 0 else { break }
                var offset = 0
                while offset + 16 <= count {
                    let (watch, mask, length) = buffer.withUnsafeBytes { bytes in
                        (
                            bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                            bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                            Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                        )
                    }
                    let nameBytes = buffer[(offset + 16)..<min(offset + 16 + length, count)].prefix { $0 != 0 }
                    offset += 16 + length
                    if mask & UInt32(IN_Q_OVERFLOW) != 0 { overflowed = true }
                    if mask & UInt32(IN_IGNORED) != 0 { folders[watch] = nil }
                    guard let folder = folders[watch] else { continue }
                    let name = String(decoding: nameBytes, as: UTF8.self)
                    if folder.isEmpty {
                        guard name == "nianbao.yaml" || Self.watched.contains(name) else { continue }
                    }
                    let path = name.isEmpty ? folder : folder.isEmpty ? name : folder + "/" + name
                    paths.insert(path)
                    let arrived = mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0
                    if arrived && mask & UInt32(IN_ISDIR) != 0 { watchTree(path) }
                }
            }
            if overflowed || blind { return .unknown }
            return paths.isEmpty ? nil : .paths(paths)
        }
    }
#endif
