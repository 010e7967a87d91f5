/// Escaping for text and attribute values in generated HTML.
public enum HTML {
    /// `text` safe inside an element or a double-quoted attribute.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// An id usable in `id`, `headers` and CSS selectors: letters, digits and hyphens.
    static func id(_ parts: String...) -> String {
        parts.joined(separator: "-").map { $0.isASCII && ($0.isLetter || $0.isNumber) ? String($0) : "-" }.joined()
    }

    /// A header cell.
    static func th(_ label: String, id: String, scope: String, colspan: Int = 1, rowspan: Int = 1, headers: [String] = [])
        -> String
    {
        var attributes = " id=\"\(id)\" scope=\"\(scope)\""
        if colspan > 1 { attributes += " colspan=\"\(colspan)\"" }
        if rowspan > 1 { attributes += " rowspan=\"\(rowspan)\"" }
        if !headers.isEmpty { attributes += " headers=\"\(headers.joined(separator: " "))\"" }
        return "<th\(attributes)>\(escape(label))</th>"
    }

    /// A data cell holding a number, announced with the header cells in `headers`.
    static func td(_ value: String, headers: [String], colspan: Int = 1) -> String {
        let span = colspan > 1 ? " colspan=\"\(colspan)\"" : ""
        return "<td class=\"num\"\(span) headers=\"\(headers.joined(separator: " "))\">\(escape(value))</td>"
    }
}
