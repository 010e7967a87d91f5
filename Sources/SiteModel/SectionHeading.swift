import Diagnostics
import ReportForm

extension StatutorySection {
    /// The section a heading names, and whether it is written canonically.
    public static func identify(_ text: String) -> (StatutorySection, Bool)? {
        identification(text).map { ($0.section, $0.isCanonical) }
    }

    /// The section each `##` heading of a report names, read together: a heading that names a
    /// section only by its numeral (「二、深化主动公开」) while another heading names that section by
    /// its title (「二、主动公开政府信息情况」) is a subheading written at level 2, and names none.
    /// Reports that number the subsections of 总体情况 一、二、三 would otherwise be read as
    /// statutory sections out of place, each a cascade of findings, and take the tables with them.
    public static func identify(sections headings: [Heading]) -> [(StatutorySection, Bool)?] {
        let found = headings.map { identification($0.text) }
        var byTitle: Set<Int> = []
        for case let found? in found where found.byTitle { byTitle.insert(found.section.number) }
        return found.map { found in
            guard let found, found.byTitle || !byTitle.contains(found.section.number) else { return nil }
            return (found.section, found.isCanonical)
        }
    }

    /// The section a heading names, whether canonically, and whether by its title (or a known
    /// variant) rather than by its numeral alone.
    private static func identification(_ text: String) -> (section: StatutorySection, isCanonical: Bool, byTitle: Bool)? {
        if let section = StatutorySection.all.first(where: { $0.heading.bytesEqual(text) }) { return (section, true, true) }
        for section in StatutorySection.all {
            if let match = LabelMatcher.match(text, canonical: section.heading, variants: section.variants) {
                return (section, match == .exact, true)
            }
        }
        let folded = LabelMatcher.normalize(text)
        // 「总体情况」 names section 一 by its words; 「五、存在问题」 names section 五 by its numeral.
        for section in StatutorySection.all {
            let title = LabelMatcher.normalize(String(section.heading.dropFirst(2)))
            if folded == title || folded.hasSuffix(title) { return (section, false, true) }
        }
        return StatutorySection.all.first { folded.hasPrefix($0.numeral) }.map { ($0, false, false) }
    }
}
