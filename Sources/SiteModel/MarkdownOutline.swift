import CMarkGFM
import Foundation
import Diagnostics
import Markdown

/// A heading of the narrative.
public struct Heading: Sendable {
    public let level: Int
    public let text: String
    public let location: SourceLocation
}

/// A block of narrative text (paragraph, heading, list item paragraph, table cell) as plain text.
public struct TextBlock: Sendable {
    public let text: String
    public let location: SourceLocation
    /// Index into `ReportDocument.sections` of the `##` section holding the block; nil before the first.
    public let section: Int?
}

/// The narrative of a report: its `##` sections and the plain text of every block, with positions.
public struct ReportDocument: Sendable {
    /// The `##` headings in order.
    public let sections: [Heading]
    /// Every heading, all levels.
    public let headings: [Heading]
    public let blocks: [TextBlock]
    /// Raw HTML that is left out of the page (all but `RawHTML.allowed` tags), as written, with
    /// the position of the block holding it.
    public var rawHTML: [(html: String, location: SourceLocation)] = []
    /// The Markdown as written (after the front matter), for positions inside blocks.
    public var source: Substring = ""
    /// Lines of the file before `source`.
    public var sourceLineOffset = 0
    /// Where quotes, lists, emphasis and links first nest past `Rule.narrativeNestingLimit`, and
    /// the deepest nesting in the text; nil within the limit.
    public var tooDeep: (depth: Int, location: SourceLocation)?

    /// The text blocks of section `index`, excluding its heading.
    public func blocks(inSection index: Int) -> [TextBlock] {
        blocks.filter { $0.section == index }
    }
}

/// Parses Markdown with cmark-gfm (the GFM extensions users write in) for its structure.
enum MarkdownOutline {

    /// Only the table extension changes the block structure (cells are blocks with their own
    /// positions); autolink, strikethrough and tagfilter change rendering, not the outline.
    static let extensionNames = ["table"]

    static func parse(_ body: Substring, file: String, lineOffset: Int) -> ReportDocument {
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_SOURCEPOS) else {
            return ReportDocument(sections: [], headings: [], blocks: [])
        }
        defer { cmark_parser_free(parser) }
        GFMExtensions.attach(extensionNames, to: parser)
        var text = String(body)  // contiguous UTF-8 for cmark and for the column index
        // cmark counts columns in bytes; editors and findings count characters. Most blocks start
        // in column 1, so the line index is built only when one does not.
        var bytes: [UInt8] = []
        var lineStarts: [Int] = []
        func characterColumn(line: Int, byteColumn: Int) -> Int {
            guard byteColumn > 1 else { return 1 }
            if lineStarts.isEmpty {
                bytes = Array(text.utf8)
                lineStarts = [0]
                for (offset, byte) in bytes.enumerated() where byte == 0x0A { lineStarts.append(offset + 1) }
            }
            guard line >= 1, line <= lineStarts.count else { return byteColumn }
            let start = lineStarts[line - 1]
            let end = min(bytes.count, start + byteColumn - 1)
            // Scalars are counted by their lead bytes; no String is needed for that.
            return bytes[start..<end].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        }
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let root = GFMExtensions.finish(parser) else { return ReportDocument(sections: [], headings: [], blocks: []) }
        defer { cmark_node_free(root) }

        var sections: [Heading] = []
        var headings: [Heading] = []
        var blocks: [TextBlock] = []
        var rawHTML: [(html: String, location: SourceLocation)] = []
        var cellTypes: [UInt32: Bool] = [:]
        guard let iterator = cmark_iter_new(root) else { return ReportDocument(sections: [], headings: [], blocks: []) }
        defer { cmark_iter_free(iterator) }
        var level = 0
        var deepest = 0
        var tooDeep: SourceLocation?
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            // The nesting of quotes, lists, emphasis and links, measured on the way (these nodes
            // always have an exit event): past the limit, the first place is reported.
            if opensLevel(type) {
                if event == CMARK_EVENT_EXIT {
                    level -= 1
                    continue
                }
                level += 1
                deepest = max(deepest, level)
                if level > Rule.narrativeNestingLimit, tooDeep == nil {
                    let (line, byteColumn) = startLine(of: node)
                    tooDeep = SourceLocation(
                        file: file, line: line + lineOffset, column: characterColumn(line: line, byteColumn: byteColumn))
                }
            }
            guard event == CMARK_EVENT_ENTER else { continue }
            // Inline nodes are read through their block; skipping them here avoids asking each
            // one for its type name.
            if type.rawValue & UInt32(CMARK_NODE_TYPE_MASK) != UInt32(CMARK_NODE_TYPE_BLOCK) { continue }
            let isCell: Bool
            if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING {
                isCell = false
            } else if let known = cellTypes[type.rawValue] {
                isCell = known
            } else {
                // Extension node types are numbered at run time; ask each type's name once.
                isCell = String(cString: cmark_node_get_type_string(node)) == "table_cell"
                cellTypes[type.rawValue] = isCell
            }
            let isHTML = type == CMARK_NODE_HTML_BLOCK
            guard type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || isCell || isHTML else { continue }
            let line = Int(cmark_node_get_start_line(node))
            let location = SourceLocation(
                file: file, line: line + lineOffset,
                column: characterColumn(line: line, byteColumn: Int(cmark_node_get_start_column(node))))
            if isHTML {
                rawHTML.append((Nodes.literal(node), location))
                continue
            }
            var inlineHTML: [String] = []
            let content = plainText(node, html: &inlineHTML)
            for html in inlineHTML where RawHTML.allowed(html) == nil { rawHTML.append((html, location)) }
            if type == CMARK_NODE_HEADING {
                let heading = Heading(level: Int(cmark_node_get_heading_level(node)), text: content, location: location)
                headings.append(heading)
                if heading.level == 2 {
                    sections.append(heading)
                    continue
                }
            }
            blocks.append(TextBlock(text: content, location: location, section: sections.isEmpty ? nil : sections.count - 1))
        }
        var document = ReportDocument(sections: sections, headings: headings, blocks: blocks)
        document.rawHTML = rawHTML
        if let tooDeep { document.tooDeep = (deepest, tooDeep) }
        return document
    }

    /// The literal text below `node`; soft line breaks join without a space, as Chinese reads.
    private static func plainText(_ node: OpaquePointer, html: inout [String]) -> String {
        var bytes: [UInt8] = []
        appendText(below: node, to: &bytes, html: &html)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Collects bytes, not Strings: one String per block instead of one per inline node. The
    /// walk does not recurse: emphasis and links can nest as deep as the text asks.
    private static func appendText(below node: OpaquePointer, to bytes: inout [UInt8], html: inout [String]) {
        Nodes.walk(below: node) { current, _ in
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_HTML_INLINE { html.append(Nodes.literal(current)) }
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_HTML_INLINE {
                if let literal = cmark_node_get_literal(current) {
                    bytes.append(contentsOf: UnsafeRawBufferPointer(start: literal, count: strlen(literal)))
                }
            } else if type == CMARK_NODE_LINEBREAK {
                bytes.append(0x0A)
            } else if type != CMARK_NODE_SOFTBREAK {
                return true
            }
            return false
        }
    }

    /// Whether `type` adds a level of nesting as a reader sees it: a quote, a list (its items
    /// are one level with it), emphasis, a link or an image.
    private static func opensLevel(_ type: cmark_node_type) -> Bool {
        type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_LIST || type == CMARK_NODE_EMPH || type == CMARK_NODE_STRONG
            || type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE
    }

    /// Where `node` starts, or the nearest enclosing node that has a position (inline nodes may
    /// have none); climbs once per document, for the finding.
    private static func startLine(of node: OpaquePointer) -> (line: Int, column: Int) {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 { return (line, Int(cmark_node_get_start_column(candidate))) }
            current = cmark_node_parent(candidate)
        }
        return (1, 1)
    }
}
