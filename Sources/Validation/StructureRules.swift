import Diagnostics
import ReportForm
import Scaffold
import SiteModel

/// The six statutory sections: present, once each, in order, with canonical headings; and no
/// 「待填写」 left from the template.
enum StructureRules {
    static func check(_ report: Report) -> [Finding] {
        guard report.frontMatter.isPresent || !report.document.headings.isEmpty || report.document.blocks.count > 0 else {
            return []  // the file itself is missing or unreadable; that is reported already
        }
        var findings: [Finding] = []
        var found: [Int: Heading] = [:]
        var highest = 0
        let sections = report.document.sections
        let identified = StatutorySection.identify(sections: sections)
        for (heading, named) in zip(sections, identified) {
            guard let (section, isCanonical) = named else {
                if let (named, _) = StatutorySection.identify(heading.text),
                    let title = zip(sections, identified).first(where: { $0.1?.0 == named })?.0
                {
                    // Numbered like a statutory part, but that part has its own heading: a
                    // subheading of the part above, written at level 2. One finding, no cascade.
                    findings.append(Rule.sectionUnknown.finding(
                        "二级标题「\(heading.text)」不是法定部分：「\(named.heading)」在第 \(title.location.line) 行，这里像是上一部分的小标题",
                        gist: "level-2 heading numbered like section \(named.number) is a subheading", at: heading.location,
                        hint: "小标题请用三级标题：### \(heading.text)"))
                    continue
                }
                findings.append(Rule.sectionUnknown.finding(
                    "二级标题「\(heading.text)」不是法定部分", gist: "level-2 heading is not a statutory section",
                    at: heading.location, hint: "小标题请用 ###；法定部分标题为：" + StatutorySection.all.map(\.heading).joined(separator: "、")))
                continue
            }
            if !isCanonical {
                findings.append(Rule.sectionHeadingVariant.finding(
                    "标题「\(heading.text)」应写作「\(section.heading)」", gist: "non-canonical section heading",
                    at: heading.location, expected: section.heading, found: heading.text, hint: "改为规范标题「\(section.heading)」。"))
            }
            if found[section.number] != nil {
                findings.append(Rule.sectionDuplicate.finding(
                    "「\(section.heading)」重复出现（第一次在第 \(found[section.number]!.location.line) 行）",
                    gist: "section appears twice", at: heading.location))
                continue
            }
            if section.number < highest {
                findings.append(Rule.sectionOrder.finding(
                    "「\(section.heading)」应排在「\(StatutorySection.all[highest - 1].heading)」之前",
                    gist: "section out of order", at: heading.location, hint: "按一至六的顺序排列六个部分。"))
            }
            found[section.number] = heading
            highest = max(highest, section.number)
        }
        for section in StatutorySection.all where found[section.number] == nil {
            let next = found.filter { $0.key > section.number }.min { $0.key < $1.key }?.value
            let at = next?.location ?? sections.last?.location ?? SourceLocation(file: report.reportFile)
            findings.append(Rule.sectionMissing.finding(
                "缺少法定部分「\(section.heading)」", gist: "statutory section \(section.number) is missing", at: at,
                expected: section.heading, hint: "加上二级标题 ## \(section.heading) 及其内容。"))
        }
        findings += unfilled(report, sections: sections, identified: identified)
        return findings
    }

    private static func unfilled(_ report: Report, sections: [Heading], identified: [(StatutorySection, Bool)?]) -> [Finding] {
        let marker = ReportTemplate.placeholder
        var findings: [Finding] = []
        for (key, field) in report.frontMatter.fields.sorted(by: { $0.key < $1.key }) where field.value.containsBytes(marker) {
            findings.append(Rule.notFilledIn.finding(
                "头信息「\(key)」尚未填写", gist: "front matter field \(key) not filled in", at: field.location))
        }
        for block in report.document.blocks where block.text.containsBytes(marker) {
            findings.append(Rule.notFilledIn.finding(
                "这里仍是模板中的「\(marker)」", gist: "template placeholder left in the text", at: block.location,
                hint: "把「\(marker)」替换为实际内容。"))
        }
        for (index, heading) in sections.enumerated() where identified[index] != nil {
            if !report.document.blocks.contains(where: { $0.section == index }) {
                findings.append(Rule.notFilledIn.finding(
                    "「\(heading.text)」下没有任何内容", gist: "section has no text", at: heading.location,
                    hint: "没有相关情况的，也应写明，例如「本年度未发生……」。"))
            }
        }
        return findings
    }
}
