/// The media type each kind of published file is served with: one table for the manifest, the
/// server configurations and the preview server.
public enum ContentType {
    /// By file extension; text types carry `charset=utf-8`.
    public static let byExtension: [(extension: String, type: String)] = [
        ("html", "text/html; charset=utf-8"), ("css", "text/css; charset=utf-8"),
        ("js", "text/javascript; charset=utf-8"), ("json", "application/json; charset=utf-8"),
        ("csv", "text/csv; charset=utf-8"), ("pdf", "application/pdf"), ("xml", "application/xml; charset=utf-8"),
        ("txt", "text/plain; charset=utf-8"), ("md", "text/markdown; charset=utf-8"), ("conf", "text/plain; charset=utf-8"),
        ("svg", "image/svg+xml"), ("png", "image/png"), ("jpg", "image/jpeg"), ("ico", "image/x-icon"),
        ("woff2", "font/woff2"),
    ]

    /// The Atom feed is XML of its own type.
    public static let feed = (file: "feed.xml", type: "application/atom+xml; charset=utf-8")

    public static func of(_ path: String) -> String {
        // On bytes: the manifest asks this for every one of 100,000 files.
        let bytes = path.utf8
        let name = bytes.lastIndex(of: UInt8(ascii: "/")).map { bytes[bytes.index(after: $0)...] } ?? bytes[...]
        if name.elementsEqual(feed.file.utf8) { return feed.type }
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")) else { return "application/octet-stream" }
        let ext = name[name.index(after: dot)...].map { (65...90).contains($0) ? $0 + 32 : $0 }
        return byExtension.first { $0.extension.utf8.elementsEqual(ext) }?.type ?? "application/octet-stream"
    }
}
