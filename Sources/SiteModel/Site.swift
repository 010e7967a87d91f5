import Diagnostics
import Foundation
import ReportForm

/// A whole site as loaded from disk: configuration, agencies and their reports.
public struct Site: Sendable {
    /// The folder holding `nianbao.yaml` and `Content/`.
    public let root: URL
    public let config: SiteConfig
    /// Agencies sorted by slug.
    public let agencies: [Agency]
    /// Problems found while loading the configuration and agency files.
    public let findings: [Finding]

    /// Every report of every agency, in agency then year order.
    public var reports: [Report] { agencies.flatMap(\.reports) }

    public func agency(_ slug: String) -> Agency? { agencies.first { $0.slug == slug } }

    public init(root: URL, config: SiteConfig, agencies: [Agency], findings: [Finding]) {
        self.root = root
        self.config = config
        self.agencies = agencies
        self.findings = findings
    }
}

/// `nianbao.yaml`: the website the reports are published on.
public struct SiteConfig: Sendable {
    /// Scalar values by key, with positions.
    public let fields: [String: Located<String>]
    /// Where the file is, relative to the root, if there is one.
    public let file: String?

    public subscript(_ key: String) -> Located<String>? { fields[key] }

    public static let empty = SiteConfig(fields: [:], file: nil)

    /// The keys nianbao.yaml may have (README, "A site on disk").
    public static let keys = [
        "name", "domain", "id_code", "base_url", "theme", "column", "public_contacts", "accept_gb18030",
        "print_font_body", "print_font_title", "print_font_heading", "print_font_subheading",
    ]
}

/// An administrative organ: `Content/<slug>/agency.yaml` and its years.
public struct Agency: Sendable {
    /// The folder name: ASCII, used in URLs.
    public let slug: String
    /// The full name, as the report is signed.
    public let name: Located<String>?
    public let kind: AgencyKind?
    /// The slug of the parent agency, if any.
    public let parent: Located<String>?
    /// Reports by ascending year.
    public let reports: [Report]
}

/// One year's report of an agency.
public struct Report: Sendable {
    public let agency: String
    public let year: Int
    /// `Content/<agency>/<year>`, relative to the site root.
    public let folder: String
    public let frontMatter: FrontMatter
    public let document: ReportDocument
    /// Nil where `tables.yaml` is missing or cannot be parsed (a finding says why).
    public let tables: ReportTables?
    /// Problems found while reading the report's files.
    public let findings: [Finding]

    public var reportFile: String { folder + "/report.md" }
    public var tablesFile: String { folder + "/tables.yaml" }
    /// The edition the year requires.
    public var requiredForm: ReportForm { .required(forReportYear: year) }
}

extension Report {
    /// The report without its narrative, its own findings or any table cell but `cells`: what
    /// rules across reports need once the report itself has been checked.
    public func keeping(cells: Set<CellID>) -> Report {
        let kept = tables.map { $0.keeping(cells) }
        return Report(
            agency: agency, year: year, folder: folder, frontMatter: frontMatter,
            document: ReportDocument(sections: [], headings: [], blocks: []), tables: kept, findings: [])
    }
}
