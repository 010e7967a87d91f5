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
    /// Problems found while loading the configuration, agency files and task lists.
    public let findings: [Finding]
    /// The task lists of `Content/_tasks/`, by id.
    public let taskLists: [TaskList]

    /// Every report of every agency, in agency then year order.
    public var reports: [Report] { agencies.flatMap(\.reports) }

    public func agency(_ slug: String) -> Agency? { agencies.first { $0.slug == slug } }

    public init(root: URL, config: SiteConfig, agencies: [Agency], findings: [Finding], taskLists: [TaskList] = []) {
        self.root = root
        self.config = config
        self.agencies = agencies
        self.findings = findings
        self.taskLists = taskLists
    }

    /// The site with `agencies` in place of its own (after roll-ups are summed).
    public func replacing(agencies: [Agency]) -> Site {
        Site(root: root, config: config, agencies: agencies, findings: findings, taskLists: taskLists)
    }

    /// Each agency's parent slug.
    public var parents: [String: String] {
        var parents: [String: String] = [:]
        for agency in agencies { if let parent = agency.parent?.value { parents[agency.slug] = parent } }
        return parents
    }

    public func taskList(_ id: String) -> TaskList? { taskLists.first { $0.id == id } }
}

/// `nianbao.yaml`: the website the reports are published on.
public struct SiteConfig: Sendable {
    /// Scalar values by key, with positions.
    public let fields: [String: Located<String>]
    /// Where the file is, relative to the root, if there is one.
    public let file: String?

    public subscript(_ key: String) -> Located<String>? { fields[key] }

    public static let empty = SiteConfig(fields: [:], file: nil)

    /// Where the site is served, absolute and ending in a slash. Without `base_url` the site's own
    /// domain is the best guess.
    public var baseURL: String {
        let domain = fields["domain"]?.value ?? ""
        var base = fields["base_url"]?.value ?? (domain.isEmpty ? "/" : "https://\(domain)/")
        if !base.hasSuffix("/") { base += "/" }
        return base
    }

    /// Scheme and host of the base URL (`https://www.example.gov.cn`); empty for a bare path.
    public var origin: String {
        let base = baseURL
        guard let scheme = base.range(of: "://"), let slash = base[scheme.upperBound...].firstIndex(of: "/") else { return "" }
        return String(base[..<slash])
    }

    /// The path part of the base URL, with slashes at both ends: `/zfxxgk/ndbg/`.
    public var basePath: String {
        let base = baseURL
        let origin = self.origin
        guard origin.isEmpty else { return String(base.dropFirst(origin.count)) }
        return base.hasPrefix("/") ? base : "/"
    }

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
    /// The years whose statistics are the sum of the child agencies' (`rollup:` in agency.yaml).
    public let rollup: [Located<Int>]
    /// Reports by ascending year.
    public internal(set) var reports: [Report]

    public init(
        slug: String, name: Located<String>?, kind: AgencyKind?, parent: Located<String>?, rollup: [Located<Int>] = [], reports: [Report]
    ) {
        self.slug = slug
        self.name = name
        self.kind = kind
        self.parent = parent
        self.rollup = rollup
        self.reports = reports
    }

    /// Whether the agency's report of `year` sums its children's.
    public func rollsUp(_ year: Int) -> Bool { rollup.contains { $0.value == year } }
}
