import Foundation

/// Text in and out of HTML.
enum HTMLText {
    /// The text of an HTML fragment: tags dropped (each as a space, so words on either side stay
    /// apart), the entities cmark writes decoded.
    static func plain(_ html: String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count)
        var inTag = false
        for character in html {
            if inTag {
                if character == ">" { inTag = false }
            } else if character == "<" {
                inTag = true
                out.append(" ")
            } else {
                out.append(character)
            }
        }
        guard out.contains("&") else { return out }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: character)
        }
        return out
    }
}
