import Foundation
import Publish
import SiteBuilder

/// What the last build published, read back from the output folder: a withheld report's pages
/// and PDF are published again byte for byte, so the version the office published stays up
/// while the new one waits for its errors to be fixed.
enum PreviousOutput {
    /// The files the output folder's manifest lists under `prefixes` (`<agency>/<year>/`), as
    /// they are on disk, never through a link; none when the folder is not a nianbao build.
    static func files(in output: URL, under prefixes: [String]) -> [OutputFile] {
        guard !prefixes.isEmpty, let manifest = RegularFile.read(under: output.path, "deploy/manifest.json", limit: 1 << 30),
            let object = try? JSONSerialization.jsonObject(with: manifest) as? [String: Any],
            let entries = object["files"] as? [[String: Any]]
        else { return [] }
        return entries.compactMap { entry in
            guard let path = entry["path"] as? String, prefixes.contains(where: { path.utf8.starts(with: $0.utf8) }),
                let contents = RegularFile.read(under: output.path, path)
            else { return nil }
            return OutputFile(path: path, contents: contents)
        }
    }
}
