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
        json(sorted: PathOrder.sortedIndices(entries.map(\.path)).map { entries[$0] }, inputDigest: inputDigest, version: version, site: site)
    }

    /// The manifest of `entries`, which are in path order already (`PathOrder`), as the builder
    /// has them: checking the order of 100,000 paths again cost more than writing them.
    public static func json(sorted entries: [Entry], inputDigest: String, version: String, site: DeploymentSite) -> String {
        // Bytes grown in place, no string made per entry: 100,000 entries at 20,000 reports.
        var files: [UInt8] = []
        files.reserveCapacity(entries.count * 160)
        for (number, entry) in entries.enumerated() {
            if number > 0 { files += ",\n".utf8 }
            files += "    {\"path\": ".utf8
            appendQuoted(entry.path, to: &files)
            files += ", \"size\": ".utf8
            appendDecimal(entry.size, to: &files)
            files += ", \"sha256\": \"".utf8
            files += entry.sha256.utf8
            files += "\", \"type\": ".utf8
            appendQuoted(ContentType.of(entry.path), to: &files)
            files += "}".utf8
        }
        return """
            {
              "generator": "nianbao \(version)",
              "site": \(quoted(site.domain)),
              "base_path": \(quoted(site.basePath)),
              "input_sha256": "\(inputDigest)",
              "file_count": \(entries.count),
              "total_size": \(entries.reduce(0) { $0 + $1.size }),
              "files": [
            \(String(decoding: files, as: UTF8.self))
              ]
            }

            """
    }

    private static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\"") { bytes.append(UInt8(ascii: "\\")) }
            bytes.append(byte)
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
