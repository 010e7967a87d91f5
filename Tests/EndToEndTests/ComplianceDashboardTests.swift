import Foundation
import Testing

/// The compliance dashboard (`Output/compliance/`) against `nianbao check --format json` on the
/// same site: the same reports, the same on-time status, the same findings.
@Suite struct ComplianceDashboardTests {
    /// The sample with defects: a late report, a table that does not add up, a task left out
    /// and one overdue.
    static func defectiveSample() throws -> ScratchSite {
        let site = try ScratchSite()
        for agency in ["jiangyu-tax", "qingshan-county", "qingshan-tax"] { try site.copySample(agency: agency) }
        try FileManager.default.copyItem(
            at: Nianbao.repositoryRoot.appendingPathComponent("nianbao.yaml"), to: site.root.appendingPathComponent("nianbao.yaml"))
        let report = "Content/qingshan-tax/2023/report.md"
        try site.write(report, try site.read(report).replacingOccurrences(of: "published: 2024-01-24 09:00", with: "published: 2024-02-05 09:00"))
        let tables = "Content/jiangyu-tax/2022/tables.yaml"
        try site.write(tables, try site.read(tables).replacingOccurrences(of: "一、本年新收政府信息公开申请数量: [34,", with: "一、本年新收政府信息公开申请数量: [35,"))
        let tasks = "Content/jiangyu-tax/2020/tasks.yaml"
        var text = try site.read(tasks)
        text = text.replacingOccurrences(of: "  2:\n    status: 完成\n    completed: 2020-12-18\n", with: "  2:\n    status: 推进中\n")
        text = text.replacingOccurrences(of: "  22:\n    status: 完成\n    completed: 2020-11-30\n", with: "  22:\n    status: 完成\n")
        let lines = text.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "  21:"))
        try site.write(tasks, (lines[..<start] + lines[(start + 4)...]).joined(separator: "\n"))  // task 21 left out
        return site
    }

    struct CheckOutput: Decodable {
        struct Summary: Decodable { let reports, errors, warnings, infos: Int }
        struct Finding: Decodable, Hashable {
            struct Location: Decodable, Hashable { let file: String; let line, column: Int }
            let rule: String
            let severity: String
            let location: Location
        }
        let summary: Summary
        let findings: [Finding]
    }

    struct Dashboard: Decodable {
        struct Counts: Decodable, Equatable { let errors, warnings, infos: Int }
        struct Entry: Decodable { let rule: String; let severity: String; let location: CheckOutput.Finding.Location; let url: String? }
        struct Row: Decodable {
            let agency: String; let name: String; let year: Int; let form: String; let onTime: Bool?; let daysLate: Int?
            let counts: Counts; let families: [String: Counts]; let findings: [Entry]
        }
        struct FileRow: Decodable { let file: String; let counts: Counts; let findings: [Entry] }
        let totals: Counts
        let reports: [Row]
        let files: [FileRow]
    }

    @Test("the dashboard lists every agency and year with the on-time status and finding counts `check --format json` gives")
    func agreesWithCheck() throws {
        let site = try Self.defectiveSample()
        let environment = ["NIANBAO_TODAY": "2026-11-29"]
        let build = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf", "--allow-errors", "--no-cache"], environment: environment)
        #expect(build.status == 0, "\(build.stderr)")
        let check = try Nianbao.run(["check", "-s", site.root.path, "--format", "json", "--no-cache"], environment: environment)
        #expect(check.status == 1)
        let checked = try JSONDecoder().decode(CheckOutput.self, from: Data(check.stdout.utf8))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let dashboard = try decoder.decode(Dashboard.self, from: Data(contentsOf: site.root.appendingPathComponent("Output/compliance/compliance.json")))

        // The same reports: every agency folder, every year.
        #expect(dashboard.reports.count == checked.summary.reports)
        #expect(Set(dashboard.reports.map(\.agency)) == ["jiangyu-tax", "qingshan-county", "qingshan-tax"])
        #expect(dashboard.reports.map { "\($0.agency)/\($0.year)" }.count == 13)
        // The same totals, and the same findings report by report.
        #expect(dashboard.totals == Dashboard.Counts(errors: checked.summary.errors, warnings: checked.summary.warnings, infos: checked.summary.infos))
        #expect(checked.summary.errors >= 3 && checked.summary.warnings >= 1)
        for row in dashboard.reports {
            let folder = "Content/\(row.agency)/\(row.year)/"
            let own = checked.findings.filter { $0.location.file.hasPrefix(folder) }
            #expect(row.counts.errors == own.filter { $0.severity == "error" }.count, "\(folder)")
            #expect(row.counts.warnings == own.filter { $0.severity == "warning" }.count, "\(folder)")
            #expect(row.counts.infos == own.filter { $0.severity == "info" }.count, "\(folder)")
            #expect(Set(row.findings.map { "\($0.rule)@\($0.location.file):\($0.location.line):\($0.location.column)" })
                == Set(own.map { "\($0.rule)@\($0.location.file):\($0.location.line):\($0.location.column)" }), "\(folder)")
            #expect(row.families.values.map(\.errors).reduce(0, +) == row.counts.errors)
            // On time exactly where check does not report the publication as late.
            #expect(row.onTime == !own.contains { $0.rule == "published-late" }, "\(folder)")
        }
        let late = try #require(dashboard.reports.first { $0.agency == "qingshan-tax" && $0.year == 2023 })
        #expect(late.daysLate == 5)
        #expect(dashboard.reports.first { $0.agency == "jiangyu-tax" && $0.year == 2022 }?.families["arithmetic"]?.errors ?? 0 > 0)
        let tasks = try #require(dashboard.reports.first { $0.agency == "jiangyu-tax" && $0.year == 2020 })
        #expect(Set(tasks.findings.map(\.rule)) == ["task-not-addressed", "task-overdue"])
        #expect(tasks.findings.allSatisfy { $0.url == "../jiangyu-tax/2020/#tasks" })

        // The page: sortable by following links, the late report first by lateness, its row saying so.
        let index = try site.read("Output/compliance/index.html")
        for order in ["by-year.html", "by-lateness.html", "by-errors.html", "by-warnings.html"] { #expect(index.contains("href=\"\(order)\"")) }
        let byLateness = try site.read("Output/compliance/by-lateness.html")
        let firstRow = try #require(byLateness.components(separatedBy: "<tbody>")[1].components(separatedBy: "</tr>").first)
        #expect(firstRow.contains("国家税务总局青山县税务局") && firstRow.contains("逾期 5 天"))
        #expect(!index.contains("<script"))
        // CSV: a header and one line per report.
        let csv = try site.read("Output/compliance/compliance.csv")
        #expect(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 1 + 13)
    }
}
