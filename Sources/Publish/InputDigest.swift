import Foundation
import Synchronization

/// The manifest's digest of everything a build reads: nianbao.yaml, the task lists, each
/// agency's agency.yaml and each report's report.md, tables.yaml and tasks.yaml, and the theme
/// folders' files (other files under Content/ are not read, so they do not count). It is the
/// SHA-256 of the text `sha256sum` would print for them, one `<SHA-256>  <label>/<path>` line
/// per file in path order, so that a build cache holding each file's digest can give it
/// without reading the files again.
public enum InputDigest {
    /// One input file: its label (`nianbao.yaml`, `Content/…`, `theme0/…`) and its SHA-256.
    public struct File: Sendable, Equatable {
        public let label: String
        public let sha256: String

        public init(label: String, sha256: String) {
            self.label = label
            self.sha256 = sha256
        }
    }

    /// `combine(inOrder + others)` for `inOrder` already in label order (the site's report and
    /// agency files, listed agency by agency), without sorting those: at 20,000 reports they are
    /// 64,000 labels, and sorting them took a tenth of a one-edit rebuild. Only `others` (theme
    /// and task-list files, a few hundred) are sorted, then the two are merged. Labels that are
    /// not all ASCII, whose order is not their bytes', are sorted together as `combine` does.
    public static func listing(inOrder: [File], others: [File]) -> InputListing {
        let sorted = PathOrder.sortedIndices(others.map(\.label)).map { others[$0] }
        guard sorted.allSatisfy({ $0.label.utf8.allSatisfy { $0 < 0x80 } }) else { return listing(inOrder + others) }
        var listing = InputListing(others: others, capacity: inOrder.count + others.count)
        // Where the last label of `inOrder` sits in the listing, to check the order against.
        var last: Range<Int>?
        var other = 0
        for file in inOrder {
            while other < sorted.count && sorted[other].label < file.label {
                listing.append(sorted[other])
                other += 1
            }
            let range = listing.append(file)
            let follows = listing.bytes.withUnsafeBufferPointer { bytes in
                !bytes[range].contains { $0 >= 0x80 } && (last.map { bytes[$0].lexicographicallyPrecedes(bytes[range]) } ?? true)
            }
            guard follows else { return self.listing(inOrder + others) }
            last = range
        }
        for file in sorted[other...] { listing.append(file) }
        return listing
    }

    public static func combine(inOrder: [File], others: [File]) -> String { listing(inOrder: inOrder, others: others).digest }

    /// The listing of `files`, sorted by label.
    public static func listing(_ files: [File]) -> InputListing {
        // Positions are sorted, not the files: moving two strings per swap cost more than comparing.
        var listing = InputListing(others: [], capacity: files.count)
        for index in PathOrder.sortedIndices(files.map(\.label)) { listing.append(files[index]) }
        return listing
    }

    public static func combine(_ files: [File]) -> String { listing(files).digest }

    /// The files of `Content/_tasks/` (task lists), which every report's findings and pages read.
    public static func taskLists(root: URL) -> [File] {
        walk(root.appendingPathComponent("Content/_tasks"), label: "Content/_tasks")
    }

    /// The theme folders' files, labelled by position, not path: the built-in theme sits in a
    /// different place on each machine.
    public static func theme(_ folders: [URL]) -> [File] {
        folders.enumerated().flatMap { walk($0.element, label: "theme\($0.offset)") }
    }

    /// The files of the site's `static/` folder, copied into the output as they are.
    public static func staticFiles(root: URL) -> [File] {
        walk(root.appendingPathComponent("static"), label: "static")
    }

    /// The files under `folder`, read and hashed on all cores: without a build cache
    /// (`build --no-cache`) this is every file under Content/, and one core took a third of a
    /// second at 2,000 reports, after everything else was done.
    static func walk(_ folder: URL, label: String) -> [File] {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var found: [String] = []
        while let path = walker.nextObject() as? String { found.append(path) }
        let paths = found
        let digests = Mutex([String?](repeating: nil, count: paths.count))
        let root = folder.path
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let path = root + "/" + paths[index]
            guard let data = regularFileContents(path) else { return }
            let digest = SHA256.hex(data)
            digests.withLock { $0[index] = digest }
        }
        return zip(paths, digests.withLock { $0 }).compactMap { path, digest in digest.map { File(label: label + "/" + path, sha256: $0) } }
    }

    /// The bytes of `path` if it is a regular file (a link to one is followed); nil for a
    /// folder, anything else, or a file that cannot be read. Opened with `O_NONBLOCK` and
    /// checked by `fstat` first: opening a named pipe left in `Content/_tasks/` or a theme
    /// would otherwise wait for a writer forever, and the build with it.
    static func regularFileContents(_ path: String) -> Data? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return try? handle.readToEnd() ?? Data()
    }
}
