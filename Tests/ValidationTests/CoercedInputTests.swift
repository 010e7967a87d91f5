import Diagnostics
import Foundation
import ReportForm
@testable import SiteModel
import Testing

/// Input that another reader would coerce into something else is refused with a finding at its
/// position, not read as the number it seems to hold: a YAML tag (`!!python/object:os.system
/// 386` was read as 386), a leading zero (`012` was 12), hexadecimal and exponent notation
/// (`0x10`, `1e3` were called a number with a unit).
@Suite struct CoercedInputTests {
    let tables = TestSite.tables(2024)
    var site = TestSite(years: [2024])

    func at(_ file: String, _ line: Int, _ column: Int) -> Location { Location(file: file, line: line, column: column) }

    /// Line 9 of the 2024 template is `      本年废止件数: 0`: the value starts at column 15.
    mutating func cell(_ written: String) -> Location {
        site.replace("      本年废止件数: 0\n", with: "      本年废止件数: \(written)\n", in: tables)
        #expect(site.line(of: "      本年废止件数: \(written)", in: tables) == 9)
        return at(tables, 9, 15)
    }

    // MARK: - Tags

    @Test("a tag on a cell is refused at the tag, whatever the tag", arguments: [
        "!!python/object:os.system 386", "!!int 386", "!!str 386", "!foo 386", "! 386", "!<tag:yaml.org,2002:int> 386",
    ])
    mutating func tagOnACell(_ written: String) throws {
        let place = cell(written)
        let finding = expectOnly(try site.findings(), "yaml-tag", .error, at: place)
        #expect(finding?.message.contains("YAML 标签") == true, "\(finding?.message ?? "")")
        #expect(finding?.hint?.contains("删去") == true)
    }

    @Test("the tag is shown as written with the standard handle")
    mutating func tagShownAsWritten() throws {
        let place = cell("!!python/object:os.system 386")
        let finding = expectOnly(try site.findings(), "yaml-tag", .error, at: place)
        #expect(finding?.found == "!!python/object:os.system")
    }

    @Test("a tag on a mapping or a sequence is refused too")
    mutating func tagOnACollection() throws {
        site.replace("    规章:\n", with: "    规章: !!map\n", in: tables)
        expectOnly(try site.findings(), "yaml-tag", .error, at: at(tables, 7, 9))
        var other = TestSite(years: [2024])
        // The tag goes where the `[` was, one column before the first number.
        let first = TestSite.position(row: "一、本年新收政府信息公开申请数量", element: 0, in: tables, of: other[tables]!)
        other.replace("一、本年新收政府信息公开申请数量: [5,", with: "一、本年新收政府信息公开申请数量: !!seq [5,", in: tables)
        expectOnly(try other.findings(), "yaml-tag", .error, at: at(tables, first.line, first.column - 1))
    }

    @Test("tags are refused in agency.yaml, nianbao.yaml and the front matter as well")
    mutating func tagsInOtherFiles() throws {
        site.replace("kind: 部门", with: "kind: !!str 部门", in: TestSite.agencyFile)
        let line = site.line(of: "kind: !!str 部门", in: TestSite.agencyFile)
        #expect(try site.findings().summary.contains("yaml-tag@\(TestSite.agencyFile):\(line):7"))

        var config = TestSite(years: [2024])
        config["nianbao.yaml"] = "name: 门户网站\ndomain: !foo www.qingshan.gov.cn\n"
        #expect(try config.findings().summary.contains("yaml-tag@nianbao.yaml:2:9"))

        var front = TestSite(years: [2024])
        let report = TestSite.report(2024)
        front.replace("year: 2024", with: "year: !!int 2024", in: report)
        #expect(try front.findings().summary.contains("yaml-tag@\(report):4:7"))
    }

    @Test("the fast reader leaves every tag to libyaml, which refuses it", arguments: [
        "a: !!int 1\n", "a: !x 1\n", "!!str a: 1\n", "a: [!!int 1]\n", "a: !!map\n  b: 1\n",
    ])
    func fastReaderDeclinesTags(_ text: String) {
        guard case .unsupported = YAMLFastPath.parse(text) else {
            Issue.record("fast reader accepted \(text.debugDescription)")
            return
        }
        #expect(YAMLFastPathTests.agrees(text))
        guard case .failure(let finding) = YAMLDocument.parse(text, file: "t.yaml") else {
            Issue.record("tag not refused in \(text.debugDescription)")
            return
        }
        #expect(finding.rule == "yaml-tag")
    }

    // MARK: - Numbers

    @Test("a leading zero is a finding, not silently read without it", arguments: [
        ("012", "12"), ("00", "0"), ("007", "7"), ("-012", "-12"),
    ])
    mutating func leadingZero(_ written: String, _ meant: String) throws {
        let place = cell(written)
        let finding = expectOnly(try site.findings(), "cell-value", .error, at: place)
        #expect(finding?.message.contains("前导零") == true, "\(finding?.message ?? "")")
        #expect(finding?.hint?.contains("就写 \(meant)") == true, "\(finding?.hint ?? "")")
    }

    @Test("a leading zero in a row written as a sequence is found at its item")
    mutating func leadingZeroInASequence() throws {
        site.replace("一、本年新收政府信息公开申请数量: [5, 2,", with: "一、本年新收政府信息公开申请数量: [5, 02,", in: tables)
        let place = TestSite.position(row: "一、本年新收政府信息公开申请数量", element: 1, in: tables, of: site[tables]!)
        let finding = expectOnly(try site.findings(), "cell-value", .error, at: place)
        #expect(finding?.message.contains("前导零") == true)
    }

    @Test("an amount with a leading zero is a finding; zero and a fraction of one are not")
    func leadingZeroInAnAmount() throws {
        let amount = try #require(ReportForm.revised2021.cells.first { $0.kind.scale > 0 })
        let at = Location(file: "t", line: 1, column: 1)
        for (text, accepted) in [("0", true), ("0.5", true), ("0.25", true), ("05.5", false), ("00.5", false), ("10.5", true)] {
            let read = CellValueParser.parse(text, kind: amount.kind, cell: amount, at: at)
            let fast = Array(text.utf8).withUnsafeBufferPointer { CellValueParser.plainAmount($0, scale: amount.kind.scale) }
            if case .value = read { #expect(accepted, "\(text)") } else { #expect(!accepted, "\(text)") }
            #expect((fast != nil) == accepted, "\(text)")
        }
    }

    @Test("hexadecimal, octal and binary numbers get their own hint, with the decimal value", arguments: [
        ("0x10", "十六进制", "写 16"), ("0X1f", "十六进制", "写 31"), ("0o17", "八进制", "写 15"), ("0b101", "二进制", "写 5"),
    ])
    mutating func radixNumbers(_ written: String, _ name: String, _ hint: String) throws {
        let place = cell(written)
        let finding = expectOnly(try site.findings(), "cell-value", .error, at: place)
        #expect(finding?.message.contains(name) == true, "\(finding?.message ?? "")")
        #expect(finding?.message.contains("单位") == false)
        #expect(finding?.hint?.contains(hint) == true, "\(finding?.hint ?? "")")
    }

    @Test("exponent notation gets its own hint, with the number written out", arguments: [
        ("1e3", "写 1000"), ("2.5E+2", "写 250"), ("12e-1", "写 1.2"),
    ])
    mutating func exponentNotation(_ written: String, _ hint: String) throws {
        let place = cell(written)
        let finding = expectOnly(try site.findings(), "cell-value", .error, at: place)
        #expect(finding?.message.contains("科学计数法") == true, "\(finding?.message ?? "")")
        #expect(finding?.message.contains("单位") == false)
        #expect(finding?.hint?.contains(hint) == true, "\(finding?.hint ?? "")")
    }

    @Test("a number with a unit is still a number with a unit")
    mutating func unitStillAUnit() throws {
        let place = cell("12件")
        let finding = expectOnly(try site.findings(), "cell-value", .error, at: place)
        #expect(finding?.message.contains("带有单位") == true)
    }

    @Test("a task number with a leading zero is not that number")
    func taskNumbers() {
        #expect(TaskYAML.positive("12") == 12)
        for text in ["012", "+12", "0", "-1", "1e3", "0x10", ""] { #expect(TaskYAML.positive(text) == nil, "\(text)") }
    }
}
