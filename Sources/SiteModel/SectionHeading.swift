import Diagnostics
import ReportForm

extension StatutorySection {
    /// The section a heading names, and whether it is written canonically.
    public static func identify(_ text: String) -> (StatutorySection, Bool)? {
        if let section = StatutorySection.all.first(where: { $0.heading.bytesEqual(text) }) { return (section, true) }
        for section in StatutorySection.all {
            if let match = LabelMatcher.match(text, canonical: section.heading, variants: section.variants) {
                return (section, match == .exact)
            }
        }
        let folded = LabelMatcher.normalize(text)
        for section in StatutorySection.all {
            let title = LabelMatcher.normalize(String(section.heading.dropFirst(2)))
            // 「五、存在问题」 names section 五 by its numeral; 「总体情况」 by its words.
            if folded.hasPrefix(section.numeral) || folded == title || folded.hasSuffix(title) { return (section, false) }
        }
        return nil
    }
}
