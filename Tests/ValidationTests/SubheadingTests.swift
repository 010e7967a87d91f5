import Diagnostics
import Testing

/// A report that numbers the subsections of 总体情况 一、二、三 and writes them at level 2 gets one
/// finding per such heading, not a cascade of section-duplicate, section-order and "应写作" findings.
@Suite struct SubheadingTests {
    let path = TestSite.report(2024)
    var site = TestSite(years: [2024])

    @Test mutating func numberedSubsectionsOfTheOverview() throws {
        // The subsections of 沭阳县发展和改革局 2023's 总体情况, numbered 一、二、三 and written as ##.
        let overview = """
            本年度，本局各项工作有序开展。

            ## 一、完善公开制度规范，加强政府信息管理

            规范政务信息公开工作流程。

            ## 二、加强平台建设，扩展公开渠道

            定期对政务信息进行自查。

            ## 三、及时回应关切，自觉接受监督

            全力做好政务舆情收集和回应管理。
            """
        site.replace(TestSite.sectionText[1]!, with: overview, in: path)
        let findings = try site.findings()
        let lines = ["## 一、完善", "## 二、加强", "## 三、及时"].map { site.line(of: $0, in: path) }
        #expect(findings.summary == lines.map { "section-unknown@\(path):\($0):1" })
        #expect(findings.allSatisfy { $0.severity == .warning })
        #expect(findings.first?.message.contains("「一、总体情况」在第 11 行") == true)
        #expect(findings.first?.hint?.contains("### 一、完善公开制度规范") == true)
    }

    @Test mutating func aNumeralAloneStillNamesASectionWrittenNowhereElse() throws {
        site.replace("## 五、存在的主要问题及改进情况", with: "## 五、问题与改进", in: path)
        let findings = try site.findings()
        #expect(findings.map(\.rule) == ["section-heading-variant"])
        #expect(findings.first?.expected == "五、存在的主要问题及改进情况")
    }
}
