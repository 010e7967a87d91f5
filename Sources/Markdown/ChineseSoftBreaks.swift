import CMarkGFM

/// A line break inside a paragraph is a space in HTML; between two Chinese characters that
/// space is wrong (「政府信息 公开」). Such soft breaks are removed; between Latin words, or a
/// Chinese character and a Latin word, code span or link, they stay.
enum ChineseSoftBreaks {
    static func remove(in root: OpaquePointer) {
        let breaks = Nodes.all(below: root) { cmark_node_get_type($0) == CMARK_NODE_SOFTBREAK }
        for node in breaks {
            guard let before = lastScalar(ofSiblingsBefore: node), let after = firstScalar(ofSiblingsAfter: node),
                ChineseText.isWide(before), ChineseText.isWide(after)
            else { continue }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    private static func lastScalar(ofSiblingsBefore node: OpaquePointer) -> Unicode.Scalar? {
        guard let previous = cmark_node_previous(node) else { return nil }
        return edgeScalar(of: previous, last: true)
    }

    private static func firstScalar(ofSiblingsAfter node: OpaquePointer) -> Unicode.Scalar? {
        guard let next = cmark_node_next(node) else { return nil }
        return edgeScalar(of: next, last: false)
    }

    /// The first or last character a reader sees in `node`: its text, or that of its first or
    /// last child (emphasis, links), however deep. Code spans count as Latin unless they start
    /// with Chinese. A loop, not recursion: emphasis can nest tens of thousands deep.
    private static func edgeScalar(of node: OpaquePointer, last: Bool) -> Unicode.Scalar? {
        var current = node
        while true {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                let scalars = Nodes.literal(current).unicodeScalars
                return last ? scalars.last : scalars.first
            }
            guard let child = last ? cmark_node_last_child(current) : cmark_node_first_child(current) else { return nil }
            current = child
        }
    }
}
