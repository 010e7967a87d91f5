import Diagnostics
import SiteModel
import Testing
import Validation

/// Personal data and commercial secrets in the narrative are errors at their line and column;
/// document numbers, totals, dates, hotlines and the office's own contacts are not.
@Suite struct PrivacyRuleTests {
    var site = TestSite(years: [2024])
    let path = TestSite.report(2024)

    mutating func write(_ text: String) {
        site.replace(TestSite.sectionText[5]!, with: text, in: path)
    }

    func at(_ needle: String) -> Location {
        let line = site[path]!.split(separator: "\n", omittingEmptySubsequences: false)[site.line(of: needle, in: path) - 1]
        let start = line.range(of: needle)!.lowerBound
        return Location(
            file: path, line: site.line(of: needle, in: path), column: line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: start) + 1)
    }

    func privacy(_ findings: [Finding]) -> [Finding] { findings.filter { $0.rule.hasPrefix("privacy-") } }

    @Test("each kind of personal data is an error at its position, its value masked in the message", arguments: [
        ("申请人身份证号码11010519491231002X，要求公开。", "11010519491231002X", "privacy-id-number"),
        ("申请人手机13812345678，已电话告知。", "13812345678", "privacy-mobile"),
        ("申请人电话 138-1234-5678。", "138-1234-5678", "privacy-mobile"),
        ("涉及纳税人统一社会信用代码91350100M000100Y43。", "91350100M000100Y43", "privacy-credit-code"),
        ("退税账户6222020200112233446已核实。", "6222020200112233446", "privacy-bank-card"),
        ("退税账户 6222 0202 0011 2233 446 已核实。", "6222 0202 0011 2233 446", "privacy-bank-card"),
        ("申请人通过zhangsan.1990@qq.com提交申请。", "zhangsan.1990@qq.com", "privacy-email"),
    ])
    mutating func found(text: String, value: String, rule: String) throws {
        try expectFound(text: text, value: value, rule: rule)
    }

    @Test("the usual reformattings of ID and mobile numbers are recognised", arguments: [
        ("申请人身份证号 320826 19850315 123X，已核实。", "320826 19850315 123X", "privacy-id-number"),
        ("申请人身份证号320826-19850315-123X，已核实。", "320826-19850315-123X", "privacy-id-number"),
        ("申请人身份证号３２０８２６１９８５０３１５１２３Ｘ，已核实。", "３２０８２６１９８５０３１５１２３Ｘ", "privacy-id-number"),
        ("申请人身份证号320826850315123（一代证），已核实。", "320826850315123", "privacy-id-number"),
        ("申请人身份证号 320826 850315 123，已核实。", "320826 850315 123", "privacy-id-number"),
        ("申请人手机１３８１２３４５６７８。", "１３８１２３４５６７８", "privacy-mobile"),
        ("申请人手机 +86 138 1234 5678。", "+86 138 1234 5678", "privacy-mobile"),
        ("申请人手机+8613812345678。", "+8613812345678", "privacy-mobile"),
        ("申请人手机0086 13812345678。", "0086 13812345678", "privacy-mobile"),
        ("申请人手机138.1234.5678。", "138.1234.5678", "privacy-mobile"),
        ("申请人手机(138)12345678。", "(138)12345678", "privacy-mobile"),
        ("申请人手机（138）1234-5678。", "（138）1234-5678", "privacy-mobile"),
        ("申请人手机（13812345678）。", "13812345678", "privacy-mobile"),
        ("申请人手机138-1234-5678。", "138-1234-5678", "privacy-mobile"),
        ("申请人手机138　1234　5678。", "138　1234　5678", "privacy-mobile"),
        ("申请人手机138—1234—5678。", "138—1234—5678", "privacy-mobile"),
        ("申请人手机138\\-1234\\-5678。", "138\\-1234\\-5678", "privacy-mobile"),
        ("已电话告知13812345678次日办结。", "13812345678", "privacy-mobile"),
        ("公开了13812345678个人信息。", "13812345678", "privacy-mobile"),
    ])
    mutating func reformatted(text: String, value: String, rule: String) throws {
        try expectFound(text: text, value: value, rule: rule)
    }

    mutating func expectFound(text: String, value: String, rule: String) throws {
        write(text)
        let findings = privacy(try site.findings())
        let finding = expectOnly(findings, rule, .error, at: at(value))
        #expect(finding?.message.contains(value) == false, "the message must not repeat the value")
        // Shown as read: full-width digits and brackets as ASCII.
        let read = String(String.UnicodeScalarView(value.unicodeScalars.map { (0xFF01...0xFF5E).contains($0.value) ? Unicode.Scalar($0.value - 0xFEE0)! : $0 }))
        #expect(finding?.message.contains(String(read.prefix(3))) == true, "\(finding?.message ?? "")")
    }

    @Test("a long run of %XX that is not UTF-8 is read once: linear in its length, and a mobile encoded after it is still found")
    mutating func longPercentRun() throws {
        let encoded = "%31%33%38%31%32%33%34%35%36%37%38"
        var seconds: [Int: Double] = [:]
        for count in [2_000, 20_000] {
            site = TestSite(years: [2024])
            write("链接：[申请表](https://example.gov.cn/a?x=" + String(repeating: "%FF", count: count) + "&tel=" + encoded + ")")
            let clock = ContinuousClock.now
            let finding = expectOnly(privacy(try site.findings()), "privacy-mobile", .error, at: at(encoded))
            let elapsed = ContinuousClock.now - clock
            seconds[count] = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            #expect(finding?.message.contains("138") == true, "\(finding?.message ?? "")")
        }
        // Ten times the run: about ten times the work at most (a hundred times when each failed
        // run was decoded again from its next %).
        #expect(seconds[20_000]! < 25 * seconds[2_000]! + 0.5, "\(seconds)")
    }

    @Test("numbers that are not personal data do not fire", arguments: [
        "依据税总办发〔2019〕65号文件，全年共收到申请12345678件。",
        "本报告于2025-01-20 09:30发布，统计期为2024年1月1日至2024年12月31日。",
        "纳税服务热线12366，办公电话0571-87654321，传真 0571 8765 4322。",
        "编号12345678901不是手机号；110105194912310021的校验码不对。",
        "序列号4111111111111112未通过校验；批次号20240101000000000001太长。",
        "来信请寄 gongkai@chinatax.gov.cn 或 zfxxgk@jiangyu.gov.cn。",
        "统一社会信用代码格式示例 91350100M000100Y44（校验码错误）。",
        "网站累计访问量13800000000次，同比增长。",
        "收费金额13912345678元，均已上缴。",
        "全年服务13812345678 人次；编印13912345678份；涉及15912345678件。",
        "比例为0.13812345678，版本号1.3812345678，日期2024.01.01-2024.12.31。",
        "金额1380000000.0，批次号202401010000001，流水号110105991332123。",
        "一代证号码的形状：110105491331002（月份不对）、990105491231002（没有这个省）。",
    ])
    mutating func notFound(text: String) throws {
        write(text)
        let found = privacy(try site.findings())
        #expect(found.isEmpty, "\(found.summary)")
    }

    @Test("the office's own code at the head of its 索引号 is not a finding, there or in the text; another code is", arguments: [
        "11320800014160536F/2025-00012", "11320800014160536F-2025-00012", "１１３２０８０００１４１６０５３６Ｆ／2025-00012",
    ])
    mutating func ownCode(index: String) throws {
        site.replace("索引号: 000000000/2025-00001", with: "索引号: \(index)", in: path)
        write("本局统一社会信用代码11320800014160536F；涉及纳税人91350100M000100Y43。")
        let findings = privacy(try site.findings())
        #expect(findings.summary == ["privacy-credit-code@\(at("91350100M000100Y43").description)"])
    }

    @Test("public_contacts matches a number however it is written")
    mutating func allowListReformatted() throws {
        site["nianbao.yaml"] = "name: 测试站点\npublic_contacts: +86-138-0000-1234\n"
        write("咨询电话（138）0000 1234，或１３８００００１２３４。")
        #expect(privacy(try site.findings()).isEmpty)
    }

    @Test("the office's own contacts listed in public_contacts are allowed")
    mutating func allowList() throws {
        site["nianbao.yaml"] = "name: 测试站点\npublic_contacts: 138-0000-1234, gongkai@163.com\n"
        write("咨询电话13800001234，邮箱gongkai@163.com；申请人手机13912345678。")
        let findings = privacy(try site.findings())
        #expect(findings.summary == ["privacy-mobile@\(at("13912345678").description)"])
    }
}
