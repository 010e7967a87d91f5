import CMarkGFM

/// The GFM autolink extension ends a URL at white space, which Chinese text does not have:
/// 「见https://www.gov.cn/a。其他」 would link 「https://www.gov.cn/a。其他」. An autolink is cut at its
/// first full-width punctuation mark, and the rest goes back into the text.
enum AutolinkPunctuation {
    static func trim(in root: OpaquePointer) {
        let links = Nodes.all(below: root) { cmark_node_get_type($0) == CMARK_NODE_LINK }
        for link in links {
            guard let child = cmark_node_first_child(link), cmark_node_next(child) == nil,
                cmark_node_get_type(child) == CMARK_NODE_TEXT, let urlPointer = cmark_node_get_url(link)
            else { continue }
            let text = Nodes.literal(child)
            let url = String(cString: urlPointer)
            // Only links the extension made: their URL is their text (or it with a scheme added).
            guard let scheme = ["", "http://", "mailto:"].first(where: { url == $0 + text }),
                let cut = text.unicodeScalars.firstIndex(where: ChineseText.isFullWidthPunctuation)
            else { continue }
            let kept = String(text.unicodeScalars[..<cut])
            let rest = String(text.unicodeScalars[cut...])
            guard !kept.isEmpty, let tail = cmark_node_new(CMARK_NODE_TEXT) else { continue }
            cmark_node_set_literal(child, kept)
            cmark_node_set_url(link, scheme + kept)
            cmark_node_set_literal(tail, rest)
            cmark_node_insert_after(link, tail)
        }
    }
}
