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

    @Test("a patched manifest is byte for byte the one written afresh; a path it lacks refuses the patch")
    func patched() throws {
        let site = DeploymentSite(name: "站", domain: "www.example.gov.cn", basePath: "/")
        let before = (0..<12).map { Manifest.Entry(path: "a/\($0 < 10 ? "0" : "")\($0).html", size: $0 * 7, sha256: "s\($0)") }
        var after = before
        after[0] = Manifest.Entry(path: before[0].path, size: 123_456, sha256: "first")
        after[5] = Manifest.Entry(path: before[5].path, size: 1, sha256: "middle")
        after[11] = Manifest.Entry(path: before[11].path, size: 99_999_999, sha256: "last")
        let old = Manifest.text(sorted: before, inputDigest: "11", version: "1.0", site: site)
        let once = try #require(old.patched([after[5], after[0]], inputDigest: "22", version: "1.0", site: site))
        let twice = try #require(once.patched([after[11]], inputDigest: "33", version: "1.0", site: site))
        #expect(String(decoding: once.bytes, as: UTF8.self) == Manifest.json(Array(after[0...10]) + [before[11]], inputDigest: "22", version: "1.0", site: site))
        #expect(String(decoding: twice.bytes, as: UTF8.self) == Manifest.json(after, inputDigest: "33", version: "1.0", site: site))
        #expect(old.patched([Manifest.Entry(path: "a/new.html", size: 1, sha256: "x")], inputDigest: "11", version: "1.0", site: site) == nil)
    }

    @Test("a manifest read back patches as the one written does; one with an escaped path or cut short is not read")
    func readBack() throws {
        let site = DeploymentSite(name: "站", domain: "www.example.gov.cn", basePath: "/zfxxgk/")
        let entries = (0..<50).map { Manifest.Entry(path: "a/\(1000 + $0)/index.html", size: $0 * 37, sha256: String(repeating: "ab", count: 32)) }
        let written = Manifest.text(sorted: entries, inputDigest: "11", version: "1.0", site: site)
        let read = try #require(ManifestText(reading: written.bytes))
        #expect(read.paths == entries.map(\.path))
        let changed = [Manifest.Entry(path: "a/1007/index.html", size: 5, sha256: String(repeating: "cd", count: 32))]
        let fromWritten = try #require(written.patched(changed, inputDigest: "22", version: "1.0", site: site))
        let fromRead = try #require(read.patched(changed, inputDigest: "22", version: "1.0", site: site))
        #expect(fromRead.bytes == fromWritten.bytes)
        let empty = Manifest.text(sorted: [], inputDigest: "11", version: "1.0", site: site)
        #expect(ManifestText(reading: empty.bytes)?.paths == [])
        let escaped = Manifest.text(sorted: [Manifest.Entry(path: "a/say \"hi\".html", size: 1, sha256: "aa")], inputDigest: "11", version: "1.0", site: site)
        #expect(ManifestText(reading: escaped.bytes) == nil)
        #expect(ManifestText(reading: Array(written.bytes.dropLast(3))) == nil)
        // Not what `Manifest.text` writes: a size with a leading zero, an empty list followed by more.
        let padded = String(decoding: written.bytes, as: UTF8.self).replacingOccurrences(of: "\"size\": 37,", with: "\"size\": 037,")
        #expect(ManifestText(reading: Array(padded.utf8)) == nil)
        let entriesPart = String(decoding: written.bytes, as: UTF8.self).components(separatedBy: "\"files\": [\n")[1]
        #expect(ManifestText(reading: Array((String(decoding: empty.bytes, as: UTF8.self) + entriesPart).utf8)) == nil)
        #expect(ManifestText(reading: Array(written.bytes[0..<written.bytes.count / 2])) == nil)
    }
}
