import ByteCoding
import CZlib
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
        let kept = Set(order)
        reports = reports.filter { kept.contains($0.key) }
        raw = raw.filter { kept.contains($0.key) }
    }

    static let magic = Array("nianbao build cache\n".utf8)
    static let format = 5

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

    /// Reads the cache in `folder`.
    public static func load(from folder: URL) -> Result<BuildCache, Unusable> {
        guard let bytes = CacheFile.read(folder.appendingPathComponent("cache.bin").path) else {
            return .failure(Unusable(description: "no cache"))
        }
        guard bytes.count > magic.count + 4, bytes.starts(with: magic) else { return .failure(Unusable(description: "not a cache file")) }
        let body = bytes[magic.count..<bytes.count - 4]
        let stored = bytes[(bytes.count - 4)...].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard checksum(body) == stored else { return .failure(Unusable(description: "checksum mismatch (damaged)")) }
        var reader = ByteReader(bytes, offset: magic.count)
        do throws(ByteReader.Malformed) {
            guard try reader.int() == format else { return .failure(Unusable(description: "another cache format")) }
            let settings = try reader.string()
            let buildID = try reader.string()
            let validationKey = try reader.string()
            let order: [String] = try reader.array()
            // Records are framed by their length and decoded in parallel.
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
            var reports: [String: CachedReport] = [:]
            var raw: [String: Range<Int>] = [:]
            reports.reserveCapacity(ranges.count)
            for (range, report) in zip(ranges, decoded.withLock { $0 }) {
                guard let report else { return .failure(Unusable(description: "malformed record at byte \(range.lowerBound)")) }
                reports[report.folder] = report
                raw[report.folder] = range
            }
            var agencies: [String: CachedInput] = [:]
            for input in try reader.array(of: CachedInput.self) { agencies[input.label] = input }
            let cache = BuildCache(
                settings: settings, buildID: buildID, order: order, reports: reports, agencyInputs: agencies,
                siteFiles: try reader.array(), links: try reader.value())
            var digests: [String: String] = [:]
            for _ in 0..<(try reader.count()) { digests[try reader.string()] = try reader.string() }
            guard reader.offset == bytes.count - 4 else { return .failure(Unusable(description: "trailing bytes")) }
            var loaded = cache
            loaded.digests = digests
            loaded.validationKey = validationKey
            loaded.raw = raw
            loaded.rawBytes = bytes
            return .success(loaded)
        } catch {
            return .failure(Unusable(description: "malformed at byte \(error.offset)"))
        }
    }

    /// Writes `cache.bin` (to a temporary file, then renamed, so a reader never sees half of it).
    public func save(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var writer = ByteWriter(capacity: 4096 * max(order.count, 1))
        writer.write(raw: Self.magic)
        writer.write(Self.format)
        writer.write(settings)
        writer.write(buildID)
        writer.write(validationKey)
        writer.write(order)
        writer.write(order.count)
        // New records are encoded in parallel; kept ones are copied as they were read.
        let order = self.order
        let reports = self.reports
        let raw = self.raw
        let encoded = Mutex([[UInt8]?](repeating: nil, count: order.count))
        DispatchQueue.concurrentPerform(iterations: order.count) { index in
            guard raw[order[index]] == nil, let report = reports[order[index]] else { return }
            var record = ByteWriter(capacity: 4096)
            record.write(report)
            encoded.withLock { $0[index] = record.bytes }
        }
        for (folder, bytes) in zip(order, encoded.withLock { $0 }) {
            if let bytes {
                writer.write(bytes.count)
                writer.write(raw: bytes)
            } else if let range = raw[folder] {
                writer.write(range.count)
                writer.write(raw: rawBytes[range])
            }
        }
        writer.write(agencyInputs.keys.sorted().map { agencyInputs[$0]! })
        writer.write(siteFiles)
        writer.write(links)
        writer.write(digests.count)
        for key in digests.keys.sorted() {
            writer.write(key)
            writer.write(digests[key]!)
        }
        var bytes = writer.bytes
        let sum = Self.checksum(bytes[Self.magic.count...])
        bytes += [UInt8(sum >> 24), UInt8(sum >> 16 & 0xFF), UInt8(sum >> 8 & 0xFF), UInt8(sum & 0xFF)]
        let temporary = folder.appendingPathComponent("cache.bin.\(ProcessInfo.processInfo.processIdentifier)")
        try CacheFile.write(bytes, to: temporary.path)
        guard rename(temporary.path, folder.appendingPathComponent("cache.bin").path) == 0 else {
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
