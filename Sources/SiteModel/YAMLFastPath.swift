/// A reader for the plain shape of YAML that nianbao's own files use — block mappings, plain
/// or simply quoted scalars, one-line flow sequences of plain numbers, comments — at a small
/// fraction of libyaml's cost. Anything else, including every error, is handed to libyaml, so
/// messages and edge cases stay libyaml's. A differential test holds the two to the same trees.
enum YAMLFastPath {
    enum Outcome {
        case document(YAMLNode?)
        /// The text uses YAML beyond this reader; use libyaml.
        case unsupported
    }

    private struct Unsupported: Error {}

    /// An open block mapping: its indentation, its pairs so far, and a key still waiting for
    /// its nested mapping.
    private struct Level {
        let indent: Int
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        var position: YAMLNode.Position?
        var pendingKey: YAMLNode?
    }

    static func parse(_ text: String) -> Outcome {
        var text = text
        return text.withUTF8 { bytes in
            do {
                return .document(try parse(bytes))
            } catch {
                return .unsupported
            }
        }
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(Unsupported) -> YAMLNode? {
        var stack: [Level] = []
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            lineNumber += 1
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            defer { start = end + 1 }
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            try checkCharacters(line)
            var indent = 0
            while indent < line.count, line[indent] == 0x20 { indent += 1 }
            if indent == line.count || line[indent] == 0x23 { continue }  // blank or comment
            if lineNumber == 1 || indent == 0, line.count >= 3, line[0] == 0x2D || line[0] == 0x2E,
                line[1] == line[0], line[2] == line[0]
            {
                throw Unsupported()  // document markers
            }
            let (key, value) = try keyAndValue(line, from: indent, line: lineNumber)
            // Close the mappings this line is outdented from.
            while let top = stack.last, top.indent > indent {
                guard top.pendingKey == nil, stack.count > 1 else { throw Unsupported() }
                let closed = stack.removeLast()
                try attach(.mapping(closed.pairs, closed.position!), to: &stack)
            }
            if let top = stack.last, top.indent == indent {
                guard top.pendingKey == nil else { throw Unsupported() }  // a null value: libyaml's call
            } else if let top = stack.last {
                // Deeper: only as the mapping of the key just above.
                guard top.indent < indent, top.pendingKey != nil else { throw Unsupported() }
                // Too deep for a report: the full reader says so, with its position.
                guard stack.count < YAMLReader.maximumDepth else { throw Unsupported() }
                stack.append(Level(indent: indent))
            } else {
                stack.append(Level(indent: indent))
            }
            if stack[stack.count - 1].position == nil { stack[stack.count - 1].position = key.position }
            let keyText = key.string!
            if stack[stack.count - 1].pairs.contains(where: { $0.key.string!.bytesEqual(keyText) }) {
                throw Unsupported()  // duplicate key: libyaml reports it
            }
            if let value {
                stack[stack.count - 1].pairs.append((key, value))
            } else {
                stack[stack.count - 1].pendingKey = key
            }
        }
        while stack.count > 1 {
            let closed = stack.removeLast()
            guard closed.pendingKey == nil else { throw Unsupported() }
            try attach(.mapping(closed.pairs, closed.position!), to: &stack)
        }
        guard let root = stack.first else { return nil }
        guard root.pendingKey == nil else { throw Unsupported() }
        return .mapping(root.pairs, root.position!)
    }

    private static func attach(_ node: YAMLNode, to stack: inout [Level]) throws(Unsupported) {
        guard let key = stack[stack.count - 1].pendingKey else { throw Unsupported() }
        stack[stack.count - 1].pairs.append((key, node))
        stack[stack.count - 1].pendingKey = nil
    }

    /// `key: value` or `key:` (value nil: a nested mapping follows).
    private static func keyAndValue(_ line: UnsafeBufferPointer<UInt8>, from indent: Int, line number: Int)
        throws(Unsupported) -> (YAMLNode, YAMLNode?)
    {
        let keyPosition = YAMLNode.Position(line: number, column: indent + 1)
        var index = indent
        let key: YAMLNode
        if line[index] == 0x27 {  // 'quoted key'
            let (text, after) = try quoted(line, from: index)
            key = .scalar(text, isPlain: false, keyPosition)
            index = after
            guard index < line.count, line[index] == 0x3A else { throw Unsupported() }
        } else {
            guard startsPlain(line, at: index) else { throw Unsupported() }
            var colon = index
            while colon < line.count {
                if line[colon] == 0x3A, colon + 1 == line.count || line[colon + 1] == 0x20 { break }
                if line[colon] == 0x23, line[colon - 1] == 0x20 { throw Unsupported() }  // comment before ':'
                colon += 1
            }
            guard colon < line.count else { throw Unsupported() }  // no ':' — not a mapping line
            var keyEnd = colon
            while keyEnd > index, line[keyEnd - 1] == 0x20 { keyEnd -= 1 }
            key = .scalar(string(line, index, keyEnd), isPlain: true, keyPosition)
            index = colon
        }
        index += 1  // the ':'
        while index < line.count, line[index] == 0x20 { index += 1 }
        if index == line.count || line[index] == 0x23 {
            guard index == line.count || line[index - 1] == 0x20 else { throw Unsupported() }
            return (key, nil)
        }
        let position = YAMLNode.Position(line: number, column: column(line, index))
        switch line[index] {
        case 0x5B:  // [flow, sequence]
            let (items, after) = try flowSequence(line, from: index, line: number)
            try expectEnd(line, from: after)
            return (key, .sequence(items, position))
        case 0x27, 0x22:  // 'single' or "double" quoted
            let (text, after) = try quoted(line, from: index)
            try expectEnd(line, from: after)
            return (key, .scalar(text, isPlain: false, position))
        default:
            guard startsPlain(line, at: index) else { throw Unsupported() }
            var end = index
            while end < line.count {
                if line[end] == 0x23, line[end - 1] == 0x20 { break }
                if line[end] == 0x3A, end + 1 == line.count || line[end + 1] == 0x20 { throw Unsupported() }
                end += 1
            }
            while end > index, line[end - 1] == 0x20 { end -= 1 }
            return (key, .scalar(string(line, index, end), isPlain: true, position))
        }
    }

    /// `[a, b, c]` of plain scalars made of safe characters, closed on the same line.
    private static func flowSequence(_ line: UnsafeBufferPointer<UInt8>, from start: Int, line number: Int)
        throws(Unsupported) -> ([YAMLNode], Int)
    {
        var items: [YAMLNode] = []
        var index = start + 1
        var itemColumn = column(line, start)
        var countedTo = start
        while true {
            while index < line.count, line[index] == 0x20 { index += 1 }
            guard index < line.count else { throw Unsupported() }
            if line[index] == 0x5D, items.isEmpty { return (items, index + 1) }
            let itemStart = index
            while index < line.count, line[index] != 0x2C, line[index] != 0x5D {
                // Only characters that mean the same inside and outside a flow collection.
                let byte = line[index]
                guard byte >= 0x80 || isFlowSafe(byte) else { throw Unsupported() }
                index += 1
            }
            guard index < line.count else { throw Unsupported() }
            var itemEnd = index
            while itemEnd > itemStart, line[itemEnd - 1] == 0x20 { itemEnd -= 1 }
            guard itemEnd > itemStart, startsPlain(line, at: itemStart) else { throw Unsupported() }
            // Columns counted on from the previous item, not from the start of the line again.
            itemColumn += scalars(line, from: countedTo, to: itemStart)
            countedTo = itemStart
            items.append(.scalar(string(line, itemStart, itemEnd), isPlain: true,
                                 YAMLNode.Position(line: number, column: itemColumn)))
            if line[index] == 0x5D { return (items, index + 1) }
            index += 1  // ','
        }
    }

    private static func isFlowSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x20, 0x2E, 0x2D, 0x2B, 0x5F: true  // digits, letters, " .-+_"
        default: false
        }
    }

    /// A quoted scalar without escapes, closed on the same line.
    private static func quoted(_ line: UnsafeBufferPointer<UInt8>, from start: Int) throws(Unsupported) -> (String, Int) {
        let quote = line[start]
        var index = start + 1
        while index < line.count, line[index] != quote {
            if line[index] == 0x5C { throw Unsupported() }  // escapes are libyaml's
            index += 1
        }
        guard index < line.count else { throw Unsupported() }
        if quote == 0x27, index + 1 < line.count, line[index + 1] == 0x27 { throw Unsupported() }  // '' escape
        return (string(line, start + 1, index), index + 1)
    }

    /// Only spaces, or a comment, may follow a complete value.
    private static func expectEnd(_ line: UnsafeBufferPointer<UInt8>, from start: Int) throws(Unsupported) {
        var index = start
        while index < line.count, line[index] == 0x20 { index += 1 }
        guard index == line.count || (line[index] == 0x23 && index > start) else { throw Unsupported() }
    }

    /// Whether a plain scalar may start here: not with an indicator character.
    private static func startsPlain(_ line: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        switch line[index] {
        case 0x2D, 0x3F, 0x3A:  // '-', '?', ':' start a plain scalar only before a non-space
            return index + 1 < line.count && line[index + 1] != 0x20 && line[index] == 0x2D
        case 0x2C, 0x5B, 0x5D, 0x7B, 0x7D, 0x23, 0x26, 0x2A, 0x21, 0x7C, 0x3E, 0x27, 0x22, 0x25, 0x40, 0x60:
            return false
        default:
            return true
        }
    }

    /// Characters libyaml treats specially or refuses: controls, tabs, BOM, Unicode line breaks.
    private static func checkCharacters(_ line: UnsafeBufferPointer<UInt8>) throws(Unsupported) {
        var index = 0
        while index < line.count {
            let byte = line[index]
            // Printable ASCII, and UTF-8 bytes that cannot start one of the sequences below.
            if byte >= 0x20 && byte < 0x7F || byte >= 0x80 && byte != 0xC2 && byte != 0xE2 && byte != 0xEF {
                index += 1
                continue
            }
            if byte < 0x20 || byte == 0x7F { throw Unsupported() }
            if byte == 0xC2, index + 1 < line.count, (0x80...0x9F).contains(line[index + 1]) { throw Unsupported() }
            if byte == 0xE2, index + 2 < line.count, line[index + 1] == 0x80, line[index + 2] == 0xA8 || line[index + 2] == 0xA9 {
                throw Unsupported()
            }
            if byte == 0xEF, index + 2 < line.count,
                (line[index + 1] == 0xBB && line[index + 2] == 0xBF) || (line[index + 1] == 0xBF && line[index + 2] >= 0xBE)
            {
                throw Unsupported()
            }
            index += 1
        }
    }

    private static func string(_ line: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: line[start..<end]), as: UTF8.self)
    }

    /// 1-based column in Unicode scalars of byte `index`.
    private static func column(_ line: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        1 + scalars(line, from: 0, to: index)
    }

    /// Unicode scalars in bytes `start..<end`, counted by their lead bytes.
    private static func scalars(_ line: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var count = 0
        for offset in start..<end where line[offset] & 0xC0 != 0x80 { count += 1 }
        return count
    }
}
