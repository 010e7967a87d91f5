import Diagnostics
import ReportForm

/// Reads one cell's text strictly. Anything that is not a plain number is a finding with a hint;
/// nothing is guessed, because a wrong guess in a statutory table is worse than a question.
enum CellValueParser {
    enum Outcome {
        /// The value in minor units, with the decimal places written.
        case value(Int64, decimals: Int, warning: Finding?)
        case invalid(Finding)
    }

    /// Largest magnitude accepted: far beyond any real table, small enough that sums cannot overflow.
    static let limit: Int64 = 1_000_000_000_000

    /// Plain ASCII digits (at most 13, no leading zero), the way almost every cell is written;
    /// nil for anything else.
    static func plainInteger(_ text: String) -> Int64? { plainInteger(text.utf8) }

    /// The same, of UTF-8 bytes.
    static func plainInteger(_ bytes: some Collection<UInt8>) -> Int64? {
        guard !bytes.isEmpty, bytes.count <= 13, bytes.count == 1 || bytes.first != UInt8(ascii: "0") else { return nil }
        var value: Int64 = 0
        for byte in bytes {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int64(byte - 0x30)
        }
        return value
    }

    /// A count (`scale` 0: plain digits) or an amount with at most `scale` decimals,
    /// `digits(.digits)?` in ASCII and not negative, in minor units: what `parse` gives such a
    /// text without a remark; nil for anything else (a sign, a leading zero, too many digits or
    /// decimals, a value past `limit`), which `parse` then reads. On bytes, as `TablesFastPath` reads every cell
    /// of every table.
    static func plainAmount(_ bytes: UnsafeBufferPointer<UInt8>, scale: Int) -> Int64? {
        var (value, wholeDigits, fractionDigits): (Int64, Int, Int) = (0, 0, 0)
        var sawDot = false
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard !sawDot else { return nil }
                sawDot = true
            } else {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                if sawDot { fractionDigits += 1 } else { wholeDigits += 1 }
                guard sawDot || wholeDigits == 1 || value != 0 else { return nil }  // `012`: a leading zero
                guard wholeDigits <= 13, fractionDigits <= scale else { return nil }
                value = value * 10 + Int64(byte - 0x30)
            }
        }
        guard wholeDigits > 0, !sawDot || fractionDigits > 0 else { return nil }
        for _ in fractionDigits..<scale { value *= 10 }
        // `parse` holds amounts with decimals to the limit, plain digits not.
        guard !sawDot || value <= limit else { return nil }
        return value
    }

    /// Whether a cell's text is blank as printed: nothing (a YAML null), white space only, or `~`
    /// or `null` written as text.
    static func isBlank(_ raw: String?) -> Bool {
        guard let raw else { return true }
        return raw.trimmingWhitespace.isEmpty || raw == "~" || raw.lowercased() == "null"
    }

    static func parse(_ raw: String?, kind: ValueKind, cell: CellSpec, at location: SourceLocation) -> Outcome {
        func invalid(_ message: String, _ gist: String, hint: String) -> Outcome {
            .invalid(Rule.cellValue.finding(
                "「\(cell.displayName)」\(message)", gist: gist, at: location, cell: cell.id, found: raw, hint: hint))
        }
        // The common case, plain digits, needs none of the diagnosis below.
        if let raw, let whole = plainInteger(raw) {
            var value = whole
            for _ in 0..<kind.scale { value *= 10 }
            return .value(value, decimals: 0, warning: nil)
        }
        if let raw, let number = plainDecimal(raw) {
            return checked(number, text: raw, kind: kind, cell: cell, location: location, invalid: invalid)
        }
        guard let raw, !isBlank(raw) else {
            // The readers take a blank as unknown before asking here (`BlankCells`).
            return invalid("是空白", "blank cell", hint: "没有发生的填 0，不能留空。")
        }
        let text = raw.trimmingWhitespace
        if let number = plainDecimal(text) {
            return checked(number, text: text, kind: kind, cell: cell, location: location, invalid: invalid)
        }
        // Diagnose the common ways a cell goes wrong, most specific first.
        let halfWidth = String(text.map(halfWidthDigit))
        if halfWidth != text, plainDecimal(halfWidth) != nil {
            return invalid("使用了全角数字「\(text)」", "full-width digits", hint: "改为半角数字：\(halfWidth)")
        }
        let withoutSeparators = halfWidth.filter { $0 != "," && $0 != "，" && $0 != "_" && $0 != "'" }
        if withoutSeparators != halfWidth, plainDecimal(withoutSeparators) != nil {
            return invalid(
                "使用了千分位分隔符「\(text)」", "thousands separator", hint: "去掉分隔符：\(withoutSeparators)")
        }
        if let (message, gist, hint) = Self.otherNotation(halfWidth) { return invalid(message, gist, hint: hint) }
        let digits = String(halfWidth.prefix { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") })
        let rest = halfWidth.dropFirst(digits.count).trimmingWhitespace
        if plainDecimal(digits) != nil, let first = rest.first {
            if first == "（" || first == "(" || first == "，" || first == "," {
                return invalid(
                    "在数字后加了说明「\(rest)」", "note inside a numeric cell",
                    hint: "单元格只填数字 \(digits)，说明写进正文相应部分。")
            }
            let unitHint: String
            if case .amount(let unit, _) = kind, rest.hasPrefix("元"), unit == "万元", let yuan = Double(digits) {
                unitHint = "表头单位是万元：\(digits)元 = \(CellValue.format(Int64((yuan / 100).rounded()), scale: 2)) 万元，只填数字。"
            } else if case .amount(nil, _) = kind {
                // The form prints no unit over this column (2019 采购总金额): none is named here.
                unitHint = "单元格只填数字 \(digits)；表头没有印单位，金额的单位请在正文中写明。"
            } else {
                unitHint = "去掉单位，只填数字 \(digits)；单位已在表头中。"
            }
            return invalid("带有单位「\(rest)」", "unit inside a numeric cell", hint: unitHint)
        }
        if text.contains(where: { "〇零一二三四五六七八九十百千万亿两".contains($0) }) {
            return invalid("使用了汉字数字「\(text)」", "ideographic numerals", hint: "改为阿拉伯数字。")
        }
        return invalid("不是数字：「\(text)」", "not a number", hint: "只填半角阿拉伯数字，没有发生的填 0。")
    }

    /// Numbers written the way programs write them — `0x10`, `0o17`, `0b101`, `1e3`, `2.5E+2` —
    /// which would otherwise be called a number with a unit: message, gist and hint.
    private static func otherNotation(_ text: String) -> (String, String, String)? {
        let bytes = Array(text.utf8)
        let body = bytes.first == UInt8(ascii: "-") ? bytes.dropFirst() : bytes[...]
        func digits(_ part: ArraySlice<UInt8>, radix: Int) -> Bool {
            !part.isEmpty && part.allSatisfy { Int(String(UnicodeScalar($0)), radix: radix) != nil }
        }
        if body.count > 2, body.first == UInt8(ascii: "0") {
            let names: [UInt8: (Int, String, String)] = [
                UInt8(ascii: "x"): (16, "十六进制", "hexadecimal"), UInt8(ascii: "o"): (8, "八进制", "octal"),
                UInt8(ascii: "b"): (2, "二进制", "binary"),
            ]
            let marker = body[body.startIndex + 1] | 0x20  // either case
            if let (radix, name, english) = names[marker], digits(body.dropFirst(2), radix: radix) {
                let value = Int64(String(decoding: body.dropFirst(2), as: UTF8.self), radix: radix)
                let decimal = value.map { "\(bytes.first == UInt8(ascii: "-") ? "-" : "")\($0)" }
                return ("写成了\(name)数「\(text)」", "\(english) number",
                        "年报中的数字用十进制书写" + (decimal.map { "：\(text) 即 \($0)，写 \($0)。" } ?? "。"))
            }
        }
        if let e = body.firstIndex(where: { $0 | 0x20 == UInt8(ascii: "e") }) {
            let mantissa = body[..<e]
            var exponent = body[(e + 1)...]
            if exponent.first == UInt8(ascii: "+") || exponent.first == UInt8(ascii: "-") { exponent = exponent.dropFirst() }
            let parts = mantissa.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
            if digits(exponent, radix: 10), parts.count <= 2, parts.allSatisfy({ digits($0, radix: 10) }) {
                let value = Double(text).flatMap { $0.magnitude <= Double(limit) ? $0 : nil }
                let plain = value.map { $0 == $0.rounded() ? String(Int64($0)) : String($0) }
                return ("用科学计数法写成「\(text)」", "exponent notation",
                        "写出完整的数字" + (plain.map { "：\(text) 即 \($0)，写 \($0)。" } ?? "。"))
            }
        }
        return nil
    }

    private static func checked(
        _ number: (negative: Bool, whole: String, fraction: String), text: String, kind: ValueKind, cell: CellSpec,
        location: SourceLocation, invalid: (String, String, String) -> Outcome
    ) -> Outcome {
        let scale = kind.scale
        if number.whole.utf8.count > 1, number.whole.utf8.first == UInt8(ascii: "0") {
            // `012` is 12 to some programs and 10 (octal) to others: which one was meant is a
            // question, not a guess.
            let digits = number.whole.drop { $0 == "0" }
            let meant = (number.negative ? "-" : "") + (digits.isEmpty ? "0" : String(digits))
                + (number.fraction.isEmpty ? "" : "." + number.fraction)
            return invalid(
                "有前导零：「\(text)」", "leading zero",
                "数字不能以 0 开头（有的程序把 012 读作八进制的 10）；如果是 \(meant)，就写 \(meant)。")
        }
        if number.fraction.count > scale {
            return scale == 0
                ? invalid("不是整数：「\(text)」", "not a whole number", "件数必须是整数。")
                : invalid("超过 \(scale) 位小数：「\(text)」", "too many decimals", "金额最多保留 \(scale) 位小数。")
        }
        guard number.whole.count <= 13, var value = Int64(number.whole) else {
            return invalid("数字过大：「\(text)」", "number too large", "核对数字和单位。")
        }
        let fraction = number.fraction + String(repeating: "0", count: scale - number.fraction.count)
        for digit in fraction { value = value * 10 + Int64(digit.wholeNumberValue!) }
        guard value <= limit else { return invalid("数字过大：「\(text)」", "number too large", "核对数字和单位。") }
        if number.negative { value = -value }
        var warning: Finding?
        if value < 0, kind != .change {
            warning = Rule.cellNegative.finding(
                "「\(cell.displayName)」为负数：\(text)", gist: "negative count", at: location, cell: cell.id, found: text,
                hint: "件数不应为负数；核对数字。")
        }
        return .value(value, decimals: number.fraction.count, warning: warning)
    }

    /// `-?digits(.digits)?` in ASCII, nothing else (no exponent, hex, or leading plus). On
    /// bytes: by Character, this was most of the time spent on a table's amounts.
    static func plainDecimal(_ text: String) -> (negative: Bool, whole: String, fraction: String)? {
        let bytes = text.utf8
        let negative = bytes.first == UInt8(ascii: "-")
        let start = negative ? bytes.index(after: bytes.startIndex) : bytes.startIndex
        var dot: String.Index?
        for index in bytes[start...].indices {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                guard dot == nil else { return nil }
                dot = index
            } else {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            }
        }
        let wholeEnd = dot ?? bytes.endIndex
        guard start < wholeEnd else { return nil }
        guard let dot else { return (negative, String(text[start..<wholeEnd]), "") }
        let fractionStart = bytes.index(after: dot)
        guard fractionStart < bytes.endIndex else { return nil }
        return (negative, String(text[start..<wholeEnd]), String(text[fractionStart...]))
    }

    private static func halfWidthDigit(_ c: Character) -> Character {
        guard let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return c }
        switch scalar.value {
        case 0xFF10...0xFF19: return Character(UnicodeScalar(scalar.value - 0xFF10 + 0x30)!)
        case 0xFF0E: return "."
        case 0xFF0D: return "-"
        default: return c
        }
    }
}

extension StringProtocol {
    var trimmingWhitespace: String {
        let scalars = unicodeScalars.drop { $0.properties.isWhitespace }
        let trimmed = String(String.UnicodeScalarView(scalars))
        return String(trimmed.reversed().drop { $0.isWhitespace }.reversed())
    }
}
