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
    /// Chinese characters. Quotes and lists are flattened: a list item's first paragraph carries
    /// its marker, everything else in it follows as blocks of its own.
    public static func blocks(_ markdown: String) -> [MarkdownBlock] {
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return [] }
        defer { cmark_parser_free(parser) }
        GFMExtensions.attach(["table", "strikethrough", "autolink"], to: parser)
        var text = markdown
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let root = GFMExtensions.finish(parser) else { return [] }
        defer { cmark_node_free(root) }
        ChineseSoftBreaks.remove(in: root)
        var collector = BlockCollector()
        collector.collect(root)
        return collector.blocks
    }
}

/// Goes through the block tree with cmark's iterator, never recursing: quotes and lists nest as
/// deep as the text asks (fifty thousand `>` are fifty thousand quotes), and a recursive walk
/// took the stack with it.
private struct BlockCollector {
    var blocks: [MarkdownBlock] = []
    /// The open lists: whether each is numbered, and the number of its next item.
    private var lists: [(ordered: Bool, next: Int)] = []
    /// The open list items: each one's marker, and whether it has no block yet. The first block
    /// of an item takes its marker if it is a paragraph; an item whose first block is something
    /// else (a heading, a table, the item of an inner list) loses its marker.
    private var items: [(marker: String, fresh: Bool)] = []

    mutating func collect(_ root: OpaquePointer) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator), node != root else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_EXIT {
                if type == CMARK_NODE_LIST { lists.removeLast() } else if type == CMARK_NODE_ITEM { items.removeLast() }
                continue
            }
            switch type {
            case CMARK_NODE_DOCUMENT, CMARK_NODE_BLOCK_QUOTE:
                continue  // their children are blocks of the same list
            case CMARK_NODE_LIST:
                lists.append((cmark_node_get_list_type(node) == CMARK_ORDERED_LIST, Int(cmark_node_get_list_start(node))))
                continue
            case CMARK_NODE_ITEM:
                let number = lists.last?.next ?? 1
                let ordered = lists.last?.ordered ?? false
                if !lists.isEmpty { lists[lists.count - 1].next += 1 }
                items.append((ordered ? "\(number). " : "• ", true))
                continue
            case CMARK_NODE_HEADING:
                add(.heading(level: Int(cmark_node_get_heading_level(node)), text: Self.inline(node)))
            case CMARK_NODE_PARAGRAPH:
                add(.paragraph(Self.inline(node)))
            case CMARK_NODE_CODE_BLOCK:
                add(.code(Nodes.literal(node)))
            default:
                if cmark_node_get_type_string(node).map({ String(cString: $0) }) == "table" { add(.table(Self.rows(node))) }
            }
            // Whatever is inside a block taken whole (inline text, a table's rows) is not walked again.
            cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
        }
    }

    private mutating func add(_ block: MarkdownBlock) {
        if let item = items.last, item.fresh, case .paragraph(let text) = block {
            blocks.append(.listItem(marker: item.marker, text: text))
        } else {
            blocks.append(block)
        }
        // The fresh items are the innermost ones; each stops being fresh once.
        var index = items.count - 1
        while index >= 0, items[index].fresh {
            items[index].fresh = false
            index -= 1
        }
    }

    private static func rows(_ table: OpaquePointer) -> [[String]] {
        var rows: [[String]] = []
        var row = cmark_node_first_child(table)
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
        return rows
    }

    /// The text a reader sees in an inline container, however deep its emphasis and links nest.
    private static func inline(_ node: OpaquePointer) -> String {
        var out = ""
        Nodes.walk(below: node) { current, _ in
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: out += Nodes.literal(current)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: out += " "
            case CMARK_NODE_HTML_INLINE: break
            default: return true
            }
            return false
        }
        return out
    }
}
