import Diagnostics
import ReportForm
import Scaffold
import SiteModel

/// Deadlines (条例第四十九条) and the 信息处理费 statement in section 六.
enum PublicationRules {
    static func check(_ report: Report, agency: Agency?) -> [Finding] {
        var findings: [Finding] = []
        let today = PublicationDate.today
        if report.year > today.year {
            findings.append(
                Rule.reportYearFuture.finding(
                    "报告年度 \(report.year) 晚于今年（\(today.year)年）", gist: "report year \(report.year) is in the future",
                    at: report.frontMatter["year"]?.location ?? SourceLocation(file: report.folder), found: String(report.year)))
        }
        if let published = report.frontMatter["published"], let date = report.publicationDate {
            if let kind = agency?.kind {
                let deadline = report.deadline(kind)
                if date > deadline {
                    findings.append(Rule.publishedLate.finding(
                        "\(kind.rawValue)的\(report.year)年度报告应在\(deadline.chinese)前公布，实际\(date.chinese)公布，逾期 \(date.dayNumber - deadline.dayNumber) 天",
                        gist: "published \(date.dayNumber - deadline.dayNumber) days after the deadline",
                        at: published.location, expected: deadline.chinese, found: date.chinese))
                }
            }
            if date.year <= report.year {
                findings.append(Rule.publishedEarly.finding(
                    "发布时间\(date.chinese)早于统计期限结束（\(report.year)年12月31日）", gist: "published before the year ended",
                    at: published.location, found: date.chinese))
            }
        }
        if report.requiredForm.version == .revised2021, let section = sixth(report) {
            let blocks = report.document.blocks(inSection: section)
            // Offices state the fee in section 六 or in 一 (依申请公开情况), and in their own words.
            // 信息处理费 itself first, by bytes alone: most reports write it.
            let mentions = report.document.blocks.contains { $0.text.containsBytes(FeeStatement.keyword) }
                || report.document.blocks.contains {
                    $0.text.containsBytes(FeeStatement.feeCharacter) && FeeStatement.isStated(in: $0.text)
                }
            // An unwritten section is reported as not filled in; asking for the fee there is noise.
            let unwritten = blocks.isEmpty || blocks.contains { $0.text.containsBytes(ReportTemplate.placeholder) }
            if !mentions && !unwritten {
                findings.append(Rule.feeStatementMissing.finding(
                    "正文没有说明\(FeeStatement.keyword)的收取情况", gist: "the narrative does not state the information processing fee",
                    at: report.document.sections[section].location,
                    hint: "例如：「依据\(FeeStatement.basis)，本年度未收取\(FeeStatement.keyword)。」"))
            }
        }
        return findings
    }

    private static func sixth(_ report: Report) -> Int? {
        StatutorySection.identify(sections: report.document.sections).firstIndex { $0?.0.number == FeeStatement.sectionNumber }
    }
}
