/// A line of published text as a reader of the page sees it, for the personal-data scan: full-width
/// digits, letters and separators as their ASCII forms (`１３８` reads as 138), `%XX` in link
/// addresses and `&#NN;` character references decoded (the browser shows them decoded), the
/// backslash of a Markdown escape dropped. Each
/// scalar keeps the column it was written at, so a finding points at the text as written.
struct ScanLine {
    /// The scalars as read.
    private(set) var scalars: [Unicode.Scalar] = []
    /// For each of `scalars`, its 0-based scalar offset in `written`.
    private(set) var columns: [Int] = []
    /// The line as written.
    let written: [Unicode.Scalar]

    init(_ written: [Unicode.Scalar]) {
        self.written = written
        scalars.reserveCapacity(written.count)
        columns.reserveCapacity(written.count)
        var index = 0
        while index < written.count {
            if written[index] == "%", let (decoded, length) = Self.percentDecoded(written, at: index) {
                for (scalar, offset) in decoded { append(scalar, at: index + offset) }
                index += length
            } else if written[index] == "&", let (scalar, length) = Self.characterReference(written, at: index) {
                append(scalar, at: index)
                index += length
            } else if written[index] == "\\", index + 1 < written.count, Self.escapable.contains(written[index + 1]) {
                // A Markdown escape (`138\-1234\-5678`) shows the mark alone.
                index += 1
            } else {
                append(written[index], at: index)
                index += 1
            }
        }
    }

    /// What a backslash escapes in Markdown: ASCII punctuation.
    static let escapable = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars)

    private mutating func append(_ scalar: Unicode.Scalar, at column: Int) {
        scalars.append(Self.folded(scalar))
        columns.append(column)
    }

    /// The written text behind `scalars[range]`.
    func writtenText(_ range: Range<Int>) -> String {
        let start = columns[range.lowerBound]
        let end = range.upperBound < columns.count ? columns[range.upperBound] : written.count
        return String(String.UnicodeScalarView(written[start..<max(start, end)]))
    }

    /// The read text of `scalars[range]`.
    func text(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }

    /// Full-width forms (U+FF01–FF5E) as ASCII; the ideographic and no-break spaces as a space;
    /// hyphens and dashes as `-`: what people type in Chinese text for the same digits and marks.
    static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0..<0x80: scalar
        case 0xFF01...0xFF5E: Unicode.Scalar(scalar.value - 0xFEE0)!
        case 0x3000, 0xA0: " "
        case 0x2010...0x2015, 0x2212: "-"
        default: scalar
        }
    }

    /// A run of `%XX` sequences decoded as UTF-8, each scalar with its offset from `start`; a
    /// `%XX` that is not part of a UTF-8 sequence is read as written. Nil where there is no run.
    /// The run is decoded once, whatever it holds: giving up on a whole run and trying again
    /// from its next `%` made a line of 100,000 `%FF` cost 5×10⁹ steps.
    private static func percentDecoded(_ line: [Unicode.Scalar], at start: Int) -> ([(Unicode.Scalar, Int)], Int)? {
        var bytes: [(UInt8, Int)] = []
        var index = start
        while index + 2 < line.count, line[index] == "%", let high = hexValue(line[index + 1]), let low = hexValue(line[index + 2]) {
            bytes.append((high << 4 | low, index - start))
            index += 3
        }
        guard !bytes.isEmpty else { return nil }
        var decoded: [(Unicode.Scalar, Int)] = []
        var position = 0
        while position < bytes.count {
            let lead = bytes[position].0
            let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
            var codec = UTF8()
            var iterator = bytes[position..<min(bytes.count, position + max(length, 1))].map(\.0).makeIterator()
            if length > 0, position + length <= bytes.count, case .scalarValue(let scalar) = codec.decode(&iterator) {
                decoded.append((scalar, bytes[position].1))
                position += length
            } else {
                let offset = bytes[position].1
                for written in 0..<3 { decoded.append((line[start + offset + written], offset + written)) }
                position += 1
            }
        }
        return (decoded, index - start)
    }

    /// `&#NN;` or `&#xHH;`, as Markdown and HTML read them.
    private static func characterReference(_ line: [Unicode.Scalar], at start: Int) -> (Unicode.Scalar, Int)? {
        guard start + 3 < line.count, line[start + 1] == "#" else { return nil }
        let isHex = line[start + 2] == "x" || line[start + 2] == "X"
        var index = start + (isHex ? 3 : 2)
        var value: UInt32 = 0
        let first = index
        while index < line.count, index - first < 7 {
            if isHex, let digit = hexValue(line[index]) {
                value = value * 16 + UInt32(digit)
            } else if !isHex, line[index].value >= 0x30, line[index].value <= 0x39 {
                value = value * 10 + line[index].value - 0x30
            } else {
                break
            }
            index += 1
        }
        guard index > first, index < line.count, line[index] == ";", let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, index + 1 - start)
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> UInt8? {
        switch scalar.value {
        case 0x30...0x39: UInt8(scalar.value - 0x30)
        case 0x41...0x46: UInt8(scalar.value - 0x41 + 10)
        case 0x61...0x66: UInt8(scalar.value - 0x61 + 10)
        default: nil
        }
    }
}
