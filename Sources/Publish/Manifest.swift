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

    public static func json(_ entries: [Entry], inputDigest: String, version: String, site: DeploymentSite) -> String {
        // One string grown in place: 100,000 entries at 20,000 reports.
        var files = ""
        files.reserveCapacity(entries.count * 150)
        // Positions are sorted, not the entries: moving an entry's strings cost more than
        // comparing. The builder passes them sorted already: then checking is enough.
        let inOrder = zip(entries, entries.dropFirst()).allSatisfy { $0.path <= $1.path }
        let order = inOrder ? Array(entries.indices) : entries.indices.sorted { entries[$0].path < entries[$1].path }
        for (number, index) in order.enumerated() {
            let entry = entries[index]
            if number > 0 { files += ",\n" }
            files += "    {\"path\": "
            files += quoted(entry.path)
            files += ", \"size\": "
            files += String(entry.size)
            files += ", \"sha256\": \""
            files += entry.sha256
            files += "\", \"type\": "
            files += quoted(ContentType.of(entry.path))
            files += "}"
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
            \(files)
              ]
            }

            """
    }

    static func quoted(_ text: String) -> String {
        // Paths seldom hold a quote or a backslash; Foundation's replacingOccurrences is slow.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") }) else { return "\"" + text + "\"" }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
