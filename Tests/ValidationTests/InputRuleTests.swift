import Diagnostics
import Foundation
import Testing

/// Files that cannot be read as the text nianbao expects, YAML, and agency.yaml (rules+Input).
@Suite struct InputRuleTests {
    let report = TestSite.report(2024)
    let tables = TestSite.tables(2024)
    var site = TestSite(years: [2024])

    func at(_ file: String, _ line: Int = 1, _ column: Int = 1) -> Location {
        Location(file: file, line: line, column: column)
    }

    // MARK: - Files

    @Test(arguments: ["report.md", "tables.yaml"])
    func reportIncomplete(missing name: String) throws {
        var site = TestSite(years: [2024])
        let file = "Content/\(TestSite.slug)/2024/\(name)"
        site.files[file] = nil
        let finding = expectOnly(try site.findings(), "report-incomplete", .error, at: at(file))
        #expect(finding?.message == "缺少 \(name)")
    }

    @Test mutating func gb18030ReportIsAnEncodingError() throws {
        // 「本年度」 in GB18030, after ASCII: the first byte that is not UTF-8 is on line 2, column 8.
        site.files[report] = Array("---\ntitle: ".utf8) + [0xB1, 0xBE, 0xC4, 0xEA, 0xB6, 0xC8] + Array("\n---\n".utf8)
        let finding = expectOnly(try site.findings(), "file-encoding", .error, at: at(report, 2, 8))
        #expect(finding?.message.contains("GB18030") == true)
        #expect(finding?.hint?.contains("iconv -f GB18030 -t UTF-8") == true)
    }

    @Test mutating func invalidUTF8ThatIsNotGB18030() throws {
        site.files[tables] = Array("a: 1\nb: x".utf8) + [0xC3, 0x28]
        let finding = expectOnly(try site.findings(), "file-encoding", .error, at: at(tables, 2, 5))
        #expect(finding?.message.contains("UTF-8") == true)
        #expect(finding?.message.contains("GB18030") == false)
    }

    @Test mutating func nulByteIsABinaryFile() throws {
        site.files[tables] = Array("abc\n de".utf8) + [0] + Array("f".utf8)
        expectOnly(try site.findings(), "file-binary", .error, at: at(tables, 2, 4))
    }

    @Test mutating func emptyFile() throws {
        site[tables] = "  \n\n"
        expectOnly(try site.findings(), "file-empty", .error, at: at(tables))
        site[tables] = TestSite.tablesYAML(year: 2024)
        site[report] = ""
        expectOnly(try site.findings(), "file-empty", .error, at: at(report))
    }

    @Test mutating func folderInPlaceOfAFileIsUnreadable() throws {
        site.files[tables] = nil
        site.folders.insert(tables)
        expectOnly(try site.findings(), "file-unreadable", .error, at: at(tables))
    }

    // MARK: - YAML

    @Test mutating func tabIndentation() throws {
        site.replace("    规章:", with: "\t规章:", in: tables)
        let finding = expectOnly(try site.findings(), "yaml-syntax", .error, at: at(tables, site.line(of: "\t规章:", in: tables)))
        #expect(finding?.message.contains("制表符") == true)
    }

    @Test mutating func tabInsideACommentIsNotIndentation() throws {
        site.replace("# 标签与官方表格逐字一致", with: "#\t标签与官方表格逐字一致", in: tables)
        #expect(try site.findings().summary == [])
    }

    @Test mutating func badIndentation() throws {
        site.replace("      本年废止件数: 0\n      现行有效件数: 0\n", with: "      本年废止件数: 0\n     现行有效件数: 0\n", in: tables)
        let line = site.line(of: "     现行有效件数: 0", in: tables)
        #expect(line == 10)
        expectOnly(try site.findings(), "yaml-syntax", .error, at: at(tables, line, 6))
    }

    @Test mutating func duplicateKeys() throws {
        site.replace("      本年废止件数: 0\n", with: "      本年废止件数: 0\n      本年废止件数: 0\n", in: tables)
        // Reported at the first of the two keys (line 9); the repeat is on line 10.
        let finding = expectOnly(try site.findings(), "yaml-syntax", .error, at: at(tables, 9, 7))
        #expect(finding?.message.contains("重复的键：本年废止件数") == true)
    }

    @Test mutating func rowWithTooFewValuesIsTheWrongShape() throws {
        site.replace("一、本年新收政府信息公开申请数量: [5, 2, 0, 0, 0, 0, 7]", with: "一、本年新收政府信息公开申请数量: [5, 2, 0, 0, 0]", in: tables)
        let at = TestSite.position(row: "一、本年新收政府信息公开申请数量", element: 0, in: tables, of: site[tables]!)
        let finding = expectOnly(try site.findings(), "yaml-shape", .error, at: Location(file: tables, line: at.line, column: at.column - 1))
        #expect(finding?.message.contains("应有 7 个数") == true)
    }

    @Test mutating func tablesThatAreAListAreTheWrongShape() throws {
        site[tables] = "- 二、主动公开政府信息情况\n- 三、收到和处理政府信息公开申请情况\n"
        expectOnly(try site.findings(), "yaml-shape", .error, at: at(tables))
    }

    @Test mutating func siteConfigurationSyntax() throws {
        site["nianbao.yaml"] = "name: 门户网站\n\tdomain: www.qingshan.gov.cn\n"
        expectOnly(try site.findings(), "yaml-syntax", .error, at: at("nianbao.yaml", 2))
    }

    @Test mutating func siteConfigurationWithAMisspelledKey() throws {
        site["nianbao.yaml"] = "nmae: 门户网站\ndomain: www.qingshan.gov.cn\n"
        let findings = try site.findings()
        // Rule.siteConfig (site-config) is in the catalogue, but nothing ever reports it.
        #expect(findings.of("site-config").count == 1)
    }

    // MARK: - agency.yaml

    @Test mutating func agencyFileMissing() throws {
        site.files[TestSite.agencyFile] = nil
        expectOnly(try site.findings(), "agency-config", .error, at: at(TestSite.agencyFile))
    }

    @Test mutating func agencyKindInvalid() throws {
        site.replace("kind: 部门", with: "kind: 局", in: TestSite.agencyFile)
        let line = site.line(of: "kind: 局", in: TestSite.agencyFile)
        let finding = expectOnly(try site.findings(), "agency-config", .error, at: at(TestSite.agencyFile, line, 7))
        #expect(finding?.found == "局")
    }

    @Test mutating func agencyNameMissing() throws {
        site.replace("name: \(TestSite.agencyName)\n", with: "", in: TestSite.agencyFile)
        let finding = expectOnly(try site.findings(), "agency-config", .error, at: at(TestSite.agencyFile))
        #expect(finding?.message.contains("name") == true)
    }

    @Test mutating func folderThatIsNotAYearIsAWarning() throws {
        site.folders.insert("Content/\(TestSite.slug)/drafts")
        expectOnly(try site.findings(), "agency-config", .warning, at: at("Content/\(TestSite.slug)/drafts"))
    }

    @Test("four characters that read as a number but are not a year as written are not a year folder", arguments: ["0123", "+123", "-123"])
    mutating func numberThatIsNotWrittenAsAYear(_ name: String) throws {
        site.folders.insert("Content/\(TestSite.slug)/\(name)")
        expectOnly(try site.findings(), "agency-config", .warning, at: at("Content/\(TestSite.slug)/\(name)"))
    }
}
