import CMarkGFM

/// A block of Markdown as plain text, for layouts that set their own type (the printed report).
public enum MarkdownBlock: Sendable, Equatable {
    case heading(level: Int, text: String)
    case paragraph(String)
    /// A list item's marker (「1.」「•」) and its text.
    case listItem(marker: String, text: String)
    /// A GFM table's rows of cell text; the first row is the header.
    case table([[String]])
    case code(String)
}

extension MarkdownRenderer {
    /// The blocks of `markdown`, their inline markup reduced to text (links to their text, code
    /// to its characters), with the same soft-break rule as the HTML: no space between two
    /// Chinese characters.
    public static func blocks(_ markdown: String) -> [MarkdownBlock] {
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return [] }
        defer { cmark_parser_free(parser) }
        GFMExtensions.attach(["table", "strikethrough", "autolink"], to: parser)
        var text = markdown
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let root = cmark_parser_finish(parser) else { return [] }
        defer { cmark_node_free(root) }
        ChineseSoftBreaks.remove(in: root)
        var blocks: [MarkdownBlock] = []
        collect(root, into: &blocks)
        return blocks
    }

    private static func collect(_ node: OpaquePointer, into blocks: inout [MarkdownBlock]) {
        var child = cmark_node_first_child(node)
        while let current = child {
            let type = cmark_node_get_type(current)
            let typeName = cmark_node_get_type_string(current).map { String(cString: $0) } ?? ""
            switch type {
            case CMARK_NODE_HEADING:
                blocks.append(.heading(level: Int(cmark_node_get_heading_level(current)), text: inline(current)))
            case CMARK_NODE_PARAGRAPH:
                blocks.append(.paragraph(inline(current)))
            case CMARK_NODE_LIST:
                let ordered = cmark_node_get_list_type(current) == CMARK_ORDERED_LIST
                var number = Int(cmark_node_get_list_start(current))
                var item = cmark_node_first_child(current)
                while let entry = item {
                    let marker = ordered ? "\(number). " : "• "
                    var inner: [MarkdownBlock] = []
                    collect(entry, into: &inner)
                    for (index, block) in inner.enumerated() {
                        if index == 0, case .paragraph(let text) = block {
                            blocks.append(.listItem(marker: marker, text: text))
                        } else {
                            blocks.append(block)
                        }
                    }
                    number += 1
                    item = cmark_node_next(entry)
                }
            case CMARK_NODE_CODE_BLOCK:
                blocks.append(.code(Nodes.literal(current)))
            case CMARK_NODE_BLOCK_QUOTE:
                collect(current, into: &blocks)
            default:
                if typeName == "table" {
                    var rows: [[String]] = []
                    var row = cmark_node_first_child(current)
                    while let tableRow = row {
                        var cells: [String] = []
                        var cell = cmark_node_first_child(tableRow)
                        while let tableCell = cell {
                            cells.append(inline(tableCell))
                            cell = cmark_node_next(tableCell)
                        }
                        rows.append(cells)
                        row = cmark_node_next(tableRow)
                    }
                    blocks.append(.table(rows))
                }
            }
            child = cmark_node_next(current)
        }
    }

    /// The text a reader sees in an inline container.
    private static func inline(_ node: OpaquePointer) -> String {
        var out = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: out += Nodes.literal(current)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: out += " "
            case CMARK_NODE_HTML_INLINE: break
            default: out += inline(current)
            }
            child = cmark_node_next(current)
        }
        return out
    }
}
