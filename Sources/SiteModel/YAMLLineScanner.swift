#if canImport(Glibc)
    import Glibc
#endif

/// The lines of the plain YAML subset nianbao's own files use — block mappings, plain or simply
/// quoted scalars, one-line flow sequences of plain numbers, comments — one `key: value` line at
/// a time, with blank and comment lines skipped. Anything outside the subset throws
/// `Unsupported`, and the caller hands the whole text to libyaml.
struct YAMLLineScanner {
    struct Unsupported: Error {}

    /// One `key: value` or `key:` line. Offsets are into `bytes`, the line without its break.
    struct Line {
        enum Value {
            /// Nothing after the colon: a nested mapping follows.
            case nested
            /// A plain or quoted scalar (the range inside the quotes), starting at `column`.
            case scalar(Range<Int>, isPlain: Bool, column: Int)
            /// `[a, b]` of `count` items, its `[` at offset `at` and `column`; checked, read with
            /// `forEachItem`.
            case flow(at: Int, column: Int, count: Int)
        }

        let bytes: UnsafeBufferPointer<UInt8>
        /// 1-based.
        let number: Int
        let indent: Int
        let key: Range<Int>
        let keyIsPlain: Bool
        let value: Value

        var keyPosition: YAMLNode.Position { YAMLNode.Position(line: number, column: indent + 1) }

        func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }

        /// Whether the bytes of `range` are those of `other`.
        func bytes(_ range: Range<Int>, equal other: UnsafeBufferPointer<UInt8>) -> Bool {
            guard range.count == other.count else { return false }
            guard let base = bytes.baseAddress, let otherBase = other.baseAddress else { return range.isEmpty }
            return memcmp(base + range.lowerBound, otherBase, range.count) == 0
        }

        /// Each item of the flow sequence at `at` (already checked) with its 1-based column.
        func forEachItem(from at: Int, column: Int, _ body: (Range<Int>, Int) throws(Unsupported) -> Void) throws(Unsupported) {
            _ = try YAMLLineScanner.flowItems(bytes, from: at, column: column, body)
        }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var start = 0
    private var lineNumber = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The next `key` line; nil at the end of the text.
    mutating func next() throws(Unsupported) -> Line? {
        while start < bytes.count {
            lineNumber += 1
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            start = end + 1
            try Self.checkCharacters(line)
            var indent = 0
            while indent < line.count, line[indent] == 0x20 { indent += 1 }
            if indent == line.count || line[indent] == 0x23 { continue }  // blank or comment
            if lineNumber == 1 || indent == 0, line.count >= 3, line[0] == 0x2D || line[0] == 0x2E,
                line[1] == line[0], line[2] == line[0]
            {
                throw Unsupported()  // document markers
            }
            return try Self.keyAndValue(line, from: indent, line: lineNumber)
        }
        return nil
    }

    /// `key: value` or `key:`.
    private static func keyAndValue(_ line: UnsafeBufferPointer<UInt8>, from indent: Int, line number: Int)
        throws(Unsupported) -> Line
    {
        var index = indent
        let key: Range<Int>
        let keyIsPlain: Bool
        if line[index] == 0x27 {  // 'quoted key'
            (key, index) = try quoted(line, from: index)
            keyIsPlain = false
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
            (key, keyIsPlain) = (index..<keyEnd, true)
            index = colon
        }
        index += 1  // the ':'
        while index < line.count, line[index] == 0x20 { index += 1 }
        func made(_ value: Line.Value) -> Line {
            Line(bytes: line, number: number, indent: indent, key: key, keyIsPlain: keyIsPlain, value: value)
        }
        if index == line.count || line[index] == 0x23 {
            guard index == line.count || line[index - 1] == 0x20 else { throw Unsupported() }
            return made(.nested)
        }
        let column = column(line, index)
        switch line[index] {
        case 0x5B:  // [flow, sequence]
            var count = 0
            try expectEnd(line, from: try flowItems(line, from: index, column: column) { _, _ in count += 1 })
            return made(.flow(at: index, column: column, count: count))
        case 0x27, 0x22:  // 'single' or "double" quoted
            let (text, after) = try quoted(line, from: index)
            try expectEnd(line, from: after)
            return made(.scalar(text, isPlain: false, column: column))
        default:
            guard startsPlain(line, at: index) else { throw Unsupported() }
            var end = index
            while end < line.count {
                if line[end] == 0x23, line[end - 1] == 0x20 { break }
                if line[end] == 0x3A, end + 1 == line.count || line[end + 1] == 0x20 { throw Unsupported() }
                end += 1
            }
            while end > index, line[end - 1] == 0x20 { end -= 1 }
            return made(.scalar(index..<end, isPlain: true, column: column))
        }
    }

    /// `[a, b, c]` of plain scalars made of safe characters, closed on the same line: each item's
    /// range and column to `body`; returns the offset after `]`.
    fileprivate static func flowItems(
        _ line: UnsafeBufferPointer<UInt8>, from start: Int, column: Int, _ body: (Range<Int>, Int) throws(Unsupported) -> Void
    ) throws(Unsupported) -> Int {
        var index = start + 1
        var itemColumn = column
        var countedTo = start
        var isFirst = true
        while true {
            while index < line.count, line[index] == 0x20 { index += 1 }
            guard index < line.count else { throw Unsupported() }
            if line[index] == 0x5D, isFirst { return index + 1 }
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
            try body(itemStart..<itemEnd, itemColumn)
            isFirst = false
            if line[index] == 0x5D { return index + 1 }
            index += 1  // ','
        }
    }

    private static func isFlowSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x20, 0x2E, 0x2D, 0x2B, 0x5F: true  // digits, letters, " .-+_"
        default: false
        }
    }

    /// A quoted scalar without escapes, closed on the same line: the range inside the quotes
    /// and the offset after them.
    private static func quoted(_ line: UnsafeBufferPointer<UInt8>, from start: Int) throws(Unsupported) -> (Range<Int>, Int) {
        let quote = line[start]
        var index = start + 1
        while index < line.count, line[index] != quote {
            if line[index] == 0x5C { throw Unsupported() }  // escapes are libyaml's
            index += 1
        }
        guard index < line.count else { throw Unsupported() }
        if quote == 0x27, index + 1 < line.count, line[index + 1] == 0x27 { throw Unsupported() }  // '' escape
        return (start + 1..<index, index + 1)
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
