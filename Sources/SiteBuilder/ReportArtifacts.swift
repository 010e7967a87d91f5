import ByteCoding
import Diagnostics
import Publish

/// What one report contributed to a build, beyond what its (cached) front matter and cells
/// give: enough to rebuild the site's indexes without rendering the report again.
public struct ReportArtifacts: Sendable, Equatable {
    /// Its entry in `data/all.json`.
    public let jsonForAll: String
    /// Its row of `data/all.csv`.
    public let csvRows: String
    /// Its files (page, print page, data, PDF), for the manifest.
    public let files: [Manifest.Entry]
    /// Characters the print fonts lack.
    public let printFindings: [Finding]
    /// A digest of its entry in `search-index.json` (the first 8 bytes of its SHA-256): its
    /// address, title, agency and publication date, all that the search index, the sitemap and
    /// the feed show of it. While no report rendered again changes it, those three files stay as
    /// they are. A number, not the text: 20,000 more strings made the cache slower to read.
    public let listing: UInt64

    /// The `listing` of a report whose entry in `search-index.json` is `entry`.
    public static func listing(of entry: String) -> UInt64 {
        var hash = SHA256()
        hash.update(entry.utf8)
        return hash.finish().prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    public init(jsonForAll: String, csvRows: String, files: [Manifest.Entry], printFindings: [Finding], listing: UInt64) {
        self.jsonForAll = jsonForAll
        self.csvRows = csvRows
        self.files = files
        self.printFindings = printFindings
        self.listing = listing
    }
}

extension ReportArtifacts: ByteCodable {
    public func encode(to writer: inout ByteWriter) {
        writer.write(jsonForAll)
        writer.write(csvRows)
        writer.write(files)
        writer.write(printFindings)
        writer.write(listing)
    }

    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(
            jsonForAll: try reader.string(), csvRows: try reader.string(), files: try reader.array(), printFindings: try reader.array(),
            listing: try reader.uint64())
    }
}

extension Manifest.Entry: ByteCodable {
    public func encode(to writer: inout ByteWriter) {
        writer.write(path)
        writer.write(size)
        writer.write(sha256)
    }

    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(path: try reader.string(), size: try reader.int(), sha256: try reader.string())
    }
}
