/// The quick look at a line's bytes before the patterns are tried: most lines of a report hold
/// years, counts and dates, and fail here at once; a line without a digit costs one pass.
extension PersonalData {
    /// Whether any byte of a text could start something the scan looks for: a digit (ASCII or
    /// full-width, whose UTF-8 starts with 0xEF), `@`, or an escape (`%XX`, `&#NN;`).
    static func isCandidateByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "@") || byte == UInt8(ascii: "%")
            || byte == UInt8(ascii: "&") || byte == 0xEF
    }

    /// What a byte sequence of the line is, as far as the scan cares.
    private enum Piece { case digit, letter, separator, other, candidate }

    /// Whether a line could hold any of them, on its bytes: an `@` or an escape, eleven digits
    /// with no more than two separators in a row between them (spaces, hyphens, full stops,
    /// brackets, `+`, the backslash of a Markdown escape; full-width forms and dashes included),
    /// or a letter-and-digit run of
    /// eighteen. A superset of what the scan finds, which allows one separator between groups
    /// (two in `(138) 1234…`). Two separators are at most six bytes, so eight bytes without an
    /// ASCII byte or a full-width form always end a run, and can be skipped.
    static func mayHold(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = 0
        var alphanumerics = 0
        var separators = 0
        var index = 0
        while index < line.count {
            // Eight bytes of CJK text at a time: none is ASCII, so each run starts again after
            // them. Not where one is 0xEF, which starts the full-width digits and separators.
            if line.count - index >= 8 {
                let word = UnsafeRawPointer(line.baseAddress! + index).loadUnaligned(as: UInt64.self)
                let marked = word ^ 0xEFEF_EFEF_EFEF_EFEF
                let hasEF = (marked &- 0x0101_0101_0101_0101) & ~marked & 0x8080_8080_8080_8080 != 0
                if word & 0x8080_8080_8080_8080 == 0x8080_8080_8080_8080, !hasEF {
                    (digits, alphanumerics) = (0, 0)
                    index += 8
                    continue
                }
            }
            let (piece, length) = Self.piece(line, at: index)
            index += length
            switch piece {
            case .candidate: return true
            case .digit:
                digits += 1
                alphanumerics += 1
                separators = 0
                if digits >= 11 || alphanumerics >= 18 { return true }
            case .letter:
                (digits, separators) = (0, 0)
                alphanumerics += 1
                if alphanumerics >= 18 { return true }
            case .separator:
                alphanumerics = 0
                separators += 1
                if separators > 2 { digits = 0 }
            case .other: (digits, alphanumerics, separators) = (0, 0, 0)
            }
        }
        return false
    }

    private static func piece(_ line: UnsafeBufferPointer<UInt8>, at index: Int) -> (Piece, Int) {
        let byte = line[index]
        if byte < 0x80 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return (.digit, 1)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): return (.letter, 1)
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "+"),
                UInt8(ascii: "\\"):
                return (.separator, 1)
            case UInt8(ascii: "@"): return (.candidate, 1)
            case UInt8(ascii: "%"):
                let isEscape = index + 2 < line.count && isHex(line[index + 1]) && isHex(line[index + 2])
                return (isEscape ? .candidate : .other, 1)
            case UInt8(ascii: "&"): return (index + 1 < line.count && line[index + 1] == UInt8(ascii: "#") ? .candidate : .other, 1)
            default: return (.other, 1)
            }
        }
        // A whole character at once: the text is UTF-8 (a Swift string's bytes).
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        guard index + length <= line.count else { return (.other, 1) }
        let second = length > 1 ? line[index + 1] : 0
        let third = length > 2 ? line[index + 2] : 0
        switch (byte, second, third) {
        case (0xEF, 0xBC, 0x90...0x99): return (.digit, 3)  // ０–９
        case (0xEF, 0xBC, 0xA1...0xBA), (0xEF, 0xBD, 0x81...0x9A): return (.letter, 3)  // Ａ–Ｚ, ａ–ｚ
        case (0xEF, 0xBC, 0xA0): return (.candidate, 3)  // ＠
        case (0xEF, 0xBC, 0x88), (0xEF, 0xBC, 0x89), (0xEF, 0xBC, 0x8B), (0xEF, 0xBC, 0x8D), (0xEF, 0xBC, 0x8E):
            return (.separator, 3)  // （）＋－．
        case (0xE3, 0x80, 0x80), (0xE2, 0x80, 0x90...0x95), (0xE2, 0x88, 0x92): return (.separator, 3)  // 　 ‐–— −
        case (0xC2, 0xA0, _): return (.separator, 2)
        default: return (.other, length)
        }
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "f"))
    }
}
