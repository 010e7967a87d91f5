import Diagnostics
import ReportForm
import SiteModel

/// Writes table values into the narrative where it says `{{cell-id}}`, before the Markdown is
/// rendered, so the text states exactly what the table does; `{{a + b}}` writes the sum of the
/// cells (`PlaceholderSum`). Ids that name no cell are left as written: `check` reports them
/// (`placeholder-unknown`), and a build with errors is refused.
public enum Placeholders {
    public static func fill(_ markdown: String, from tables: ReportTables) -> String {
        guard markdown.containsBytes("{{") else { return markdown }
        var out = ""
        var inFence = false
        for (index, line) in markdown.lineSlices.enumerated() {
            if index > 0 { out += "\n" }
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
            guard !inFence, line.containsBytes("{{") else {
                out += line
                continue
            }
            var rest = line[...]
            while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
                out += rest[..<open.lowerBound]
                let written = rest[open.upperBound..<close.lowerBound]
                out += value(of: written, in: tables) ?? String(rest[open.lowerBound..<close.upperBound])
                rest = rest[close.upperBound...]
            }
            out += rest
        }
        return out
    }

    /// The text of a placeholder's value: one cell as the table prints it, or the sum of cells of
    /// one kind (counts, or amounts of one scale). Nil when a term names no cell with a value.
    static func value(of written: Substring, in tables: ReportTables) -> String? {
        let terms = PlaceholderSum.terms(written)
        if terms.count == 1 { return tables[terms[0]]?.text }
        var total: Int64 = 0
        var scale: Int?
        for term in terms {
            guard let value = tables[term], scale == nil || scale == value.scale else { return nil }
            scale = value.scale
            total += value.minorUnits
        }
        return scale.map { CellValue.format(total, scale: $0) }
    }
}
