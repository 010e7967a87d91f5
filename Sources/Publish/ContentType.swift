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
        if path == feed.file || path.hasSuffix("/" + feed.file) { return feed.type }
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: ".") else { return "application/octet-stream" }
        let ext = name[name.index(after: dot)...].lowercased()
        return byExtension.first { $0.extension == ext }?.type ?? "application/octet-stream"
    }
}
