import Diagnostics
import Scaffold
import SiteModel

/// The front matter: present, complete, and consistent with the folder and `agency.yaml`.
enum FrontMatterRules {
    static let required: [(key: String, meaning: String)] = [
        ("title", "标题"), ("agency", "发布机关"), ("year", "报告年度"), ("published", "发布日期时间"),
    ]

    static func check(_ report: Report, agency: Agency?) -> [Finding] {
        let front = report.frontMatter
        guard front.isPresent else {
            // A report file that could not be read has findings of its own already.
            guard !report.document.blocks.isEmpty || !report.document.headings.isEmpty else { return [] }
            return [Rule.frontMatterMissing.finding(
                "report.md 开头没有头信息", gist: "report.md has no front matter", at: front.location,
                hint: "在文件开头加上 --- 包围的头信息：title、agency、year、published。")]
        }
        // Keys of a block that did not parse are unknown, not missing.
        guard front.isReadable else { return [] }
        var findings: [Finding] = []
        for (key, meaning) in required where front[key]?.value.isEmpty ?? true {
            findings.append(Rule.frontMatterMissing.finding(
                "头信息缺少「\(key)」（\(meaning)）", gist: "front matter lacks \(key)",
                at: front[key]?.location ?? front.location, hint: "加上一行 \(key): …"))
        }
        if let year = front["year"], !year.value.isEmpty, year.value != String(report.year) {
            findings.append(Rule.frontMatterInvalid.finding(
                "year 是 \(year.value)，但报告在 \(report.year) 年度文件夹中", gist: "year does not match the folder",
                at: year.location, expected: String(report.year), found: year.value))
        }
        if let written = front["agency"], !written.value.isEmpty, let name = agency?.name?.value, written.value != name {
            findings.append(Rule.frontMatterInvalid.finding(
                "agency「\(written.value)」与 agency.yaml 中的机关全称「\(name)」不一致", gist: "agency does not match agency.yaml",
                at: written.location, expected: name, found: written.value))
        }
        if let published = front["published"], !published.value.isEmpty,
            !published.value.containsBytes(ReportTemplate.placeholder)
        {
            if let date = PublicationDate(published.value) {
                if !date.hasTime {
                    findings.append(Rule.frontMatterInvalid.finding(
                        "published 缺少时间（时:分）", gist: "published has no time", at: published.location,
                        hint: "写成 YYYY-MM-DD HH:MM，网页的 PubDate 标签需要时间。", severity: .warning))
                }
            } else {
                findings.append(Rule.frontMatterInvalid.finding(
                    "published「\(published.value)」不是有效的日期时间", gist: "published is not a valid date-time",
                    at: published.location, found: published.value, hint: "写成 YYYY-MM-DD HH:MM，例如 \(report.year + 1)-01-20 09:30；日期必须真实存在。"))
            }
        }
        return findings
    }
}
