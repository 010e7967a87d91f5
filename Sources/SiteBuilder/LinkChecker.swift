import Diagnostics
import Foundation
import SiteModel

/// Checks, offline, that every link between the built pages reaches a file of the build and,
/// with a `#fragment`, an element with that id. Links elsewhere (other hosts, `mailto:`) are not
/// followed; absolute links under the site's own base URL are checked like relative ones.
struct LinkChecker {
    /// Where a link on a page was written, when it came from a source file.
    typealias SourceFinder = (_ page: String, _ href: String) -> SourceLocation?

    let files: KnownFiles
    let baseURL: String
    /// The path part of the base URL (`/zfxxgk/ndbg/`): root-relative links under it are the
    /// site's own (the 404 page uses them, being served at any depth).
    let basePath: String
    private var ids: [String: Set<String>] = [:]
    /// The ids of a page not registered with `addPage` (one an incremental build did not make
    /// again), read from the output folder when a link points into it.
    var readIDs: (@Sendable (String) -> [String]?)?

    /// `paths` are the build's files; `sorted` says they are in ascending order and few links
    /// will be checked (an incremental build), so they are searched as they are instead of
    /// hashed: hashing 100,000 paths cost more than checking the links of the pages remade.
    init(paths: [String], baseURL: String, basePath: String, sorted: Bool = false) {
        files = sorted ? .sorted(paths) : .hashed(Set(paths))
        self.baseURL = baseURL
        self.basePath = basePath
    }

    /// The build's files, to look a link's target up in.
    enum KnownFiles {
        case hashed(Set<String>)
        case sorted([String])

        func contains(_ path: String) -> Bool {
            switch self {
            case .hashed(let set): return set.contains(path)
            case .sorted(let paths):
                let index = paths.partitioningIndex(where: { $0 >= path })
                return index < paths.count && paths[index] == path
            }
        }
    }

    /// Registers the ids of an HTML page.
    mutating func addPage(_ path: String, ids pageIDs: [String]) {
        ids[path] = Set(pageIDs)
    }

    /// A link on a page: its target as written and the line of the page it is on.
    struct Link: Sendable {
        let value: String
        let line: Int
    }

    /// The finding for `href` on the page at `path`, written at `location`, when it reaches nothing.
    func finding(_ href: String, on path: String, at location: SourceLocation) -> Finding? {
        finding(href, on: path, at: location, problem: problem(href, from: path))
    }

    func finding(_ href: String, on path: String, at location: SourceLocation, problem: String?) -> Finding? {
        guard let problem else { return nil }
        return Rule.linkBroken.finding("链接「\(href)」\(problem)（页面 \(path)）", gist: "broken link \(href) on \(path)", at: location)
    }

    typealias Target = SiteLayout.Target

    /// What is wrong with `href` on the page at `page`, or nil when it reaches its target.
    func problem(_ href: String, from page: String) -> String? { problem(target(of: href, from: page)) }

    /// What is wrong with a link to `target`, or nil when it reaches it.
    func problem(_ target: Target) -> String? {
        switch target {
        case .elsewhere: return nil
        case .invalid(let problem): return problem
        case .file(let path, let fragment):
            guard files.contains(path) else { return "指向的文件不存在：\(path)" }
            if !fragment.isEmpty, let pageIDs = ids[path] ?? readIDs?(path).map(Set.init),
                // (Foundation's percent decoding is slow, and few fragments hold a `%`.)
                !pageIDs.contains(fragment.containsBytes("%") ? fragment.removingPercentEncoding ?? fragment : fragment)
            {
                return "指向的锚点 #\(fragment) 在 \(path) 中不存在"
            }
            return nil
        }
    }

    /// The file `href` on the page at `page` leads to.
    func target(of href: String, from page: String) -> Target {
        SiteLayout.target(of: href, from: page, baseURL: baseURL, basePath: basePath)
    }

    /// The `id`, `href` and `src` attribute values of `html` (double-quoted, as templates and
    /// cmark write them), links with their lines. One pass, jumping from `="` to `="`.
    static func attributes(in html: String) -> (ids: [String], links: [Link]) {
        var html = html
        return html.withUTF8(attributes(inUTF8:))
    }

    /// `attributes(in:)` of a page as the writer has it: its bytes, without making a String of
    /// them first (checking 50 KB of UTF-8 per page cost 4 % of a full build).
    static func attributes(in html: Data) -> (ids: [String], links: [Link]) {
        html.withUnsafeBytes { attributes(inUTF8: $0.bindMemory(to: UInt8.self)) }
    }

    private static func attributes(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> (ids: [String], links: [Link]) {
        var ids: [String] = []
        var links: [Link] = []
        var line = 1
        var counted = 0  // bytes up to which newlines are counted
        guard let base = bytes.baseAddress, bytes.count > 2 else { return (ids, links) }
        var index = 0
        func preceded(by name: StaticString) -> Bool {
            let length = name.utf8CodeUnitCount
            guard index >= length + 1, base[index - length - 1] == UInt8(ascii: " ") else { return false }
            return memcmp(base + index - length, name.utf8Start, length) == 0
        }
        while index < bytes.count - 1,
            let found = memchr(base + index, Int32(UInt8(ascii: "=")), bytes.count - index - 1)
        {
            index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            guard base[index + 1] == UInt8(ascii: "\"") else {
                index += 1
                continue
            }
            let isID = preceded(by: "id"), isLink = !isID && (preceded(by: "href") || preceded(by: "src"))
            let start = index + 2
            guard isID || isLink, let close = memchr(base + start, Int32(UInt8(ascii: "\"")), bytes.count - start) else {
                index += 2
                continue
            }
            let end = base.distance(to: close.assumingMemoryBound(to: UInt8.self))
            let value = String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
            if isID {
                ids.append(value)
            } else {
                line += UnsafeBufferPointer(start: base + counted, count: index - counted).reduce(0) { $1 == 10 ? $0 + 1 : $0 }
                counted = index
                links.append(Link(value: value, line: line))
            }
            index = end + 1
        }
        return (ids, links)
    }
}
