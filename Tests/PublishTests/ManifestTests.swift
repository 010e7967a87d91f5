import Foundation
import Publish
import Testing

/// `deploy/manifest.json` as a deployment script reads it: valid JSON, every file once, in path
/// order, with its media type, whatever characters the paths hold.
@Suite struct ManifestTests {
    @Test("entries come out sorted, escaped and typed, the feed with its own type amid other XML")
    func entries() throws {
        let entries = [
            Manifest.Entry(path: "sitemap.xml", size: 10, sha256: "aa"), Manifest.Entry(path: "feed.xml", size: 2, sha256: "bb"),
            Manifest.Entry(path: "a/2020/index.html", size: 3, sha256: "cc"), Manifest.Entry(path: "a/say \"hi\"\\.html", size: 4, sha256: "dd"),
            Manifest.Entry(path: "a/2020/data.csv", size: 5, sha256: "ee"), Manifest.Entry(path: "a/2020/print.html", size: 6, sha256: "ff"),
            Manifest.Entry(path: "a/中文.HTML", size: 7, sha256: "00"),
        ]
        let text = Manifest.json(
            entries, inputDigest: "11", version: "1.0", site: DeploymentSite(name: "站", domain: "www.example.gov.cn", basePath: "/"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(files.map { $0["path"] as? String } == entries.map(\.path).sorted())
        #expect(object["file_count"] as? Int == 7 && object["total_size"] as? Int == 37)
        let types = Dictionary(uniqueKeysWithValues: files.map { ($0["path"] as! String, $0["type"] as! String) })
        for entry in entries { #expect(types[entry.path] == ContentType.of(entry.path), "\(entry.path)") }
        #expect(types["feed.xml"] != types["sitemap.xml"])
    }
}
