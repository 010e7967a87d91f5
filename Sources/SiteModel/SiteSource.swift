import Diagnostics
import Foundation

/// The lines of a site's files as written, read again on demand: for a rule that finds something
/// in a value read from YAML (whose quotes, escapes and block indentation the value no longer
/// shows) and must point at the column where it is written. Read as the loader reads them
/// (GB18030 where the site accepts it, CRLF folded).
public struct SiteSource: Sendable {
    public let root: URL
    let options: TextFile.Options

    public init(root: URL, config: SiteConfig) {
        self.root = root
        options = TextFile.Options(config)
    }

    /// The lines of the file at `path` (relative to the root); nil where it cannot be read now.
    public func lines(of path: String) -> [Substring]? {
        let location = root.appendingPathComponent(path).path
        guard case .success(let file) = TextFile.read(location, path: path, options: options) else { return nil }
        return file.text.lineSlices
    }
}
