import Diagnostics
import ReportForm
import SiteModel
import Testing
import Validation

/// Numbers in the narrative against the tables, and `{{cell-id}}` placeholders. The standard
/// tables (TestSite) have 一、本年新收 7 (商业企业 2), 予以公开 3, 部分公开 1, 行政复议 2, 行政诉讼 1.
@Suite struct NarrativeRuleTests {
    var site = TestSite(years: [2024])
    let path = TestSite.report(2024)

    mutating func section(_ number: Int, _ text: String) {
        site.replace(TestSite.sectionText[number]!, with: text, in: path)
    }

    func at(_ needle: String, column: Int) -> Location {
        Location(file: path, line: site.line(of: needle, in: path), column: column)
    }

    @Test mutating func agreeingNumbersGiveNoFinding() throws {
        section(3, "全年共收到政府信息公开申请7件，其中收到商业企业申请2件；予以公开3件，部分公开1件。")
        section(4, "全年发生行政复议2件、行政诉讼1件。")
        section(5, "与上年收到申请9件相比有所减少。")  // 五 compares with last year: not checked
        #expect(try site.findings().isEmpty)
    }

    @Test mutating func receivedCountThatDisagrees() throws {
        section(3, "全年共收到政府信息公开申请8件。")
        let finding = expectOnly(try site.findings(), "narrative-contradiction", .warning, at: at("收到政府信息公开申请8件", column: 4))
        #expect(finding?.expected == "7")
        #expect(finding?.found == "8")
        #expect(finding?.cell == "requests.received.total")
    }

    @Test mutating func anApplicantColumnIsCheckedAgainstItsColumn() throws {
        section(3, "全年共收到政府信息公开申请7件，其中收到商业企业申请3件。")
        let finding = expectOnly(try site.findings(), "narrative-contradiction", .warning, at: at("商业企业申请3件", column: 19))
        #expect(finding?.cell == "requests.received.commercial")
        #expect(finding?.expected == "2")
    }

    @Test mutating func anApplicantGroupIsCheckedAgainstTheSumOfItsColumns() throws {
        // The applicant group (法人或其他组织) is 商业企业 2 plus its other columns, 0 each.
        let group = try #require(ReportForm.revised2021.cellsByRow["requests.received"]?.compactMap(\.column.group).first)
        section(3, "全年共收到政府信息公开申请7件，其中收到\(group)申请2件。")
        #expect(try site.findings().isEmpty)
        site.replace("\(group)申请2件", with: "\(group)申请5件", in: path)
        let finding = expectOnly(try site.findings(), "narrative-contradiction", .warning, at: at("\(group)申请5件", column: 19))
        #expect(finding?.expected == "2")
        #expect(finding?.found == "5")
        #expect(finding?.cell == "requests.received.commercial")
        #expect(finding?.terms.count == 5)
    }

    @Test mutating func claimOfNoReviewWhenTheTableHasSome() throws {
        section(4, "本年度未发生因政府信息公开引起的行政复议。")
        let finding = expectOnly(try site.findings(), "narrative-contradiction", .warning, at: at("未发生因政府信息公开", column: 4))
        #expect(finding?.expected == "2")
        #expect(finding?.found == "0")
    }

    @Test mutating func litigationSumsBothKinds() throws {
        section(4, "行政诉讼2件。")
        let finding = expectOnly(try site.findings(), "narrative-contradiction", .warning, at: at("行政诉讼2件", column: 1))
        #expect(finding?.expected == "1")
    }

    @Test mutating func placeholdersNameRealCells() throws {
        section(3, "全年共收到政府信息公开申请{{requests.received.total}}件。")
        #expect(try site.findings().isEmpty)
    }

    @Test mutating func unknownPlaceholderWithSuggestion() throws {
        section(3, "全年共收到政府信息公开申请{{requests.recieved.total}}件。")
        let finding = expectOnly(try site.findings(), "placeholder-unknown", .error, at: at("{{requests.recieved", column: 14))
        #expect(finding?.hint?.contains("{{requests.received.total}}") == true)
    }

    @Test mutating func placeholderOfTheOtherEditionIsUnknown() throws {
        section(2, "本年新制作规范性文件{{active.normative_documents.made}}件。")
        expectOnly(try site.findings(), "placeholder-unknown", .error, at: at("{{active.normative", column: 11))
    }

    @Test mutating func placeholdersInFencedCodeAreLeftAlone() throws {
        section(1, "写法示例：\n\n```\n{{no.such.cell}}\n```\n\n本年度各项工作有序开展。")
        #expect(try site.findings().isEmpty)
    }
}

/// Quotes, lists, emphasis and links nest at most `Rule.narrativeNestingLimit` (32) levels; the
/// first place past that is an error, wherever the nesting comes from.
@Suite struct NarrativeNestingTests {
    var site = TestSite(years: [2024])
    let path = TestSite.report(2024)

    mutating func findings(_ text: String) throws -> [Finding] {
        site.replace(TestSite.sectionText[3]!, with: text, in: path)
        return try site.findings().filter { $0.rule == "narrative-too-deep" }
    }

    @Test("32 levels are allowed", arguments: [
        String(repeating: ">", count: 32) + " 深",
        String(repeating: "> ", count: 16) + String(repeating: "- ", count: 16) + "深",
        String(repeating: "- ", count: 30) + "**_深_**",
    ])
    mutating func atTheLimit(_ text: String) throws {
        #expect(try findings(text).isEmpty)
    }

    @Test("33 levels are an error at the 33rd", arguments: [
        (String(repeating: ">", count: 33) + " 深", 33),
        (String(repeating: "- ", count: 33) + "深", 65),
        (String(repeating: "- ", count: 31) + "**_深_**", 65),
        (String(repeating: "![", count: 33) + "深" + String(repeating: "](u)", count: 33), 65),
    ])
    mutating func pastTheLimit(_ text: String, _ column: Int) throws {
        let found = try findings(text)
        #expect(found.count == 1)
        #expect(found.first?.severity == .error)
        #expect(found.first?.location.line == site.line(of: text, in: path))
        #expect(found.first?.location.column == column, "\(String(describing: found.first?.location))")
        #expect(found.first?.message.contains("33 层") == true)
    }
}
