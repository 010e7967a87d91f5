#if canImport(Glibc)
    import Glibc
#endif

/// `deploy/manifest.json` as written, with where each entry sits in it, so that a build of the same
/// files can patch the entries that changed instead of writing 100,000 again (the preview server
/// keeps it from one build to the next).
public struct ManifestText: Sendable {
    /// The manifest, in UTF-8.
    public let bytes: [UInt8]
    /// Where the first entry starts.
    let body: Int
    /// Where each entry ends, in path order.
    let ends: [Int]
    /// The entries, in path order.
    let entries: [Manifest.Entry]
    /// The paths of the entries, in order.
    public var paths: [String] { entries.map(\.path) }
    /// Each path's place in the order; made on the first patch, then handed on (a one-off
    /// build never pays for it).
    private var places: [String: Int]?

    init(bytes: [UInt8], body: Int, ends: [Int], entries: [Manifest.Entry], places: [String: Int]? = nil) {
        (self.bytes, self.body, self.ends, self.entries, self.places) = (bytes, body, ends, entries, places)
    }

    /// The manifest with `changed` in place of the entries of the same paths, byte for byte what
    /// `Manifest.text(sorted:…)` writes for the whole list. Nil when a path of `changed` is not
    /// in it: the files are not the same, so the list must be made again.
    public func patched(_ changed: [Manifest.Entry], inputDigest: String, version: String, site: DeploymentSite) -> ManifestText? {
        let places =
            self.places ?? Dictionary(entries.enumerated().map { ($0.element.path, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var edits: [Int: Manifest.Entry] = [:]
        for entry in changed {
            guard let place = places[entry.path] else { return nil }
            edits[place] = entry
        }
        var entries = self.entries
        for (place, entry) in edits { entries[place] = entry }
        let header = Manifest.header(
            count: entries.count, totalSize: entries.reduce(0) { $0 + $1.size }, inputDigest: inputDigest, version: version, site: site)
        var out = header
        out.reserveCapacity(bytes.count + edits.count * 64 + 256)
        var ends = self.ends
        var types = Manifest.MediaTypes()
        var (cursor, shift, next) = (body, header.count - body, 0)
        for (place, entry) in edits.sorted(by: { $0.key < $1.key }) {
            for later in next..<place { ends[later] += shift }
            let start = place == 0 ? body : self.ends[place - 1] + Manifest.separator.count
            out += bytes[cursor..<start]
            Manifest.appendEntry(entry, types: &types, to: &out)
            shift = out.count - self.ends[place]
            ends[place] = out.count
            (cursor, next) = (self.ends[place], place + 1)
        }
        for later in next..<ends.count { ends[later] += shift }
        out += bytes[cursor...]
        return ManifestText(bytes: out, body: header.count, ends: ends, entries: entries, places: places)
    }
}

extension ManifestText {
    /// Reads back a manifest `Manifest.text` wrote, with where each entry sits: a build that
    /// did not keep the last build's list (a new process) patches the one in the output folder
    /// instead of sorting and writing 100,000 entries again. Nil for anything else.
    public init?(reading bytes: [UInt8]) {
        let opening = Array("  \"files\": [\n".utf8)
        guard let parsed = bytes.withUnsafeBufferPointer({ Self.parse($0, opening: opening) }) else { return nil }
        self.init(bytes: bytes, body: parsed.body, ends: parsed.ends, entries: parsed.entries)
    }

    private static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, opening: [UInt8]
    ) -> (body: Int, ends: [Int], entries: [Manifest.Entry])? {
        // The header holds no "files" key before its own: the site and base path are quoted, so
        // a quote inside them is escaped.
        guard let body = find(opening, in: bytes, from: 0).map({ $0 + opening.count }) else { return nil }
        var (ends, entries): ([Int], [Manifest.Entry]) = ([], [])
        var cursor = body
        func expect(_ text: StaticString) -> Bool {
            let count = text.utf8CodeUnitCount
            guard cursor + count <= bytes.count,
                memcmp(bytes.baseAddress! + cursor, text.utf8Start, count) == 0
            else { return false }
            cursor += count
            return true
        }
        /// The bytes up to the next quote; nil at an escape (left to the full list).
        func quoted() -> String? {
            let start = cursor
            while cursor < bytes.count, bytes[cursor] != UInt8(ascii: "\"") {
                if bytes[cursor] == UInt8(ascii: "\\") { return nil }
                cursor += 1
            }
            guard cursor < bytes.count else { return nil }
            defer { cursor += 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<cursor]), as: UTF8.self)
        }
        let footer: StaticString = "\n  ]\n}\n"
        if bytes.count - cursor == footer.utf8CodeUnitCount, expect(footer) { return (body, [], []) }
        while true {
            guard expect("    {\"path\": \""), let path = quoted(), expect(", \"size\": ") else { return nil }
            var size = 0
            let digits = cursor
            while cursor < bytes.count, bytes[cursor] >= UInt8(ascii: "0"), bytes[cursor] <= UInt8(ascii: "9"), cursor - digits < 18 {
                size = size * 10 + Int(bytes[cursor] - UInt8(ascii: "0"))
                cursor += 1
            }
            // As `Manifest.text` writes sizes: no leading zero.
            guard cursor > digits, cursor - digits == 1 || bytes[digits] != UInt8(ascii: "0"), expect(", \"sha256\": \""), let digest = quoted(), expect(", \"type\": \""), quoted() != nil,
                expect("}")
            else { return nil }
            entries.append(Manifest.Entry(path: path, size: size, sha256: digest))
            ends.append(cursor)
            if expect(",\n") { continue }
            guard bytes.count - cursor == footer.utf8CodeUnitCount, expect(footer) else { return nil }
            return (body, ends, entries)
        }
    }

    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], needle.withUnsafeBufferPointer({ memcmp(bytes.baseAddress! + index, $0.baseAddress!, needle.count) }) == 0 {
                return index
            }
            index += 1
        }
        return nil
    }
}
