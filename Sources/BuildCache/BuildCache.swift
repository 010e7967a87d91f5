import ByteCoding
import CZlib
import Foundation
import Publish
import SiteBuilder

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
    /// Report folders in site order.
    public var order: [String]
    public var reports: [String: CachedReport]
    /// The agency.yaml files.
    public var agencyInputs: [String: CachedInput]
    /// The files not made by a report.
    public var siteFiles: [Manifest.Entry]
    public var links: LinkRecord

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

    static let magic = Array("nianbao build cache\n".utf8)
    static let format = 1

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
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("cache.bin").path) else {
            return .failure(Unusable(description: "no cache"))
        }
        let bytes = [UInt8](data)
        guard bytes.count > magic.count + 4, bytes.starts(with: magic) else { return .failure(Unusable(description: "not a cache file")) }
        let body = bytes[magic.count..<bytes.count - 4]
        let stored = bytes[(bytes.count - 4)...].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard checksum(body) == stored else { return .failure(Unusable(description: "checksum mismatch (damaged)")) }
        var reader = ByteReader(bytes, offset: magic.count)
        do throws(ByteReader.Malformed) {
            guard try reader.int() == format else { return .failure(Unusable(description: "another cache format")) }
            let settings = try reader.string()
            let buildID = try reader.string()
            let order: [String] = try reader.array()
            var reports: [String: CachedReport] = [:]
            reports.reserveCapacity(order.count)
            for _ in 0..<(try reader.count()) {
                let record = try reader.value(CachedReport.self)
                reports[record.folder] = record
            }
            var agencies: [String: CachedInput] = [:]
            for input in try reader.array(of: CachedInput.self) { agencies[input.label] = input }
            let cache = BuildCache(
                settings: settings, buildID: buildID, order: order, reports: reports, agencyInputs: agencies,
                siteFiles: try reader.array(), links: try reader.value())
            guard reader.offset == bytes.count - 4 else { return .failure(Unusable(description: "trailing bytes")) }
            return .success(cache)
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
        writer.write(order)
        writer.write(order.count)
        for folder in order { writer.write(reports[folder]!) }
        writer.write(agencyInputs.keys.sorted().map { agencyInputs[$0]! })
        writer.write(siteFiles)
        writer.write(links)
        var bytes = writer.bytes
        let sum = Self.checksum(bytes[Self.magic.count...])
        bytes += [UInt8(sum >> 24), UInt8(sum >> 16 & 0xFF), UInt8(sum >> 8 & 0xFF), UInt8(sum & 0xFF)]
        let temporary = folder.appendingPathComponent("cache.bin.\(ProcessInfo.processInfo.processIdentifier)")
        try Data(bytes).write(to: temporary)
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
