import Foundation

/// The SHA-256 of everything a build reads: nianbao.yaml, every file under Content/ and the
/// theme folders, each as its path, its length and its bytes, in path order.
public enum InputDigest {
    public static func compute(root: URL, folders: [URL]) -> String {
        var hasher = SHA256()
        var files: [(String, URL)] = []
        let config = root.appendingPathComponent("nianbao.yaml")
        if FileManager.default.fileExists(atPath: config.path) { files.append(("nianbao.yaml", config)) }
        // Theme folders by position, not path: the built-in theme sits in a different place on each machine.
        let themes = folders.enumerated().map { ("theme\($0.offset)", $0.element) }
        for (label, folder) in [("Content", root.appendingPathComponent("Content"))] + themes {
            guard let walker = FileManager.default.enumerator(atPath: folder.path) else { continue }
            while let path = walker.nextObject() as? String {
                let url = folder.appendingPathComponent(path)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    files.append((label + "/" + path, url))
                }
            }
        }
        for (label, url) in files.sorted(by: { $0.0 < $1.0 }) {
            let data = FileManager.default.contents(atPath: url.path) ?? Data()
            hasher.update(Array("\(label)\u{0}\(data.count)\u{0}".utf8))
            hasher.update(data)
        }
        return hasher.finish().map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
