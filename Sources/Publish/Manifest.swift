/// `deploy/manifest.json`: every published file with its size, SHA-256 and media type, the
/// digest of the build's input and the nianbao version. No times, so two builds of the same input
/// give the same manifest.
public enum Manifest {
    public struct Entry: Sendable, Equatable {
        public let path: String
        public let size: Int
        public let sha256: String

        public init(path: String, size: Int, sha256: String) {
            self.path = path
            self.size = size
            self.sha256 = sha256
        }
    }

    /// The manifest of `entries`, listed in path order.
    public static func json(_ entries: [Entry], inputDigest: String, version: String, site: DeploymentSite) -> String {
        let sorted = PathOrder.sortedIndices(entries.map(\.path)).map { entries[$0] }
        return String(decoding: bytes(sorted: sorted, inputDigest: inputDigest, version: version, site: site), as: UTF8.self)
    }

    /// The manifest of `entries`, which are in path order already (`PathOrder`), as the builder
    /// has them, in UTF-8: checking the order of 100,000 paths again, or making a 15 MB string
    /// of it, cost more than writing it.
    public static func bytes(sorted entries: [Entry], inputDigest: String, version: String, site: DeploymentSite) -> [UInt8] {
        text(sorted: entries, inputDigest: inputDigest, version: version, site: site).bytes
    }

    /// `bytes(sorted:…)` with where each entry sits in them, so that the next build of the same
    /// files can patch it (`ManifestText.patched`).
    public static func text(sorted entries: [Entry], inputDigest: String, version: String, site: DeploymentSite) -> ManifestText {
        let totalSize = entries.reduce(0) { $0 + $1.size }
        var bytes = header(count: entries.count, totalSize: totalSize, inputDigest: inputDigest, version: version, site: site)
        bytes.reserveCapacity(entries.count * 170 + 512)
        let body = bytes.count
        var ends: [Int] = []
        ends.reserveCapacity(entries.count)
        var types = MediaTypes()
        for (number, entry) in entries.enumerated() {
            if number > 0 { bytes += Self.separator }
            appendEntry(entry, types: &types, to: &bytes)
            ends.append(bytes.count)
        }
        bytes += Self.footer
        return ManifestText(bytes: bytes, body: body, ends: ends, entries: entries)
    }

    /// The manifest's opening, up to the first entry.
    static func header(count: Int, totalSize: Int, inputDigest: String, version: String, site: DeploymentSite) -> [UInt8] {
        Array(
            """
            {
              "generator": "nianbao \(version)",
              "site": \(quoted(site.domain)),
              "base_path": \(quoted(site.basePath)),
              "input_sha256": "\(inputDigest)",
              "file_count": \(count),
              "total_size": \(totalSize),
              "files": [

            """.utf8)
    }

    /// One entry: `    {"path": …, "size": …, "sha256": "…", "type": …}`.
    static func appendEntry(_ entry: Entry, types: inout MediaTypes, to bytes: inout [UInt8]) {
        bytes += Self.pathKey
        var path = entry.path
        path.withUTF8 { utf8 in
            appendQuoted(utf8, to: &bytes)
            bytes += Self.sizeKey
            appendDecimal(entry.size, to: &bytes)
            bytes += Self.digestKey
            append(entry.sha256, to: &bytes)
            bytes += Self.typeKey
            bytes += types.quoted(of: utf8, path: entry.path)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    // The fixed parts of an entry's line, as bytes once.
    static let separator = Array(",\n".utf8)
    static let footer = Array("\n  ]\n}\n".utf8)
    private static let pathKey = Array("    {\"path\": ".utf8)
    private static let sizeKey = Array(", \"size\": ".utf8)
    private static let digestKey = Array(", \"sha256\": \"".utf8)
    private static let typeKey = Array("\", \"type\": ".utf8)

    /// Each extension's media type, quoted, looked up once (`ContentType.of`): a site has a
    /// dozen kinds of file and 100,000 files.
    struct MediaTypes {
        private var known: [(extension: [UInt8], quoted: [UInt8])] = []
        private static let feed = Array(ContentType.feed.file.utf8)

        mutating func quoted(of utf8: UnsafeBufferPointer<UInt8>, path: String) -> [UInt8] {
            let name = utf8[(utf8.lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0)...]
            guard let dot = name.lastIndex(of: UInt8(ascii: ".")), !name.elementsEqual(Self.feed) else { return Self.quote(path) }
            let found = name[(dot + 1)...]
            if let type = known.first(where: { $0.extension.elementsEqual(found) }) { return type.quoted }
            let quoted = Self.quote(path)
            known.append((Array(found), quoted))
            return quoted
        }

        private static func quote(_ path: String) -> [UInt8] {
            var quoted: [UInt8] = []
            var type = ContentType.of(path)
            type.withUTF8 { Manifest.appendQuoted($0, to: &quoted) }
            return quoted
        }
    }

    /// Appends the UTF-8 of `text` in one copy.
    private static func append(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// `utf8` as a JSON string: paths seldom hold a quote or a backslash, and then the bytes go
    /// over in one copy.
    fileprivate static func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        if utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") }) {
            for byte in utf8 {
                if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\"") { bytes.append(UInt8(ascii: "\\")) }
                bytes.append(byte)
            }
        } else {
            bytes.append(contentsOf: utf8)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        guard value >= 0 else {
            bytes += String(value).utf8
            return
        }
        let start = bytes.count
        var rest = value
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        bytes[start...].reverse()
    }

    static func quoted(_ text: String) -> String {
        // Paths seldom hold a quote or a backslash; Foundation's replacingOccurrences is slow.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") }) else { return "\"" + text + "\"" }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
