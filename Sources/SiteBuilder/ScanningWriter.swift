import Publish
import Synchronization

/// Hands files to the sink and keeps what the link check needs of each HTML page: its ids and
/// its links with their lines. A file whose SHA-256 is in `unchanged` is not handed on: the
/// output folder has it already. Thread-safe.
final class ScanningWriter: Sendable {
    struct Page: Sendable {
        let path: String
        let ids: [String]
        let links: [LinkChecker.Link]
    }

    struct Scanned: Sendable {
        var pages: [Page] = []
        /// The files handed to the sink.
        var written: [String] = []
    }

    private let sink: FileSink
    private let unchanged: [String: String]
    private let state = Mutex(Scanned())

    init(sink: @escaping FileSink, unchanged: [String: String] = [:]) {
        self.sink = sink
        self.unchanged = unchanged
    }

    /// Writes `file` and returns its manifest entry.
    @discardableResult
    func write(_ file: OutputFile) throws -> Manifest.Entry {
        var page: Page?
        if file.path.hasSuffix(".html") {
            let found = LinkChecker.attributes(in: file.contents)
            page = Page(path: file.path, ids: found.ids, links: found.links)
        }
        let entry = Manifest.Entry(path: file.path, size: file.contents.count, sha256: SHA256.hex(file.contents))
        let isNew = unchanged[file.path] != entry.sha256
        if isNew { try sink(file) }
        state.withLock {
            if isNew { $0.written.append(file.path) }
            if let page { $0.pages.append(page) }
        }
        return entry
    }

    var scanned: Scanned { state.withLock { $0 } }
}
