import Diagnostics
import SiteModel

/// Writes table values into the narrative where it says `{{cell-id}}`, before the Markdown is
/// rendered, so the text states exactly what the table does. Ids that name no cell are left as
/// written: `check` reports them (`placeholder-unknown`), and a build with errors is refused.
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
                let id = String(rest[open.upperBound..<close.lowerBound].filter { $0 != " " })
                out += tables[id]?.text ?? String(rest[open.lowerBound..<close.upperBound])
                rest = rest[close.upperBound...]
            }
            out += rest
        }
        return out
    }
}
