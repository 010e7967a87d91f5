import Diagnostics
import Testing
import Validation

/// `fee-statement-missing` reads the fee statement as offices write it, wherever in the
/// narrative. The wordings are those of real reports: 沭阳县发展和改革局 2023 (HTML, section 六),
/// 洪泽区 2023 and 淮安市 2024 (PDF, section 六), and those issue 24 lists.
@Suite struct FeeStatementTests {
    var site = TestSite(years: [2024])
    let path = TestSite.report(2024)

    mutating func fee(_ sixth: String, first: String? = nil, third: String? = nil) throws -> [Finding] {
        site.replace(TestSite.sectionText[6]!, with: sixth, in: path)
        if let first { site.replace(TestSite.sectionText[1]!, with: first, in: path) }
        if let third { site.replace(TestSite.sectionText[3]!, with: third, in: path) }
        return try site.findings().filter { $0.rule == "fee-statement-missing" }
    }

    @Test("real wordings of the fee statement in section 六", arguments: [
        "2023年度，县发展和改革局政府信息公开未发生收费情况。",  // 沭阳县发改局 2023
        "2023 年，区政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费 0 元。",  // 洪泽区 2023
        "2024 年，市政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费 3940 元。",  // 淮安市 2024
        "本年度未收取信息公开处理费。",
        "本机关没有收取信息处理费。",
        "本年度未产生信息处理费。",
        "本年度办理的政府信息公开申请均未收费。",
        "本年度依申请公开政府信息不收取任何费用。",
        "本年度依申请公开政府信息，未产生任何费用。",
    ])
    mutating func statedInSectionSix(_ text: String) throws {
        #expect(try fee(text).isEmpty)
    }

    @Test mutating func statedInSectionOne() throws {
        let first = "（二）依申请公开情况。全年受理政府信息公开申请7件，均在法定期限内答复，均未收费。"
        #expect(try fee("无其他需要报告的事项。", first: first).isEmpty)
    }

    @Test mutating func aTableLabelAboutFeesIsNoStatement() throws {
        // 收费 after 按 and 费用 after 缴纳: the row label of （六）其他处理, not a statement.
        let third = "本年度申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请的0件。"
        let found = try fee("无其他需要报告的事项。", third: third)
        #expect(found.count == 1)
        #expect(found.first?.severity == .warning)
    }

    @Test("sentences about other fees are no statement", arguments: [
        "本年度行政事业性收费情况见第二部分。",
        "无其他需要报告的事项。",
    ])
    mutating func otherFees(_ text: String) throws {
        #expect(try fee(text).count == 1)
    }
}
