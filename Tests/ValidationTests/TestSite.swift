import Diagnostics
import Foundation
import ReportForm
import Scaffold
import SiteModel
import Testing
import Validation

/// A position in a site file, as nianbao reports it (Diagnostics and Testing both name a type `SourceLocation`).
typealias Location = Diagnostics.SourceLocation

/// A site written from strings into a fresh temporary folder, then loaded with `SiteLoader` and
/// checked with `Validator`.
///
/// `TestSite(years:)` starts from what `nianbao new` produces (`ReportTemplate`, `TablesTemplate`)
/// with every 「待填写」 replaced by real text, `published` set and consistent numbers, so that a
/// test can change one thing and expect exactly the findings that change causes.
///
/// Layout of the valid `report.md` (fixed by `ReportTemplate`): front matter on lines 1–7
/// (`agency` on line 3, `year` on line 4, `published` on line 5); the six `##` headings on lines
/// 11, 15, 19, 23, 27, 31; the text of each section two lines below its heading.
struct TestSite {
    static let slug = "test-agency"
    static let agencyName = "青山县测试局"
    static let agencyFile = "Content/\(slug)/agency.yaml"

    static func report(_ year: Int) -> String { "Content/\(slug)/\(year)/report.md" }
    static func tables(_ year: Int) -> String { "Content/\(slug)/\(year)/tables.yaml" }

    /// File contents by path relative to the site root.
    var files: [String: [UInt8]] = [:]
    /// Paths created as folders (for unreadable files and stray folders).
    var folders: Set<String> = []

    init() {}

    /// One agency with a valid report for each of `years`; `values` overrides cells of every year.
    init(years: [Int], kind: AgencyKind = .department, values: [CellID: String] = [:]) {
        self[Self.agencyFile] = AgencyTemplate.yaml(name: Self.agencyName, kind: kind, parent: nil)
        for year in years {
            self[Self.report(year)] = Self.reportMarkdown(year: year)
            self[Self.tables(year)] = Self.tablesYAML(year: year, values: values)
        }
    }

    subscript(path: String) -> String? {
        get { files[path].map { String(decoding: $0, as: UTF8.self) } }
        set { files[path] = newValue.map { Array($0.utf8) } }
    }

    /// Replaces the first occurrence of `old` in `path`; a test whose edit does not apply fails here.
    mutating func replace(
        _ old: String, with new: String, in path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        guard let text = self[path], let range = text.range(of: old) else {
            Issue.record("「\(old)」 does not occur in \(path)", sourceLocation: sourceLocation)
            return
        }
        self[path] = text.replacingCharacters(in: range, with: new)
    }

    /// Writes the site into a new temporary folder, loads and validates it, and removes the folder.
    func findings() throws -> [Finding] { try loaded().findings }

    /// The site as loaded (roll-ups summed) and its findings; the folder is removed.
    func loaded() throws -> (site: Site, findings: [Finding]) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let manager = FileManager.default
        try manager.createDirectory(at: root.appendingPathComponent("Content"), withIntermediateDirectories: true)
        for folder in folders {
            try manager.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for (path, bytes) in files {
            let url = root.appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        let site = try SiteLoader.load(root: root)
        let whole = Validator.validate(site)
        // `nianbao check` streams (validates each report as it loads, keeps only cross-year
        // cells); every test also holds it to the same findings as validating the whole site.
        let streamed = try Validator.check(root: root).findings
        #expect(streamed == whole, "Validator.check(root:) and Validator.validate(_:) disagree")
        return (site, whole)
    }

    // MARK: - The valid report

    /// The text written under each heading, by section number.
    static let sectionText = [
        1: "本年度，本局认真贯彻落实《中华人民共和国政府信息公开条例》，各项工作有序开展。",
        2: "本年度主动公开政府信息情况见下表。",
        3: "本年度收到和处理政府信息公开申请情况见下表。",
        4: "本年度政府信息公开行政复议、行政诉讼情况见下表。",
        5: "本年度存在的主要问题是公开的及时性有待提高，已制定改进措施并落实。",
        6: "依据《政府信息公开信息处理费管理办法》，本年度未收取信息处理费。",
    ]

    /// `ReportTemplate.markdown` with every placeholder filled in and `published` set to 20 January
    /// of the next year (in time for both kinds of agency).
    static func reportMarkdown(year: Int, agencyName: String = agencyName) -> String {
        let template = ReportTemplate.markdown(agencyName: agencyName, year: year, form: .required(forReportYear: year))
        var section = 0
        return template.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.hasPrefix("## ") { section += 1 }
            if line.hasPrefix("published:") { return "published: \(year + 1)-01-20 09:30" }
            if line.hasPrefix("索引号:") { return "索引号: 000000000/\(year + 1)-00001" }
            if line.contains(ReportTemplate.placeholder) { return sectionText[section]! }
            return String(line)
        }.joined(separator: "\n")
    }

    /// `TablesTemplate.yaml` for the edition `year` requires, with `standardValues` and `values`,
    /// and every total typed (0 where `standardValues` gives none), so that tests can change a
    /// typed total; `nianbao new` itself leaves totals out.
    static func tablesYAML(year: Int, values: [CellID: String] = [:]) -> String {
        let form = ReportForm.required(forReportYear: year)
        return TablesTemplate.yaml(
            for: form, year: year,
            values: typedTotals(form).merging(standardValues(form.version, year: year)) { $1 }.merging(values) { $1 })
    }

    /// "0" for every total cell of `form`: a 总计 column, and every cell of the （七）总计 row.
    static func typedTotals(_ form: ReportForm) -> [CellID: String] {
        Dictionary(uniqueKeysWithValues: form.cells.filter { $0.column.isTotal || $0.row.row.id == "total" }.map { ($0.id, "0") })
    }

    /// Numbers that satisfy every identity, and that carry over consistently between consecutive
    /// years (上年结转 = 结转下年度 = 1; 现行有效件数 grows by 本年制发 2 − 本年废止 1 each year).
    static func standardValues(_ version: FormVersion, year: Int) -> [CellID: String] {
        var values: [CellID: String] = [
            // 一 + 二 = （七）总计 + 四 per column: 自然人 5 + 1 = 5 + 1, 商业企业 2 + 0 = 2 + 0, 总计 7 + 1 = 7 + 1.
            "requests.received.natural_person": "5", "requests.received.commercial": "2", "requests.received.total": "7",
            "requests.carried_over.natural_person": "1", "requests.carried_over.total": "1",
            "requests.results.disclosed.natural_person": "3", "requests.results.disclosed.total": "3",
            "requests.results.partially_disclosed.commercial": "1", "requests.results.partially_disclosed.total": "1",
            "requests.results.unavailable.not_held.natural_person": "2",
            "requests.results.unavailable.not_held.commercial": "1", "requests.results.unavailable.not_held.total": "3",
            "requests.results.total.natural_person": "5", "requests.results.total.commercial": "2",
            "requests.results.total.total": "7",
            "requests.carried_forward.natural_person": "1", "requests.carried_forward.total": "1",
            "appeals.review.upheld": "1", "appeals.review.corrected": "1", "appeals.review.total": "2",
            "appeals.litigation.direct.pending": "1", "appeals.litigation.direct.total": "1",
        ]
        switch version {
        case .revised2021:
            values["active.normative_documents.issued"] = "2"
            values["active.normative_documents.repealed"] = "1"
            values["active.normative_documents.in_force"] = String(10 + year - 2021)
            values["active.licensing.decisions"] = "120"
            values["active.penalties.decisions"] = "35"
            values["active.fees.amount"] = "12.50"
        case .trial2019:
            values["active.normative_documents.made"] = "2"
            values["active.normative_documents.published"] = "2"
            values["active.normative_documents.total_published"] = "10"
            values["active.licensing.previous"] = "8"
            values["active.licensing.change"] = "-1"
            values["active.licensing.decisions"] = "120"
            values["active.procurement.projects"] = "3"
            values["active.procurement.amount"] = "251.00"
        }
        return values
    }

    // MARK: - Positions, found by plain text search (independently of nianbao)

    /// The position of the value of the mapping key reached by `keys` (each searched for below the
    /// previous one), e.g. `["行政复议:", "总计:"]`; `key: true` gives the key's own position.
    static func position(_ keys: [String], in path: String, of text: String, key: Bool = false) -> Location {
        let lines = text.components(separatedBy: "\n")
        var index = -1
        for wanted in keys {
            index = lines.indices.first { $0 > index && lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix(wanted) }
                ?? lines.count
        }
        guard index < lines.count else { return Location(file: path, line: 0, column: 0) }
        let scalars = Array(lines[index].unicodeScalars)
        let indent = scalars.prefix { $0 == " " }.count
        if key { return Location(file: path, line: index + 1, column: indent + 1) }
        let colon = scalars.indices.first { $0 >= indent && scalars[$0] == ":" }!
        return Location(file: path, line: index + 1, column: colon + 3)
    }

    /// The position of element `element` (0-based) of the flow sequence `label: [a, b, …]`.
    static func position(row label: String, element: Int, in path: String, of text: String) -> Location {
        let lines = text.components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(label + ": [") })
        else { return Location(file: path, line: 0, column: 0) }
        let scalars = Array(lines[index].unicodeScalars)
        var column = scalars.firstIndex(of: "[")! + 1
        for _ in 0..<element { column = scalars[column...].firstIndex(of: ",")! + 2 }
        return Location(file: path, line: index + 1, column: column + 1)
    }

    /// The line (1-based) of the first line of `path`'s text containing `needle`.
    func line(of needle: String, in path: String) -> Int {
        (self[path] ?? "").components(separatedBy: "\n").firstIndex { $0.contains(needle) }.map { $0 + 1 } ?? 0
    }

    /// Adds the files of a fixture agency folder (`agency.yaml`, `<year>/…`) as `Content/<slug>/…`.
    mutating func addFixtureAgency(_ folder: URL, slug: String) throws {
        let manager = FileManager.default
        let base = folder.standardizedFileURL.path
        guard let walker = manager.enumerator(atPath: base) else { return }
        for case let relative as String in walker {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: base + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue else {
                continue
            }
            files["Content/\(slug)/\(relative)"] = Array(try Data(contentsOf: URL(fileURLWithPath: base + "/" + relative)))
        }
    }
}

extension Array where Element == Finding {
    /// The findings of one rule.
    func of(_ rule: String) -> [Finding] { filter { $0.rule == rule } }

    /// `rule@file:line:column` of every finding, for readable failure output.
    var summary: [String] { map { "\($0.rule)@\($0.location.description)" } }
}

/// Expects `findings` to be exactly one finding of `rule` with `severity` at `location`, and returns it.
@discardableResult
func expectOnly(
    _ findings: [Finding], _ rule: String, _ severity: Severity, at location: Location,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> Finding? {
    #expect(findings.summary == ["\(rule)@\(location.description)"], sourceLocation: sourceLocation)
    guard let finding = findings.first, findings.count == 1 else { return nil }
    #expect(finding.rule == rule, sourceLocation: sourceLocation)
    #expect(finding.severity == severity, sourceLocation: sourceLocation)
    #expect(finding.location == location, sourceLocation: sourceLocation)
    #expect(Rule.named(rule) != nil, "rule id is in the catalogue", sourceLocation: sourceLocation)
    return finding
}
