import ByteCoding
import Diagnostics

/// What the link check of a build found, kept in the build cache so that a rebuild checks again
/// only the pages it makes, plus the links elsewhere that point into them.
public struct LinkRecord: Sendable, Equatable {
    /// Broken-link findings by page, except those of `fragmentLinks` (pages without any are absent).
    public var findings: [String: [Finding]] = [:]
    /// Links from a page to a `#fragment` of another page: the page pointed to may be made again
    /// with other ids, so these are checked again whenever it is.
    public var fragmentLinks: [FragmentLink] = []

    public init() {}

    /// Every broken link once: a link written in report.md is on the report page and on its print
    /// page, and is reported for the first of them.
    var allFindings: [Finding] {
        var byPage = findings.map { ($0.key, $0.value) }
        byPage += fragmentLinks.compactMap { link in link.finding.map { (link.page, [$0]) } }
        var reported: Set<SourceLocation> = []
        var out: [Finding] = []
        for (_, findings) in byPage.sorted(by: { $0.0 < $1.0 }) {
            for finding in findings where !finding.location.file.hasPrefix("Content/") || reported.insert(finding.location).inserted {
                out.append(finding)
            }
        }
        return out
    }
}

/// A link from one page of the site to an element of another.
public struct FragmentLink: Sendable, Equatable {
    public let page: String
    public let href: String
    /// The page it points to.
    public let target: String
    /// Where it is written: in report.md, or on the page.
    public let location: SourceLocation
    /// The finding when it reaches nothing.
    public var finding: Finding?
}

extension FragmentLink: ByteCodable {
    public func encode(to writer: inout ByteWriter) {
        writer.write(page)
        writer.write(href)
        writer.write(target)
        writer.write(location)
        writer.write(finding)
    }

    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(
            page: try reader.string(), href: try reader.string(), target: try reader.string(), location: try reader.value(),
            finding: try reader.optional())
    }
}

extension LinkRecord: ByteCodable {
    public func encode(to writer: inout ByteWriter) {
        writer.write(findings.count)
        for page in findings.keys.sorted() {
            writer.write(page)
            writer.write(findings[page]!)
        }
        writer.write(fragmentLinks)
    }

    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init()
        for _ in 0..<(try reader.count()) { findings[try reader.string()] = try reader.array() }
        fragmentLinks = try reader.array()
    }
}
