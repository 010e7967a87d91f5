import Foundation
import Diagnostics
import ReportForm
import SiteModel

/// The narrative against the tables: placeholders name real cells, and numbers stated in the
/// text for the main quantities agree with the tables.
enum NarrativeRules {
    static func check(_ report: Report) -> [Finding] {
        let html = rawHTML(report)
        guard let tables = report.tables else { return html }
        var findings = html + placeholders(report, form: tables.form)
        let claims = NarrativeClaim.claims(tables.form.version)
        let keywords = NarrativeClaim.keywords(tables.form.version)
        for (index, section) in StatutorySection.identify(sections: report.document.sections).enumerated() {
            // Sections 一, 三 and 四 report this year's figures; 五 often compares with last year's.
            guard let number = section?.0.number, [1, 3, 4].contains(number) else { continue }
            for block in report.document.blocks(inSection: index) {
                // Each distinct keyword looked for once: several claims share one. A block with no
                // digit states no count: the words only counting claims use are not looked for.
                let skipped = hasDigit(block.text) ? 0 : keywords.countsOnly
                var present: UInt64 = 0
                for (bit, word) in keywords.words.enumerated() where skipped & 1 << bit == 0 && block.text.containsBytes(word) {
                    present |= 1 << bit
                }
                guard present != 0 else { continue }
                let relevant = claims.indices.filter { present & 1 << keywords.ofClaim[$0] != 0 }.map { claims[$0] }
                // Once per block, shared by the claims; sized by the bytes, an upper bound, as
                // counting the scalars first is a pass of its own.
                var scalars: [Unicode.Scalar] = []
                scalars.reserveCapacity(block.text.utf8.count)
                scalars.append(contentsOf: block.text.unicodeScalars)
                for claim in relevant {
                    findings += claim.contradictions(in: block, scalars: scalars, of: report, tables: tables)
                }
            }
        }
        return findings
    }

    /// Whether `text` holds an ASCII or full-width (EF BC 90–99) digit, byte by byte.
    private static func hasDigit(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for (offset, byte) in bytes.enumerated() {
                if byte >= 0x30 && byte <= 0x39 { return true }
                if byte == 0xEF, offset + 2 < bytes.count, bytes[offset + 1] == 0xBC, (0x90...0x99).contains(bytes[offset + 2]) {
                    return true
                }
            }
            return false
        }
    }

    /// Raw HTML that the page leaves out, where it is written.
    private static func rawHTML(_ report: Report) -> [Finding] {
        var searched: [String: Int] = [:]  // the same tag twice: find the second occurrence
        return report.document.rawHTML.map { html, block in
            let written = html.trimmingCharacters(in: .whitespacesAndNewlines)
            let shown = written.count > 60 ? String(written.prefix(60)) + "…" : written
            let skip = searched[written, default: 0]
            searched[written] = skip + 1
            let location = report.document.location(ofText: written, file: report.reportFile, occurrence: skip) ?? block
            return Rule.narrativeRawHTML.finding(
                "正文中的 HTML「\(shown)」不会出现在网页上", gist: "raw HTML left out of the page", at: location)
        }
    }

    private static func placeholders(_ report: Report, form: ReportForm) -> [Finding] {
        // A sum (`{{a + b}}`) is checked term by term: each term must name a cell.
        report.document.placeholders(file: report.reportFile).flatMap { written, location in
            let terms = PlaceholderSum.terms(written)
            return terms.compactMap { id -> Finding? in
                guard form.cellsByID[id] == nil else { return nil }
                let what = terms.count == 1 ? "「{{\(id)}}」" : "「{{\(written)}}」中的「\(id)」"
                let suggestion = LabelMatcher.suggestion(for: id, among: form.cells.map(\.id))
                return Rule.placeholderUnknown.finding(
                    "\(what)不是\(form.version.displayName)表格中的单元格编号",
                    gist: "unknown cell id in placeholder", at: location, found: id,
                    hint: suggestion.map { "您是否想写 {{\($0)}}？" } ?? "单元格编号见 docs/cell-ids.md。")
            }
        }
    }
}
