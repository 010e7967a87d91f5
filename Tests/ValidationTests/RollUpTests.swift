import Diagnostics
import Foundation
import ReportForm
import Scaffold
import SiteModel
import Testing

/// Roll-up reports: the test agency declares `rollup: [year]` and three child agencies report
/// that year; child B's numbers differ from the others' (and still add up).
@Suite struct RollUpTests {
    static let children = ["child-a", "child-b", "child-c"]

    /// Child B: one more request from a natural person (disclosed), and more documents.
    static func childB(_ version: FormVersion) -> [CellID: String] {
        var values: [CellID: String] = [
            "requests.received.natural_person": "6", "requests.received.total": "8",
            "requests.results.disclosed.natural_person": "4", "requests.results.disclosed.total": "4",
            "requests.results.total.natural_person": "6", "requests.results.total.total": "8",
        ]
        if version == .revised2021 { values["active.normative_documents.issued"] = "4" }
        if version == .trial2019 { values["active.normative_documents.made"] = "4" }
        return values
    }

    static func site(year: Int, parentTables: String? = nil, childTables: [String: String] = [:]) -> TestSite {
        var site = TestSite()
        site[TestSite.agencyFile] = AgencyTemplate.yaml(name: TestSite.agencyName, kind: .department, parent: nil) + "rollup: [\(year)]\n"
        site[TestSite.report(year)] = TestSite.reportMarkdown(year: year)
        if let parentTables { site[TestSite.tables(year)] = parentTables }
        for (index, child) in children.enumerated() {
            let name = "青山县测试局第\(index + 1)分局"
            site["Content/\(child)/agency.yaml"] = AgencyTemplate.yaml(name: name, kind: .department, parent: TestSite.slug)
            site["Content/\(child)/\(year)/report.md"] = TestSite.reportMarkdown(year: year, agencyName: name)
            site["Content/\(child)/\(year)/tables.yaml"] = childTables[child]
                ?? TestSite.tablesYAML(year: year, values: child == "child-b" ? childB(ReportForm.required(forReportYear: year).version) : [:])
        }
        return site
    }

    @Test("a parent without tables.yaml gets the cell-by-cell sum of its three children, on both form editions", arguments: [2020, 2024])
    func computed(year: Int) throws {
        let (site, findings) = try Self.site(year: year).loaded()
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        let parent = try #require(site.agency(TestSite.slug)?.reports.first?.tables)
        let children = try Self.children.map { try #require(site.agency($0)?.reports.first?.tables) }
        #expect(parent.rolledUpFrom == Self.children)
        #expect(parent.version == ReportForm.required(forReportYear: year).version)
        // Every cell of all three tables.
        for cell in parent.form.cells {
            let values = children.compactMap { $0.value(at: cell.index)?.minorUnits }
            #expect(parent.value(at: cell.index)?.minorUnits == (values.count == 3 ? values.reduce(0, +) : nil), "\(cell.id)")
        }
        // By hand: 5 + 6 + 5 requests from natural persons, 7 + 8 + 7 in all, 3 × 2 reviews.
        #expect(parent["requests.received.natural_person"]?.text == "16")
        #expect(parent["requests.received.total"]?.text == "22")
        #expect(parent["requests.results.total.total"]?.text == "22")
        #expect(parent["appeals.review.total"]?.text == "6")
        #expect(parent["requests.carried_forward.total"]?.text == "3")
        if year == 2024 {
            #expect(parent["active.normative_documents.issued"]?.text == "8")
            #expect(parent["active.fees.amount"]?.text == "37.50")
        } else {
            #expect(parent["active.normative_documents.made"]?.text == "8")
            #expect(parent["active.procurement.amount"]?.text == "753.00")
        }
    }

    /// The parent's tables written out as the children's sum, with `changes` on top.
    static func summedTables(year: Int, changes: [CellID: String] = [:]) -> String {
        let form = ReportForm.required(forReportYear: year)
        let standard = TestSite.standardValues(form.version, year: year)
        var values: [CellID: String] = [:]
        for cell in Set(standard.keys).union(childB(form.version).keys) {
            let parts = [standard[cell], childB(form.version)[cell] ?? standard[cell], standard[cell]].map { Decimal(string: $0 ?? "0")! }
            let sum = parts.reduce(0, +)
            values[cell] = cell.hasSuffix(".amount") ? String(format: "%.2f", NSDecimalNumber(decimal: sum).doubleValue) : "\(sum)"
        }
        return TestSite.tablesYAML(year: year, values: values.merging(changes) { $1 })
    }

    @Test("a given parent equal to the sum passes; one cell off gives exactly one finding naming that cell and the children")
    func checked() throws {
        #expect(try Self.site(year: 2024, parentTables: Self.summedTables(year: 2024)).findings().isEmpty)
        let findings = try Self.site(year: 2024, parentTables: Self.summedTables(year: 2024, changes: ["appeals.review.upheld": "4"])).findings()
        let rollup = findings.filter { $0.rule == "rollup-mismatch" }
        #expect(rollup.count == 1)
        #expect(rollup.first?.cell == "appeals.review.upheld")
        #expect(rollup.first?.expected == "3")
        #expect(rollup.first?.found == "4")
        #expect(rollup.first?.terms == ["child-a 1", "child-b 1", "child-c 1"])
        #expect(rollup.first?.location.file == TestSite.tables(2024))
        // The changed cell also breaks the parent's own total: that is another rule's finding.
        #expect(findings.filter { $0.rule != "rollup-mismatch" }.allSatisfy { $0.family == .arithmetic })
    }

    @Test("a child on the other form edition is a finding and is left out of the sum")
    func otherEdition() throws {
        let site = Self.site(year: 2024, childTables: ["child-c": TestSite.tablesYAML(year: 2020)])
        let (loaded, findings) = try site.loaded()
        let mismatch = findings.filter { $0.rule == "rollup-form-mismatch" }
        #expect(mismatch.count == 1)
        #expect(mismatch.first?.location.file == "Content/child-c/2024/tables.yaml")
        #expect(loaded.agency(TestSite.slug)?.reports.first?.tables?.rolledUpFrom == ["child-a", "child-b"])
        #expect(loaded.agency(TestSite.slug)?.reports.first?.tables?["requests.received.total"]?.text == "15")
    }

    @Test("a roll-up with no child reports for the year is a warning at the declaration")
    func noChildren() throws {
        var site = TestSite(years: [2024])
        site[TestSite.agencyFile] = AgencyTemplate.yaml(name: TestSite.agencyName, kind: .department, parent: nil) + "rollup: [2024, 2023]\n"
        let findings = try site.findings()
        #expect(findings.map(\.rule) == ["rollup-children", "rollup-children"])
        #expect(findings.allSatisfy { $0.location.file == TestSite.agencyFile && $0.severity == .warning })
    }
}

extension Finding {
    var family: RuleFamily? { Rule.named(rule)?.family }
}
