import Diagnostics
import Foundation
import Testing

/// The six statutory sections, the front matter and 「待填写」 (rules+Structure).
@Suite struct StructureRuleTests {
    let path = TestSite.report(2024)
    var site = TestSite(years: [2024])

    func at(_ line: Int, _ column: Int = 1) -> Location { Location(file: path, line: line, column: column) }

    // MARK: - Sections

    @Test mutating func sectionMissing() throws {
        site.replace("## 五、存在的主要问题及改进情况\n\n\(TestSite.sectionText[5]!)\n\n", with: "", in: path)
        // Reported where the section should have been: at the next section's heading (六, now line 27).
        let finding = expectOnly(try site.findings(), "section-missing", .error, at: at(27))
        #expect(finding?.expected == "五、存在的主要问题及改进情况")
    }

    @Test mutating func sectionOrder() throws {
        site.replace("## 二、主动公开政府信息情况", with: "## 三、收到和处理政府信息公开申请情况", in: path)
        site.replace("## 三、收到和处理政府信息公开申请情况\n\n\(TestSite.sectionText[3]!)", with: "## 二、主动公开政府信息情况\n\n正文。", in: path)
        // 一 (11), 三 (15), 二 (19): the section that comes too late is 二.
        let finding = expectOnly(try site.findings(), "section-order", .error, at: at(19))
        #expect(finding?.message.contains("「二、主动公开政府信息情况」应排在「三、收到和处理政府信息公开申请情况」之前") == true)
    }

    @Test mutating func sectionDuplicate() throws {
        site[path]! += "\n## 六、其他需要报告的事项\n\n再次说明：本年度未收取信息处理费。\n"
        let finding = expectOnly(try site.findings(), "section-duplicate", .error, at: at(35))
        #expect(finding?.message.contains("第一次在第 31 行") == true)
    }

    @Test mutating func sectionHeadingVariant() throws {
        site.replace("## 五、存在的主要问题及改进情况", with: "## 五、政府信息公开工作存在的主要问题及改进情况", in: path)
        let finding = expectOnly(try site.findings(), "section-heading-variant", .warning, at: at(27))
        #expect(finding?.expected == "五、存在的主要问题及改进情况")
        #expect(finding?.found == "五、政府信息公开工作存在的主要问题及改进情况")
    }

    @Test mutating func sectionUnknown() throws {
        site.replace("## 五、", with: "## 附：有关说明\n\n说明文字。\n\n## 五、", in: path)
        expectOnly(try site.findings(), "section-unknown", .warning, at: at(27))
    }

    @Test mutating func subheadingsAreNotSections() throws {
        site.replace(TestSite.sectionText[1]!, with: "### （一）主动公开\n\n正文。\n\n### （二）依申请公开\n\n正文。", in: path)
        #expect(try site.findings().summary == [])
    }

    // MARK: - Front matter

    @Test mutating func frontMatterMissing() throws {
        let text = site[path]!
        site[path] = String(text[text.range(of: "---\n\n")!.upperBound...])
        expectOnly(try site.findings(), "front-matter-missing", .error, at: at(1))
    }

    @Test mutating func frontMatterFieldMissing() throws {
        site.replace("published: 2025-01-20 09:30\n", with: "", in: path)
        let findings = try site.findings()
        expectOnly(findings, "front-matter-missing", .error, at: at(1))
        #expect(findings.first?.message.contains("published") == true)
    }

    @Test mutating func frontMatterYearMismatch() throws {
        site.replace("year: 2024", with: "year: 2023", in: path)
        let finding = expectOnly(try site.findings(), "front-matter-invalid", .error, at: at(4, 7))
        #expect(finding?.expected == "2024")
        #expect(finding?.found == "2023")
    }

    @Test mutating func frontMatterAgencyMismatch() throws {
        site.replace("agency: 青山县测试局", with: "agency: 青山县测试总局", in: path)
        let finding = expectOnly(try site.findings(), "front-matter-invalid", .error, at: at(3, 9))
        #expect(finding?.expected == "青山县测试局")
        #expect(finding?.found == "青山县测试总局")
    }

    @Test mutating func frontMatterDateDoesNotExist() throws {
        site.replace("published: 2025-01-20 09:30", with: "published: 2025-02-30 09:30", in: path)
        let finding = expectOnly(try site.findings(), "front-matter-invalid", .error, at: at(5, 12))
        #expect(finding?.found == "2025-02-30 09:30")
    }

    @Test mutating func frontMatterDateWithoutTimeIsAWarning() throws {
        site.replace("published: 2025-01-20 09:30", with: "published: 2025-01-20", in: path)
        expectOnly(try site.findings(), "front-matter-invalid", .warning, at: at(5, 12))
    }

    @Test mutating func frontMatterDuplicateKeyIsOneSyntaxError() throws {
        site.replace("year: 2024\n", with: "year: 2024\nyear: 2024\n", in: path)
        let findings = try site.findings()
        #expect(findings.of("yaml-syntax").summary == ["yaml-syntax@\(path):4:1"])
        // The block is there and names every field: 「头信息缺少「year」」 is not true.
        #expect(findings.of("front-matter-missing").summary == [])
    }

    // MARK: - Not filled in

    @Test mutating func placeholderLeftInText() throws {
        site.replace(TestSite.sectionText[5]!, with: "（待填写）", in: path)
        let finding = expectOnly(try site.findings(), "not-filled-in", .error, at: at(29))
        #expect(finding?.hint?.contains("待填写") == true)
    }

    @Test mutating func placeholderLeftInFrontMatter() throws {
        site.replace("published: 2025-01-20 09:30", with: "published: 待填写", in: path)
        expectOnly(try site.findings(), "not-filled-in", .error, at: at(5, 12))
    }

    @Test mutating func sectionWithoutText() throws {
        site.replace("\n\(TestSite.sectionText[5]!)\n", with: "", in: path)
        expectOnly(try site.findings(), "not-filled-in", .error, at: at(27))
    }

    @Test mutating func placeholderInATableCellIsPointedAtByCharacterColumn() throws {
        site.replace(TestSite.sectionText[2]!, with: "\(TestSite.sectionText[2]!)\n\n| 项目 | 数量 |\n| --- | --- |\n| 名称 | 待填写 |", in: path)
        let findings = try site.findings()
        #expect(findings.of("not-filled-in").map(\.location.line) == [21])
        // With ASCII before the cell the column is 7 (the cell after 「| ab |」); 「名称」 is two
        // characters as well, so the column must stay 7 (or 8, at 待), not count UTF-8 bytes.
        #expect(findings.first.map { (7...8).contains($0.location.column) } == true)
    }
}
