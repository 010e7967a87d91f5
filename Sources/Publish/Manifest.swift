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
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * 170 + 512)
        bytes += """
            {
              "generator": "nianbao \(version)",
              "site": \(quoted(site.domain)),
              "base_path": \(quoted(site.basePath)),
              "input_sha256": "\(inputDigest)",
              "file_count": \(entries.count),
              "total_size": \(entries.reduce(0) { $0 + $1.size }),
              "files": [

            """.utf8
        // The media type of the last extension seen, quoted: files of one kind come in runs.
        var lastType: (path: String, quoted: [UInt8])?
        for (number, entry) in entries.enumerated() {
            if number > 0 { bytes += ",\n".utf8 }
            bytes += "    {\"path\": ".utf8
            appendQuoted(entry.path, to: &bytes)
            bytes += ", \"size\": ".utf8
            appendDecimal(entry.size, to: &bytes)
            bytes += ", \"sha256\": \"".utf8
            append(entry.sha256, to: &bytes)
            bytes += "\", \"type\": ".utf8
            if lastType == nil || !sameExtension(lastType!.path, entry.path) {
                var quoted: [UInt8] = []
                appendQuoted(ContentType.of(entry.path), to: &quoted)
                lastType = (entry.path, quoted)
            }
            bytes += lastType!.quoted
            bytes += "}".utf8
        }
        bytes += "\n  ]\n}\n".utf8
        return bytes
    }

    /// Whether two paths end in the same file extension, and neither is the feed (whose type is
    /// its own): then they have the same media type.
    private static func sameExtension(_ a: String, _ b: String) -> Bool {
        let (x, y) = (a.utf8, b.utf8)
        guard let dotX = x.lastIndex(of: UInt8(ascii: ".")), let dotY = y.lastIndex(of: UInt8(ascii: ".")) else { return false }
        let (extX, extY) = (x[dotX...], y[dotY...])
        return !extX.contains(UInt8(ascii: "/")) && extX.elementsEqual(extY) && !a.hasSuffix(ContentType.feed.file)
            && !b.hasSuffix(ContentType.feed.file)
    }

    /// Appends the UTF-8 of `text` in one copy.
    private static func append(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    private static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            // Paths seldom hold a quote or a backslash: then the bytes go over in one copy.
            guard utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") }) else {
                bytes.append(contentsOf: utf8)
                return
            }
            for byte in utf8 {
                if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\"") { bytes.append(UInt8(ascii: "\\")) }
                bytes.append(byte)
            }
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
