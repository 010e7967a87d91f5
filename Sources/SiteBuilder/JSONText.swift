/// JSON written by hand, so that key order follows the form and numbers keep their decimals
/// (万元 with two places), and the bytes are the same on every build.
enum JSONText {
    /// A JSON string literal. Non-ASCII text is kept as is (UTF-8), as readers expect.
    static func string(_ text: String) -> String {
        // Most text needs no escape at all: copy it whole.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            return "\"" + text + "\""
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// An object from `members`, in the order given; values are JSON already. Appended in place
    /// into one reserved string: `data.json` holds 50 KB of cells in one member, and mapping
    /// then joining copied them twice.
    static func object(_ members: [(String, String)], indent: String = "") -> String {
        guard !members.isEmpty else { return "{}" }
        let inner = indent + "  "
        var out = "{\n"
        out.reserveCapacity(members.reduce(indent.utf8.count + 8) { $0 + inner.utf8.count + $1.0.utf8.count + $1.1.utf8.count + 6 })
        for (number, (key, value)) in members.enumerated() {
            if number > 0 { out += ",\n" }
            out += inner
            out += string(key)
            out += ": "
            out += value
        }
        return out + "\n" + indent + "}"
    }

    /// An array of JSON values, one per line.
    static func array(_ items: [String], indent: String = "") -> String {
        array(count: items.count, indent: indent, capacity: items.reduce(0) { $0 + $1.utf8.count }) { $1 += items[$0] }
    }

    /// An array of `count` JSON values, one per line, each appended by `item` (its position and
    /// the text so far): `data.json`'s 200 cells go in without a String each.
    static func array(count: Int, indent: String = "", capacity: Int = 0, item: (Int, inout String) -> Void) -> String {
        guard count > 0 else { return "[]" }
        let inner = indent + "  "
        var out = "[\n"
        out.reserveCapacity(capacity + count * (inner.utf8.count + 2) + indent.utf8.count + 8)
        for number in 0..<count {
            if number > 0 { out += ",\n" }
            out += inner
            item(number, &out)
        }
        return out + "\n" + indent + "]"
    }
}

/// CSV as Excel and WPS open it without asking: UTF-8 with a byte order mark, CRLF line ends,
/// fields quoted where they hold a comma, a quote or a line break (RFC 4180).
enum CSVText {
    static let byteOrderMark = "\u{FEFF}"

    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    static func field(_ text: String) -> String {
        // , " LF CR
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
