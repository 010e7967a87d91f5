import BuildCache
import ByteCoding
import Diagnostics
import Foundation
import Publish
import SiteBuilder
import SiteModel
import Testing

/// The cache file is read back exactly as written, and nothing else is accepted: damage of any
/// kind is reported as unusable, never trusted and never a crash.
@Suite struct CacheFileTests {
    /// A cache of the shipped site's first report, as a build would keep it.
    static func sampleCache() throws -> BuildCache {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let site = try SiteLoader.load(root: root)
        let agency = try #require(site.agencies.first)
        let report = try #require(agency.reports.first)
        let finding = Finding(
            rule: "arith-row-total", severity: .error, message: "合计不符", gist: "row total", location: SourceLocation(file: report.tablesFile, line: 3, column: 5),
            cell: "requests.received.total", expected: "53", found: "52", terms: ["一 38", "二 15"], hint: nil)
        let artifacts = ReportArtifacts(
            jsonForAll: "{\"id\": 1}", csvRows: "a,b\r\n", files: [Manifest.Entry(path: "a/2020/index.html", size: 12, sha256: "ab")],
            printFindings: [finding], listing: ReportArtifacts.listing(of: "{\"url\": \"a/2020/\"}"))
        let record = CachedReport(
            folder: report.folder, inputs: [CachedInput.read(report.reportFile, in: SiteDirectory(root.path), previous: nil)],
            agency: CachedReport.agencyIdentity(agency), summary: report.keeping(cells: SiteBuilder.listedCells), findings: [finding],
            artifacts: artifacts, tokens: 10..<20)
        var links = LinkRecord()
        links.findings["x/index.html"] = [finding]
        return BuildCache(
            settings: "s", buildID: "b", order: [report.folder], reports: [report.folder: record], agencyInputs: [:],
            siteFiles: [Manifest.Entry(path: "index.html", size: 3, sha256: "cd")], links: links)
    }

    func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("a named pipe in place of cache.bin or journal.bin is no cache, at once, not a build waiting forever")
    func namedPipeIsNoCache() throws {
        for name in ["cache.bin", "journal.bin"] {
            let folder = try scratch()
            defer { try? FileManager.default.removeItem(at: folder) }
            if name == "journal.bin" { _ = try Self.sampleCache().save(to: folder) }
            #expect(mkfifo(folder.appendingPathComponent(name).path, 0o644) == 0)
            // On another thread, so that a read that blocks fails the test instead of hanging it.
            let done = DispatchSemaphore(value: 0)
            let path = folder.appendingPathComponent(name).path
            Thread.detachNewThread {
                _ = CacheFile.read(path)
                _ = BuildCache.load(from: URL(fileURLWithPath: path).deletingLastPathComponent())
                done.signal()
            }
            #expect(done.wait(timeout: .now() + 20) == .success, "reading a FIFO \(name) blocked")
        }
    }

    @Test("a saved cache loads with the same records, findings and summary")
    func roundTrip() throws {
        let cache = try Self.sampleCache()
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try cache.save(to: folder)
        let loaded = try BuildCache.load(from: folder).get()
        let folderName = try #require(cache.order.first)
        let (before, after) = (try #require(cache.reports[folderName]), try #require(loaded.reports[folderName]))
        #expect(after.findings == before.findings && after.artifacts == before.artifacts && after.inputs == before.inputs)
        #expect(after.summary.frontMatter["published"]?.value == before.summary.frontMatter["published"]?.value)
        let cells = Array(SiteBuilder.listedCells)
        #expect(cells.map { after.summary.tables?[$0] } == cells.map { before.summary.tables?[$0] })
        #expect(loaded.links == cache.links && loaded.siteFiles == cache.siteFiles && loaded.buildID == "b")
    }

    @Test("every truncation and every flipped byte is reported as unusable")
    func damage() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.sampleCache().save(to: folder)
        let file = folder.appendingPathComponent("cache.bin")
        try Self.expectEveryDamageRejected(in: file, samples: 97)
    }

    /// Writes `file` cut short and with single bytes flipped, at `samples` places each, and
    /// records an issue for the first version the cache accepts; the file is restored afterwards.
    static func expectEveryDamageRejected(in file: URL, samples: Int) throws {
        let bytes = try Data(contentsOf: file)
        defer { try? bytes.write(to: file) }
        let folder = file.deletingLastPathComponent()
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / samples)) {
            try bytes.prefix(length).write(to: file)
            guard case .failure = BuildCache.load(from: folder) else {
                Issue.record("\(file.lastPathComponent) cut to \(length) bytes was accepted")
                return
            }
        }
        for offset in stride(from: 0, to: bytes.count, by: max(1, bytes.count / samples)) {
            var damaged = bytes
            damaged[offset] ^= 0x20
            try damaged.write(to: file)
            guard case .failure = BuildCache.load(from: folder) else {
                Issue.record("\(file.lastPathComponent) with byte \(offset) changed was accepted")
                return
            }
        }
    }

    @Test("malformed records behind a valid checksum are rejected, not trusted")
    func malformedBody() throws {
        // Every prefix of a valid record, decoded on its own, throws instead of reading past the end.
        let record = try #require(try Self.sampleCache().reports.values.first)
        var writer = ByteWriter()
        writer.write(record)
        for length in 0..<writer.bytes.count {
            var reader = ByteReader(Array(writer.bytes.prefix(length)))
            #expect(throws: ByteReader.Malformed.self) { _ = try reader.value(CachedReport.self) }
        }
        // Random bytes with a correct checksum: rejected as malformed.
        var generator = SystemRandomNumberGenerator()
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        for _ in 0..<200 {
            let body: [UInt8] = [1] + (0..<Int.random(in: 0..<64, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            try Data(Self.framed(body)).write(to: folder.appendingPathComponent("cache.bin"))
            guard case .failure = BuildCache.load(from: folder) else {
                Issue.record("random body \(body) was accepted")
                return
            }
        }
    }

    /// The sample's record under `count` folders, as a site of that many reports would keep them.
    static func cache(ofReports count: Int) throws -> BuildCache {
        let sample = try sampleCache()
        let record = try #require(sample.reports.values.first)
        var reports: [String: CachedReport] = [:]
        for number in 0..<count {
            let folder = "Content/a\(number)/2024"
            reports[folder] = record.moved(to: folder, findings: record.findings)
        }
        return BuildCache(
            settings: "s", buildID: "b0", order: reports.keys.sorted(), reports: reports, agencyInputs: [:], siteFiles: sample.siteFiles,
            links: sample.links)
    }

    @Test("an incremental save writes only the changed records, to journal.bin; cache.bin stays as it was")
    func journal() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.cache(ofReports: 200).save(to: folder)
        let base = try Data(contentsOf: folder.appendingPathComponent("cache.bin"))
        var cache = try BuildCache.load(from: folder).get()
        // Two builds, each changing a report: the journal holds both.
        for (build, name) in [(1, "Content/a7/2024"), (2, "Content/a9/2024")] {
            let old = try #require(cache.reports[name])
            cache.update(old.moved(to: name, findings: []))
            cache.buildID = "b\(build)"
            try cache.save(to: folder)
            #expect(try Data(contentsOf: folder.appendingPathComponent("cache.bin")) == base)
            cache = try BuildCache.load(from: folder).get()
            #expect(cache.buildID == "b\(build)")
        }
        #expect(cache.reports["Content/a7/2024"]?.findings == [] && cache.reports["Content/a9/2024"]?.findings == [])
        #expect(cache.reports["Content/a8/2024"]?.findings.count == 1 && cache.reports.count == 200)
        let journal = try Data(contentsOf: folder.appendingPathComponent("journal.bin"))
        #expect(journal.count * 20 < base.count)

        // A journal written over another base is ignored: the base is read as it is.
        var rewritten = try Self.cache(ofReports: 200)
        rewritten.buildID = "b3"
        try rewritten.save(to: folder)
        try journal.write(to: folder.appendingPathComponent("journal.bin"))
        #expect(try BuildCache.load(from: folder).get().buildID == "b3")
    }

    @Test("a damaged or cut journal makes the cache unusable; many changes rewrite cache.bin and remove the journal")
    func journalDamageAndCompaction() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.cache(ofReports: 200).save(to: folder)
        var cache = try BuildCache.load(from: folder).get()
        cache.update(try #require(cache.reports["Content/a1/2024"]).moved(to: "Content/a1/2024", findings: []))
        try cache.save(to: folder)
        let file = folder.appendingPathComponent("journal.bin")
        try Self.expectEveryDamageRejected(in: file, samples: 41)
        cache = try BuildCache.load(from: folder).get()
        for number in 0..<100 {
            let name = "Content/a\(number)/2024"
            cache.update(try #require(cache.reports[name]).moved(to: name, findings: []))
        }
        cache.buildID = "b-full"
        try cache.save(to: folder)
        #expect(!FileManager.default.fileExists(atPath: file.path))
        let loaded = try BuildCache.load(from: folder).get()
        #expect(loaded.buildID == "b-full" && loaded.reports.values.filter { $0.findings.isEmpty }.count == 100)
    }

    /// A cache file around `body`: the magic line, the body, its CRC-32.
    static func framed(_ body: [UInt8]) -> [UInt8] {
        let magic = Array("nianbao build cache\n".utf8)
        let sum = BuildCache.checksumForTesting(body[...])
        return magic + body + [UInt8(sum >> 24), UInt8(sum >> 16 & 0xFF), UInt8(sum >> 8 & 0xFF), UInt8(sum & 0xFF)]
    }
}

extension CachedReport {
    /// This record for another folder, with other findings.
    func moved(to folder: String, findings: [Finding]) -> CachedReport {
        CachedReport(
            folder: folder, inputs: inputs, agency: agency, summary: summary, findings: findings, artifacts: artifacts, tokens: tokens)
    }
}
