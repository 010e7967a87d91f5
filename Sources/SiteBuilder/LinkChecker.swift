import Diagnostics
import Foundation

/// Checks, offline, that every link between the built pages reaches a file of the build and,
/// with a `#fragment`, an element with that id. Links elsewhere (other hosts, `mailto:`) are not
/// followed; absolute links under the site's own base URL are checked like relative ones.
struct LinkChecker {
    /// Where a link on a page was written, when it came from a source file.
    typealias SourceFinder = (_ page: String, _ href: String) -> SourceLocation?

    let files: Set<String>
    let baseURL: String
    private var ids: [String: Set<String>] = [:]

    init(paths: [String], baseURL: String) {
        files = Set(paths)
        self.baseURL = baseURL
    }

    /// Registers the ids of an HTML page.
    mutating func addPage(_ path: String, html: String) {
        ids[path] = Set(Self.attributeValues("id", in: html).map(\.value))
    }

    /// Findings for the links of the page at `path` that reach nothing.
    func check(_ path: String, html: String, source: SourceFinder) -> [Finding] {
        var findings: [Finding] = []
        for (href, offset) in Self.attributeValues("href", in: html) + Self.attributeValues("src", in: html) {
            guard let problem = problem(href, from: path) else { continue }
            let location =
                source(path, href)
                ?? SourceLocation(file: "Output/" + path, line: Self.line(of: offset, in: html), column: 1)
            findings.append(
                Rule.linkBroken.finding(
                    "链接「\(href)」\(problem)（页面 \(path)）", gist: "broken link \(href) on \(path)", at: location))
        }
        return findings
    }

    /// What is wrong with `href` on the page at `page`, or nil when it reaches its target.
    func problem(_ href: String, from page: String) -> String? {
        var link = href.replacingOccurrences(of: "&amp;", with: "&")
        var folder = page.split(separator: "/").dropLast().map(String.init)
        if link.hasPrefix(baseURL) {
            link = String(link.dropFirst(baseURL.count))
            folder = []
        } else if link.contains(":") || link.hasPrefix("//") {
            return nil  // another site or scheme
        }
        let beforeQuery = link.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let parts = beforeQuery.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let relative = String(parts[0])
        let fragment = parts.count > 1 ? String(parts[1]) : ""
        if relative.hasPrefix("/") { return "以 / 开头，部署在子路径下时会指向站点之外；请写相对地址" }
        let path: String
        if relative.isEmpty {
            path = page  // `#anchor` on the same page
        } else {
            var target = folder
            for component in relative.split(separator: "/", omittingEmptySubsequences: false) {
                switch component {
                case ".", "": continue
                case "..":
                    guard !target.isEmpty else { return "指向了站点根目录之外" }
                    target.removeLast()
                default: target.append(String(component))
                }
            }
            let isFolder = relative.hasSuffix("/") || relative.hasSuffix(".")  // `../`, `..`, `./`
            path = isFolder ? (target + ["index.html"]).joined(separator: "/") : target.joined(separator: "/")
        }
        guard files.contains(path) else { return "指向的文件不存在：\(path)" }
        if !fragment.isEmpty, let pageIDs = ids[path], !pageIDs.contains(fragment.removingPercentEncoding ?? fragment) {
            return "指向的锚点 #\(fragment) 在 \(path) 中不存在"
        }
        return nil
    }

    /// Values of `name="…"` attributes with their offsets in `html`.
    static func attributeValues(_ name: String, in html: String) -> [(value: String, offset: Int)] {
        let bytes = Array(html.utf8)
        let pattern = Array(" \(name)=\"".utf8)
        var found: [(String, Int)] = []
        var index = 0
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0], bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                let start = index + pattern.count
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                found.append((String(decoding: bytes[start..<end], as: UTF8.self), index))
                index = end
            } else {
                index += 1
            }
        }
        return found
    }

    static func line(of offset: Int, in html: String) -> Int {
        html.utf8.prefix(offset).reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    }
}
