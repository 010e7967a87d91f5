import CMarkGFM
import Foundation

/// Markdown to HTML through cmark-gfm, with the GFM extensions writers use (tables,
/// strikethrough, autolinks, the tag filter) and the fixes Chinese text needs: no space for a
/// line break between two Chinese characters, and no full-width punctuation inside an autolink.
public enum MarkdownRenderer {
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter"]

    /// The HTML of `markdown`. Raw HTML is left out (cmark-gfm's safe default), but for the few
    /// harmless inline tags `RawHTML` allows.
    public static func html(_ markdown: String) -> String {
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return "" }
        defer { cmark_parser_free(parser) }
        GFMExtensions.attach(extensionNames, to: parser)
        var text = markdown
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let root = GFMExtensions.finish(parser) else { return "" }
        defer { cmark_node_free(root) }
        ChineseSoftBreaks.remove(in: root)
        AutolinkPunctuation.trim(in: root)
        keepAllowedHTML(in: root)
        guard let rendered = cmark_render_html(root, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}

extension MarkdownRenderer {
    /// Turns each allowed inline tag into a custom node, which the renderer writes as given even
    /// in safe mode; every other raw HTML node stays, and safe mode leaves it out.
    static func keepAllowedHTML(in root: OpaquePointer) {
        for node in Nodes.all(below: root, where: { cmark_node_get_type($0) == CMARK_NODE_HTML_INLINE }) {
            guard let tag = RawHTML.allowed(Nodes.literal(node)), let custom = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { continue }
            cmark_node_set_on_enter(custom, tag)
            cmark_node_replace(node, custom)
            cmark_node_free(node)
        }
    }
}

/// Walks a cmark tree in document order, collecting nodes first so that callers may change the
/// tree while they go through the list.
public enum Nodes {
    public static func all(below root: OpaquePointer, where keep: (OpaquePointer) -> Bool) -> [OpaquePointer] {
        var found: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(root) else { return found }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), keep(node) { found.append(node) }
        }
        return found
    }

    /// Visits every node below `root` in document order without recursing, however deep the
    /// tree (fifty thousand `>` are fifty thousand nested quotes; `_a _a …` nests emphasis as
    /// deep). `visit` gets each node and its depth below `root` (1 for a child of `root`) and
    /// says whether to go into the node's children. No allocation: this runs for every block
    /// of every report.
    public static func walk(below root: OpaquePointer, _ visit: (_ node: OpaquePointer, _ depth: Int) -> Bool) {
        var depth = 1
        var next = cmark_node_first_child(root)
        while let node = next {
            if visit(node, depth), let child = cmark_node_first_child(node) {
                next = child
                depth += 1
                continue
            }
            // Up to the nearest ancestor with a next sibling, stopping at `root`.
            next = nil
            var climbing: OpaquePointer? = node
            while let current = climbing, current != root {
                if let sibling = cmark_node_next(current) {
                    next = sibling
                    break
                }
                climbing = cmark_node_parent(current)
                depth -= 1
            }
        }
    }

    public static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }
}
