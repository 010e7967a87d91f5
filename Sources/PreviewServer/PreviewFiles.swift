import Foundation
import Publish

/// Maps a request path to a file of the output folder, safely: the site lives under its base path
/// as it will in production; `..` and `.` segments (also percent-encoded), NUL and backslashes are
/// refused; a file reached through a symbolic link that leads outside the folder is not served.
public struct PreviewFiles: Sendable {
    public enum Resolution: Equatable, Sendable {
        case file(path: String, type: String)
        case redirect(String)
        case notFound
        case badRequest
    }

    /// The output folder, with symbolic links resolved.
    public let root: String
    /// `/zfxxgk/ndbg/`
    public let basePath: String

    public init(root: URL, basePath: String) {
        self.root = root.resolvingSymlinksInPath().path
        self.basePath = basePath.hasSuffix("/") ? basePath : basePath + "/"
    }

    public func resolve(_ rawPath: String) -> Resolution {
        let pathOnly = String(rawPath.prefix { $0 != "?" && $0 != "#" })
        if pathOnly == "/" || pathOnly.isEmpty, basePath != "/" { return .redirect(basePath) }
        if pathOnly + "/" == basePath { return .redirect(basePath) }
        guard let decoded = pathOnly.removingPercentEncoding else { return .badRequest }
        guard !decoded.contains("\0"), !decoded.contains("\\") else { return .badRequest }
        let segments = decoded.pathParts()
        guard !segments.contains(where: { $0 == ".." || $0 == "." }) else { return .badRequest }
        guard decoded.hasPrefix(basePath) else { return .notFound }
        var relative = String(decoded.dropFirst(basePath.count))
        if relative.hasPrefix("deploy/") || relative == "deploy" { return .notFound }
        var candidate = root + "/" + relative
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue {
            guard relative.isEmpty || relative.hasSuffix("/") else { return .redirect(pathOnly + "/") }
            relative += "index.html"
            candidate = root + "/" + relative
        }
        // The real file must lie inside the output folder.
        let real = URL(fileURLWithPath: candidate).resolvingSymlinksInPath().path
        guard real.hasPrefix(root + "/"), FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory), !isDirectory.boolValue
        else { return .notFound }
        return .file(path: real, type: ContentType.of(relative))
    }
}
