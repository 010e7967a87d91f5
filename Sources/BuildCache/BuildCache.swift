import ByteCoding
import CZlib
import Diagnostics
import Foundation
import Publish
import SiteBuilder
import Synchronization

/// The incremental-build cache of one output folder, in `.nianbao-cache/<key>/` under the site
/// root (ignored by git; safe to delete: the next build is a full one). `cache.bin` holds one
/// record per report plus what the site-wide pages and the link check need; `tokens.bin` the
/// search tokens, read only for reports rendered again.
///
/// Nothing in it is trusted blindly: a file that is truncated, fails its CRC-32, was written by
/// another format or nianbao version, or describes another configuration, theme or output
/// folder state is ignored, and the build is a full one.
public struct BuildCache: Sendable {
    /// nianbao version, build options, configuration, theme and fonts (`BuildSettings`).
    public var settings: String
    /// The id written in the output folder's marker by the build this cache describes.
    public var buildID: String
    /// `BuildSettings.validationKey` when it was written: `check` reuses findings under it.
    public var validationKey: String = ""
    /// Report folders in site order.
    public var order: [String]
    public private(set) var reports: [String: CachedReport]
    /// Each record as it was read, written back as is while it is not replaced.
    private var raw: [String: Range<Int>] = [:]
    private var rawBytes: [UInt8] = []
    /// The agency.yaml files.
    public var agencyInputs: [String: CachedInput]
    /// The files not made by a report.
    public var siteFiles: [Manifest.Entry]
    public var links: LinkRecord
    /// What each group of site-wide pages was made from (`BuildResult.digests`).
    public var digests: [String: String] = [:]
    /// The findings of the rules across years, by agency, where there are any: an agency whose
    /// reports are all unchanged keeps them.
    public var crossYear: [String: [Finding]] = [:]

    public init(
        settings: String, buildID: String, order: [String], reports: [String: CachedReport], agencyInputs: [String: CachedInput],
        siteFiles: [Manifest.Entry], links: LinkRecord
    ) {
        self.settings = settings
        self.buildID = buildID
        self.order = order
        self.reports = reports
        self.agencyInputs = agencyInputs
        self.siteFiles = siteFiles
        self.links = links
    }

    /// Replaces one report's record.
    public mutating func update(_ record: CachedReport) {
        reports[record.folder] = record
        raw[record.folder] = nil
    }

    /// Drops records of reports no longer in `order`.
    public mutating func prune() {
        // Usually there is nothing to drop: looking is cheaper than rebuilding two dictionaries.
        if reports.count == order.count && raw.count <= order.count && order.allSatisfy({ reports[$0] != nil }) { return }
        let kept = Set(order)
        reports = reports.filter { kept.contains($0.key) }
        raw = raw.filter { kept.contains($0.key) }
    }

    static let magic = Array("nianbao build cache\n".utf8)
    static let journalMagic = Array("nianbao build cache journal\n".utf8)
    static let format = 9

    /// The base file this cache was read from, as the journal names it: its size and CRC-32.
    private var base: (size: Int, checksum: UInt32)?

    /// Why a cache was not used.
    public struct Unusable: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// `.nianbao-cache/<key>` under `root`, the key derived from the output folder's path, so
    /// that `build -o A`, `build -o B` and `serve` each keep their own.
    public static func folder(root: URL, output: URL) -> URL {
        let key = String(SHA256.hex(Data(output.standardizedFileURL.path.utf8)).prefix(16))
        return root.appendingPathComponent(".nianbao-cache").appendingPathComponent(key)
    }

    /// Reads the cache in `folder`: `cache.bin`, then `journal.bin` when it was written over
    /// that very file (a journal left from before the base was rewritten is ignored).
    public static func load(from folder: URL) -> Result<BuildCache, Unusable> {
        guard let bytes = CacheFile.read(folder.appendingPathComponent("cache.bin").path) else {
            return .failure(Unusable(description: "no cache"))
        }
        guard let (body, stored) = unseal(bytes, magic: magic) else { return .failure(Unusable(description: "not a cache file")) }
        guard checksum(body) == stored else { return .failure(Unusable(description: "checksum mismatch (damaged)")) }
        var reader = ByteReader(bytes, offset: magic.count)
        var cache: BuildCache
        do throws(ByteReader.Malformed) {
            guard try reader.int() == format else { return .failure(Unusable(description: "another cache format")) }
            cache = BuildCache(settings: "", buildID: "", order: [], reports: [:], agencyInputs: [:], siteFiles: [], links: LinkRecord())
            try cache.readHead(&reader)
            guard let records = try readRecords(&reader, in: bytes) else {
                return .failure(Unusable(description: "malformed record"))
            }
            cache.reports.reserveCapacity(records.count)
            cache.raw.reserveCapacity(records.count)
            for (record, range) in records {
                cache.reports[record.folder] = record
                cache.raw[record.folder] = range
            }
            try cache.readTail(&reader)
            guard reader.offset == bytes.count - 4 else { return .failure(Unusable(description: "trailing bytes")) }
        } catch {
            return .failure(Unusable(description: "malformed at byte \(error.offset)"))
        }
        cache.rawBytes = bytes
        cache.base = (bytes.count, stored)
        return cache.applyJournal(in: folder)
    }

    /// The records written since the base file, with the site-wide parts as they are now.
    private func applyJournal(in folder: URL) -> Result<BuildCache, Unusable> {
        guard let bytes = CacheFile.read(folder.appendingPathComponent("journal.bin").path) else { return .success(self) }
        guard let (body, stored) = Self.unseal(bytes, magic: Self.journalMagic), Self.checksum(body) == stored else {
            return .failure(Unusable(description: "journal damaged"))
        }
        var cache = self
        var reader = ByteReader(bytes, offset: Self.journalMagic.count)
        do throws(ByteReader.Malformed) {
            guard try reader.int() == Self.format else { return .failure(Unusable(description: "another cache format")) }
            guard try reader.int() == base?.size, try reader.int() == Int(base?.checksum ?? 0) else { return .success(self) }
            try cache.readHead(&reader)
            guard let records = try Self.readRecords(&reader, in: bytes) else {
                return .failure(Unusable(description: "malformed record in the journal"))
            }
            for (record, _) in records { cache.update(record) }
            try cache.readTail(&reader)
            guard reader.offset == bytes.count - 4 else { return .failure(Unusable(description: "trailing bytes in the journal")) }
        } catch {
            return .failure(Unusable(description: "journal malformed at byte \(error.offset)"))
        }
        return .success(cache)
    }

    private mutating func readHead(_ reader: inout ByteReader) throws(ByteReader.Malformed) {
        settings = try reader.string()
        buildID = try reader.string()
        validationKey = try reader.string()
        order = try reader.array()
    }

    private mutating func readTail(_ reader: inout ByteReader) throws(ByteReader.Malformed) {
        agencyInputs = [:]
        for input in try reader.array(of: CachedInput.self) { agencyInputs[input.label] = input }
        siteFiles = try reader.array()
        links = try reader.value()
        digests = [:]
        for _ in 0..<(try reader.count()) { digests[try reader.string()] = try reader.string() }
        crossYear = [:]
        for _ in 0..<(try reader.count()) { crossYear[try reader.string()] = try reader.array(of: Finding.self) }
    }

    /// Records framed by their length, decoded in parallel; nil when one is malformed.
    private static func readRecords(
        _ reader: inout ByteReader, in bytes: [UInt8]
    ) throws(ByteReader.Malformed) -> [(CachedReport, Range<Int>)]? {
        var ranges: [Range<Int>] = []
        for _ in 0..<(try reader.count()) {
            let length = try reader.count()
            let start = reader.offset
            _ = try reader.raw(length)
            ranges.append(start..<start + length)
        }
        let decoded = Mutex([CachedReport?](repeating: nil, count: ranges.count))
        let framed = ranges
        DispatchQueue.concurrentPerform(iterations: framed.count) { index in
            var record = ByteReader(bytes, range: framed[index])
            guard let report = try? record.value(CachedReport.self), record.isAtEnd else { return }
            decoded.withLock { $0[index] = report }
        }
        var records: [(CachedReport, Range<Int>)] = []
        records.reserveCapacity(ranges.count)
        for (range, report) in zip(ranges, decoded.withLock { $0 }) {
            guard let report else { return nil }
            records.append((report, range))
        }
        return records
    }

    /// Writes the cache. When it was read from a base file and few records changed since, only
    /// those go to `journal.bin` (a few kilobytes, against 60 MB for `cache.bin` at 20,000
    /// reports); otherwise `cache.bin` is written whole and the journal removed. Each file is
    /// written to a temporary name, then renamed, so a reader never sees half of it. Returns the
    /// cache as `load` would now read it back, for a process that builds again (the preview
    /// server) and keeps it instead of reading it.
    @discardableResult
    public func save(to folder: URL) throws -> BuildCache {
        try CacheFolders.makeFolder(folder)
        let changed = order.filter { raw[$0] == nil }
        if let base, changed.count <= max(64, order.count / 8) {
            var writer = ByteWriter(capacity: 4096 * (changed.count + 16))
            writer.write(raw: Self.journalMagic)
            writer.write(Self.format)
            writer.write(base.size)
            writer.write(Int(base.checksum))
            writeHead(&writer)
            writeRecords(changed, to: &writer)
            writeTail(&writer)
            try Self.replace(folder.appendingPathComponent("journal.bin"), with: Self.sealed(writer.bytes, magic: Self.journalMagic))
            return self
        }
        var writer = ByteWriter(capacity: 4096 * max(order.count, 1))
        writer.write(raw: Self.magic)
        writer.write(Self.format)
        writeHead(&writer)
        let ranges = writeRecords(order, to: &writer)
        writeTail(&writer)
        let bytes = Self.sealed(writer.bytes, magic: Self.magic)
        try Self.replace(folder.appendingPathComponent("cache.bin"), with: bytes)
        // The journal names the base it was written over, so a stale one would be ignored anyway.
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("journal.bin"))
        // The new base: every record is now kept as written.
        var written = self
        written.rawBytes = bytes
        written.raw = Dictionary(zip(order, ranges), uniquingKeysWith: { first, _ in first })
        written.base = (bytes.count, Self.checksum(bytes[Self.magic.count..<bytes.count - 4]))
        return written
    }

    private func writeHead(_ writer: inout ByteWriter) {
        writer.write(settings)
        writer.write(buildID)
        writer.write(validationKey)
        writer.write(order)
    }

    /// New records are encoded in parallel; kept ones are copied as they were read. Returns
    /// where each record's bytes went.
    @discardableResult
    private func writeRecords(_ folders: [String], to writer: inout ByteWriter) -> [Range<Int>] {
        writer.write(folders.count)
        let reports = self.reports
        let raw = self.raw
        let encoded = Mutex([[UInt8]?](repeating: nil, count: folders.count))
        DispatchQueue.concurrentPerform(iterations: folders.count) { index in
            guard raw[folders[index]] == nil, let report = reports[folders[index]] else { return }
            var record = ByteWriter(capacity: 4096)
            record.write(report)
            encoded.withLock { $0[index] = record.bytes }
        }
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(folders.count)
        for (folder, bytes) in zip(folders, encoded.withLock { $0 }) {
            if let bytes {
                writer.write(bytes.count)
                ranges.append(writer.bytes.count..<writer.bytes.count + bytes.count)
                writer.write(raw: bytes)
            } else if let range = raw[folder] {
                writer.write(range.count)
                ranges.append(writer.bytes.count..<writer.bytes.count + range.count)
                writer.write(raw: rawBytes[range])
            }
        }
        return ranges
    }

    private func writeTail(_ writer: inout ByteWriter) {
        writer.write(agencyInputs.keys.sorted().map { agencyInputs[$0]! })
        writer.write(siteFiles)
        writer.write(links)
        writer.write(digests.count)
        for key in digests.keys.sorted() {
            writer.write(key)
            writer.write(digests[key]!)
        }
        writer.write(crossYear.count)
        for slug in crossYear.keys.sorted() {
            writer.write(slug)
            writer.write(crossYear[slug]!)
        }
    }

    /// `bytes` (starting with `magic`) followed by the CRC-32 of all but the magic.
    private static func sealed(_ bytes: [UInt8], magic: [UInt8]) -> [UInt8] {
        var bytes = bytes
        let sum = checksum(bytes[magic.count...])
        bytes += [UInt8(sum >> 24), UInt8(sum >> 16 & 0xFF), UInt8(sum >> 8 & 0xFF), UInt8(sum & 0xFF)]
        return bytes
    }

    /// The body between the magic and the CRC-32, and the CRC-32 stored; nil without the magic.
    private static func unseal(_ bytes: [UInt8], magic: [UInt8]) -> (ArraySlice<UInt8>, UInt32)? {
        guard bytes.count > magic.count + 4, bytes.starts(with: magic) else { return nil }
        let stored = bytes[(bytes.count - 4)...].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return (bytes[magic.count..<bytes.count - 4], stored)
    }

    private static func replace(_ file: URL, with bytes: [UInt8]) throws {
        let temporary = file.deletingLastPathComponent().appendingPathComponent(
            file.lastPathComponent + ".\(ProcessInfo.processInfo.processIdentifier)")
        try CacheFile.write(bytes, to: temporary.path)
        guard rename(temporary.path, file.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown)
        }
    }

    /// The CRC-32 the file ends with, for tests that forge a file with a valid one.
    public static func checksumForTesting(_ bytes: ArraySlice<UInt8>) -> UInt32 { checksum(bytes) }

    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
    }
}
