import Foundation

/// Text in and out of HTML.
enum HTMLText {
    /// The text of an HTML fragment: tags dropped (each as a space, so words on either side stay
    /// apart), the entities cmark writes decoded.
    static func plain(_ html: String) -> String {
        // Byte by byte: `<` and `>` are ASCII, so UTF-8 sequences pass whole, and walking
        // Characters (grapheme breaking) cost a twentieth of a build.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(html.utf8.count)
        var inTag = false
        for byte in html.utf8 {
            if inTag {
                if byte == UInt8(ascii: ">") { inTag = false }
            } else if byte == UInt8(ascii: "<") {
                inTag = true
                bytes.append(UInt8(ascii: " "))
            } else {
                bytes.append(byte)
            }
        }
        var out = String(decoding: bytes, as: UTF8.self)
        guard bytes.contains(UInt8(ascii: "&")) else { return out }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: character)
        }
        return out
    }
}
