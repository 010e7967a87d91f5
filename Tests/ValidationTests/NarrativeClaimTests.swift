import Diagnostics
import ReportForm
import SiteModel
import Testing
import Validation

/// Narrative claims as real reports write them (issue 24). The standard tables (TestSite): 一、本年新收
/// 7, 二、上年结转 1, 予以公开 3, 部分公开 1, （四）无法提供 3 (本机关不掌握 3), （七）总计 7,
/// 四、结转下年度 1, 行政复议 2 (维持 1, 纠正 1), 行政诉讼 1 (直接起诉 1, 复议后起诉 0).
@Suite struct NarrativeClaimTests {
    var site = TestSite(years: [2024])
    let path = TestSite.report(2024)

    mutating func claims(section number: Int, _ text: String) throws -> [Finding] {
        site.replace(TestSite.sectionText[number]!, with: text, in: path)
        return try site.findings().filter { $0.rule == "narrative-contradiction" }
    }

    // MARK: - Receipt verbs and spaces around the number

    @Test("receipt verbs, as 淮安市 2024, 洪泽区 2023 and others print them", arguments: [
        "2024 年，全市共受理政府信息公开申请 %d 件，均在法定期限内予以答复。",  // 淮安市 2024
        "2023 年全区受理政府信息公开申请 %d 件，均在法定期限答复。",  // 洪泽区 2023
        "全年共收到政府信息公开申请 %d 件。",
        "本年度新收政府信息公开申请%d件。",
        "全年共办理政府信息公开申请 %d 件。",
        "全年收到政府信息公开申请\u{3000}%d\u{3000}件。",
    ])
    mutating func receiptVerbs(_ sentence: String) throws {
        let agreeing = sentence.replacingOccurrences(of: "%d", with: "7")
        #expect(try claims(section: 1, agreeing).isEmpty)
        site.replace(agreeing, with: sentence.replacingOccurrences(of: "%d", with: "9"), in: path)
        let found = try site.findings().filter { $0.rule == "narrative-contradiction" }
        #expect(found.count == 1)
        #expect(found.first?.expected == "7")
        #expect(found.first?.found == "9")
        #expect(found.first?.severity == .warning)
        #expect(found.first?.hint?.contains("{{requests.received.total}}") == true)
    }

    @Test mutating func acceptedMayCountLastYearsToo() throws {
        // 受理 8 = 本年新收 7 + 上年结转 1.
        #expect(try claims(section: 3, "全年共受理政府信息公开申请 8 件。").isEmpty)
    }

    @Test("approximate numbers are no contradiction", arguments: [
        "全年共收到政府信息公开申请1万余件。", "全年共收到政府信息公开申请 300 余件。", "全年共收到政府信息公开申请约 30 件。",
        "全年共收到政府信息公开申请1.2万件。",
    ])
    mutating func approximate(_ text: String) throws {
        #expect(try claims(section: 3, text).isEmpty)
    }

    @Test mutating func lastYearsRequestsAreAnotherQuantity() throws {
        #expect(try claims(section: 3, "办理上年结转申请 1 件。").isEmpty)
    }

    // MARK: - Compound quantities

    @Test mutating func disclosedAndPartlyDisclosedTogether() throws {
        // Without spaces too: 「部分公开4件」 inside it is no claim about 部分公开 alone.
        #expect(try claims(section: 3, "予以公开及部分公开 4 件，予以公开及部分公开4件。").isEmpty)
        site.replace("予以公开及部分公开4件", with: "予以公开及部分公开 3 件", in: path)
        let found = try site.findings().filter { $0.rule == "narrative-contradiction" }
        #expect(found.count == 1)
        #expect(found.first?.expected == "4")
        #expect(found.first?.terms == ["requests.results.disclosed.total", "requests.results.partially_disclosed.total"])
        #expect(found.first?.hint?.contains(
            "{{requests.results.disclosed.total + requests.results.partially_disclosed.total}}") == true)
    }

    @Test mutating func unavailableIsTheWholeBlock() throws {
        #expect(try claims(section: 3, "因本机关不掌握等原因无法提供 3 件。").isEmpty)
        site.replace("无法提供 3 件", with: "无法提供 5 件", in: path)
        let found = try site.findings().filter { $0.rule == "narrative-contradiction" }
        #expect(found.count == 1)
        #expect(found.first?.expected == "3")
        #expect(found.first?.terms.count == 3)
        #expect(found.first?.terms.allSatisfy { $0.hasPrefix("requests.results.unavailable.") } == true)
    }

    // MARK: - Appeals, placeholders that state the sentence's quantity

    @Test mutating func litigationHintSumsBothKinds() throws {
        // 淮安市 2024: 「政府信息公开行政诉讼 46 件」 is 直接起诉 26 + 复议后起诉 20.
        let found = try claims(section: 4, "政府信息公开行政复议 2 件；政府信息公开行政诉讼 2 件。")
        #expect(found.count == 1)
        #expect(found.first?.expected == "1")
        let hint = "{{appeals.litigation.direct.total + appeals.litigation.after_review.total}}"
        #expect(found.first?.hint?.contains(hint) == true)
        // The suggested placeholder is valid and makes the sentence right.
        site.replace("行政诉讼 2 件", with: "行政诉讼 \(hint) 件", in: path)
        #expect(try site.findings().isEmpty)
    }

    @Test mutating func aSumPlaceholderWithAnUnknownTerm() throws {
        site.replace(TestSite.sectionText[4]!, with: "行政复议{{appeals.review.total + appeals.review.totl}}件。", in: path)
        let found = try site.findings()
        #expect(found.summary == ["placeholder-unknown@\(path):\(site.line(of: "行政复议{{", in: path)):5"])
        #expect(found.first?.found == "appeals.review.totl")
    }

    // MARK: - A typed total that is itself wrong

    @Test mutating func claimIsHeldToTheSumOfTheParts() throws {
        // 行政复议 总计 typed 0 while 维持 1 + 纠正 1 = 2 (洪泽区 2023 printed such totals).
        site = TestSite(years: [2024], values: ["appeals.review.total": "0"])
        #expect(try claims(section: 4, "本年度发生政府信息公开行政复议 2 件。").isEmpty)
        site.replace("行政复议 2 件", with: "行政复议 0 件", in: path)
        let found = try site.findings().filter { $0.rule == "narrative-contradiction" }
        #expect(found.count == 1)
        #expect(found.first?.expected == "2")
        #expect(found.first?.found == "0")
        #expect(found.first?.message.contains("填写的总计为 0") == true)
        #expect(found.first?.message.contains("各项相加为 2") == true)
    }

    // MARK: - Settled within the year

    @Test mutating func allSettledWhileOneIsCarriedForward() throws {
        let found = try claims(section: 3, "本年度收到的所有申请均已办理完成。")
        #expect(found.count == 1)
        #expect(found.first?.severity == .warning)
        #expect(found.first?.cell == "requests.carried_forward.total")
        #expect(found.first?.expected == "1")
        #expect(found.first?.found == "0")
    }

    @Test mutating func lastYearsSettledIsNoContradiction() throws {
        #expect(try claims(section: 3, "上年结转的申请均已办结。").isEmpty)
    }
}
