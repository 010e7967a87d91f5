import Diagnostics
import Foundation
import ReportForm
import SiteModel

/// What the compliance dashboard (`compliance/`) says of a site: for every report, whether it
/// was published on time, its form edition, and its findings counted by severity and rule
/// family; then the findings in files that are no report's (nianbao.yaml, agency.yaml, task
/// lists). The findings are those of `nianbao check` on the same site, so the counts agree.
struct Compliance {
    /// Findings counted by severity.
    struct Counts: Equatable {
        var errors = 0
        var warnings = 0
        var infos = 0

        mutating func add(_ severity: Severity) {
            switch severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
        }
    }

    /// One finding as the dashboard lists it, with a link to the place in the published report.
    struct Entry {
        let rule: String
        let family: String
        let severity: Severity
        let message: String
        let location: SourceLocation
        let cell: String?
        /// Relative to `compliance/index.html`; nil for files that are no report's.
        let url: String?
    }

    struct Row {
        let agency: String
        let name: String
        let kind: String?
        let year: Int
        /// The edition's name and its id (`2019`, `2021`).
        let form: String
        let formVersion: String
        let published: String?
        let deadline: String?
        /// Nil where the date or the agency's kind is missing.
        let onTime: Bool?
        let daysLate: Int?
        let url: String
        let counts: Counts
        /// Only families with findings.
        let families: [String: Counts]
        let findings: [Entry]
    }

    /// Findings in a file outside the report folders.
    struct FileRow {
        let file: String
        let counts: Counts
        let families: [String: Counts]
        let findings: [Entry]
    }

    let rows: [Row]
    let files: [FileRow]
    var totals: Counts {
        var totals = Counts()
        for counts in rows.map(\.counts) + files.map(\.counts) {
            totals.errors += counts.errors
            totals.warnings += counts.warnings
            totals.infos += counts.infos
        }
        return totals
    }

    init(site: Site, findings: [Finding]) {
        let page = SiteLayout.compliance
        var byFolder: [String: [Finding]] = [:]
        var byFile: [String: [Finding]] = [:]
        let folders = Set(site.reports.map(\.folder))
        // The build's own findings (theme, fonts, links) are not `check`'s: the dashboard agrees with `check`.
        for finding in findings where Self.family(of: finding) != .build {
            if let folder = finding.reportFolder, folders.contains(folder) {
                byFolder[folder, default: []].append(finding)
            } else {
                byFile[finding.location.file, default: []].append(finding)
            }
        }
        var rows: [Row] = []
        for agency in site.agencies {
            for report in agency.reports {
                let url = SitePaths.link(from: page, to: SitePaths.report(agency.slug, report.year))
                let found = byFolder[report.folder] ?? []
                let (counts, families) = Self.count(found)
                let timeliness = Timeliness(report, kind: agency.kind)
                let entries = found.map { finding in
                    Self.entry(finding, url: url + Self.fragment(finding, report: report, site: site))
                }
                rows.append(Row(
                    agency: agency.slug, name: agency.name?.value ?? agency.slug, kind: agency.kind?.rawValue, year: report.year,
                    form: (report.tables?.version ?? report.requiredForm.version).displayName,
                    formVersion: (report.tables?.version ?? report.requiredForm.version).rawValue,
                    published: report.publicationDate?.iso, deadline: agency.kind.map { report.deadline($0).iso },
                    onTime: timeliness == .unknown ? nil : timeliness == .onTime, daysLate: Self.daysLate(timeliness),
                    url: url, counts: counts, families: families, findings: entries))
            }
        }
        self.rows = rows
        files = byFile.keys.sorted().map { file in
            let (counts, families) = Self.count(byFile[file]!)
            return FileRow(file: file, counts: counts, families: families, findings: byFile[file]!.map { Self.entry($0, url: nil) })
        }
    }

    /// A text of everything the dashboard shows, made without building it: when it equals the
    /// previous build's, the dashboard's files are not made again. It must name every input of
    /// `init`: one left out would leave the dashboard stale when only it changes. At 20,000
    /// reports the rows and their JSON cost a third of a second; this costs a tenth of that.
    static func digestText(site: Site, findings: [Finding]) -> String {
        var text = ""
        for agency in site.agencies {
            text += "\(agency.slug)\t\(agency.name?.value ?? "")\t\(agency.kind?.rawValue ?? "")\n"
            for report in agency.reports { text += line(report) }
        }
        for finding in findings where family(of: finding) != .build {
            text += line(finding)
        }
        return text
    }

    /// What the dashboard shows of `finding`, as a line of `digestText`.
    static func line(_ finding: Finding) -> String {
        "\(finding.rule)\t\(finding.severity)\t\(finding.location)\t\(finding.cell ?? "")\t\(finding.message)\n"
    }

    /// What the dashboard shows of `report` on its own, as a line of `digestText`.
    static func line(_ report: Report) -> String {
        "\(report.year)\t\((report.tables?.version ?? report.requiredForm.version).rawValue)\t"
            + "\(report.publicationDate?.pubDate ?? "")\t\(report.tables != nil)\t\(report.tasks?.list.value ?? "")\n"
    }

    private static func daysLate(_ timeliness: Timeliness) -> Int? {
        switch timeliness {
        case .onTime: 0
        case .late(let days): days
        case .unknown: nil
        }
    }

    private static func count(_ findings: [Finding]) -> (Counts, [String: Counts]) {
        var counts = Counts()
        var families: [String: Counts] = [:]
        for finding in findings {
            counts.add(finding.severity)
            families[family(of: finding).rawValue, default: Counts()].add(finding.severity)
        }
        return (counts, families)
    }

    static func family(of finding: Finding) -> RuleFamily { Rule.named(finding.rule)?.family ?? .input }

    /// The families the dashboard counts: all but the build's own.
    static let families = RuleFamily.allCases.filter { $0 != .build }

    private static func entry(_ finding: Finding, url: String?) -> Entry {
        Entry(
            rule: finding.rule, family: family(of: finding).rawValue, severity: finding.severity, message: finding.message,
            location: finding.location, cell: finding.cell, url: url)
    }

    /// The anchor of the place on the report page: the statutory table of a cell, the task table
    /// for tasks.yaml; none for the narrative (the page is the place).
    private static func fragment(_ finding: Finding, report: Report, site: Site) -> String {
        if finding.location.file.hasSuffix("/tasks.yaml") {
            return report.tasks.flatMap { site.taskList($0.list.value) } != nil ? "#tasks" : ""
        }
        guard report.tables != nil, let cell = finding.cell, let table = cell.split(separator: ".").first.flatMap({ TableID(rawValue: String($0)) })
        else { return "" }
        return "#table-" + table.rawValue
    }
}

extension Finding {
    /// `Content/<agency>/<year>` for a finding in a file of a report folder.
    var reportFolder: String? {
        let parts = location.file.split(separator: "/", maxSplits: 3)
        return parts.count == 4 ? parts[0...2].joined(separator: "/") : nil
    }
}
