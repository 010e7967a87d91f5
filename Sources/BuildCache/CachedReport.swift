import ByteCoding
import Diagnostics
import SiteBuilder
import SiteModel

/// What the cache keeps of one report: the digests of its files, the agency it was built for,
/// the report reduced to what other pages need, its findings and what it added to the site.
/// A class: a cache of 20,000 records is passed around and filtered whole, and copying a
/// struct of seven fields took a retain per field.
public final class CachedReport: Sendable {
    /// `Content/<agency>/<year>`.
    public let folder: String
    /// report.md and tables.yaml.
    public let inputs: [CachedInput]
    /// The agency's name, kind and parent as they were (`agencyIdentity`).
    public let agency: [UInt8]
    /// The report as `Report.keeping(cells:)` leaves it.
    public let summary: Report
    /// The findings of the rules on this report alone.
    public let findings: [Finding]
    public let artifacts: ReportArtifacts
    /// Where its search tokens are in the token file.
    public let tokens: Range<Int>

    public init(
        folder: String, inputs: [CachedInput], agency: [UInt8], summary: Report, findings: [Finding], artifacts: ReportArtifacts,
        tokens: Range<Int>
    ) {
        self.folder = folder
        self.inputs = inputs
        self.agency = agency
        self.summary = summary
        self.findings = findings
        self.artifacts = artifacts
        self.tokens = tokens
    }

    /// What of an agency its reports' pages and findings depend on.
    public static func agencyIdentity(_ agency: Agency) -> [UInt8] {
        var writer = ByteWriter()
        writer.write(agency.slug)
        writer.write(agency.name)
        writer.write(agency.kind?.rawValue)
        writer.write(agency.parent)
        return writer.bytes
    }
}

extension CachedReport: ByteCodable {
    public func encode(to writer: inout ByteWriter) {
        writer.write(folder)
        writer.write(inputs)
        writer.write(agency.count)
        writer.write(raw: agency)
        writer.write(summary)
        writer.write(findings)
        writer.write(artifacts)
        writer.write(tokens.lowerBound)
        writer.write(tokens.count)
    }

    public convenience init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        let folder = try reader.string()
        let inputs: [CachedInput] = try reader.array()
        let agency = Array(try reader.raw(try reader.count()))
        let summary: Report = try reader.value()
        let findings: [Finding] = try reader.array()
        let artifacts: ReportArtifacts = try reader.value()
        let start = try reader.int()
        let count = try reader.int()
        guard start >= 0, count >= 0 else { throw ByteReader.Malformed(offset: reader.offset) }
        self.init(
            folder: folder, inputs: inputs, agency: agency, summary: summary, findings: findings, artifacts: artifacts,
            tokens: start..<start + count)
    }
}
