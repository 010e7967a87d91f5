/// Finds personal data in a line of text by shape and check digit.
enum PersonalData {
    enum Kind { case idNumber, mobile, creditCode, bankCard, email }

    struct Found {
        let kind: Kind
        let text: String
        /// 1-based, in Unicode scalars.
        let column: Int
    }

    static func isCandidateByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "@")
    }

    /// Whether a line could hold any of them, on its bytes: an `@`, eleven digits in a row
    /// (spaces and hyphens between them allowed), or an ASCII letter-and-digit run of eighteen.
    /// Years, counts and dates, which most lines of a report hold, fail at once.
    static func mayHold(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = 0
        var alphanumerics = 0
        var previous: UInt8 = 0
        var index = 0
        while index < line.count {
            // Eight bytes of CJK text at a time: none is ASCII, so each run starts again after them.
            if line.count - index >= 8,
                UnsafeRawPointer(line.baseAddress! + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0x8080_8080_8080_8080
            {
                (digits, alphanumerics, previous) = (0, 0, 0x80)
                index += 8
                continue
            }
            let byte = line[index]
            index += 1
            if byte == UInt8(ascii: "@") { return true }
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            if isDigit {
                digits += 1
                if digits >= 11 { return true }
            } else if !((byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-")) && previous >= UInt8(ascii: "0") && previous <= UInt8(ascii: "9")) {
                digits = 0
            }
            alphanumerics = isDigit || isLetter ? alphanumerics + 1 : 0
            if alphanumerics >= 18 { return true }
            previous = byte
        }
        return false
    }

    static func find(in line: [Unicode.Scalar]) -> [Found] {
        numbers(in: line) + codes(in: line) + emails(in: line)
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }
    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool { scalar.isASCII && (isDigit(scalar) || scalar.properties.isAlphabetic) }

    /// Runs of digits, single spaces or hyphens between digits allowed (138 1234 5678,
    /// 6222-0212-…), an X allowed last (ID numbers); not part of a longer word or number.
    static func numbers(in line: [Unicode.Scalar]) -> [Found] {
        var found: [Found] = []
        var index = 0
        while index < line.count {
            guard isDigit(line[index]), index == 0 || !isAlphanumeric(line[index - 1]) else {
                index += 1
                continue
            }
            var end = index
            var digits = ""
            var separated = false
            while end < line.count {
                if isDigit(line[end]) {
                    digits.unicodeScalars.append(line[end])
                    end += 1
                } else if (line[end] == " " || line[end] == "-"), end + 1 < line.count, isDigit(line[end + 1]), end > index {
                    separated = true
                    end += 1
                } else {
                    break
                }
            }
            if end < line.count, line[end] == "X" || line[end] == "x", digits.count == 17 {
                digits.append("X")
                end += 1
            }
            defer { index = end }
            guard end >= line.count || !isAlphanumeric(line[end]) else { continue }
            let text = String(String.UnicodeScalarView(line[index..<end]))
            if !separated, digits.count == 18, isIDNumber(digits) {
                found.append(Found(kind: .idNumber, text: text, column: index + 1))
            } else if digits.count == 11, isMobile(digits) {
                found.append(Found(kind: .mobile, text: text, column: index + 1))
            } else if (16...19).contains(digits.count), !digits.hasSuffix("X"), passesLuhn(digits) {
                found.append(Found(kind: .bankCard, text: text, column: index + 1))
            }
        }
        return found
    }

    /// 18-character unified social credit codes holding a letter (all-digit ones are caught as
    /// numbers above, or are not codes).
    static func codes(in line: [Unicode.Scalar]) -> [Found] {
        var found: [Found] = []
        var index = 0
        while index < line.count {
            guard isAlphanumeric(line[index]), index == 0 || !isAlphanumeric(line[index - 1]) else {
                index += 1
                continue
            }
            var end = index
            while end < line.count, isAlphanumeric(line[end]) { end += 1 }
            let text = String(String.UnicodeScalarView(line[index..<end]))
            if end - index == 18, text.unicodeScalars.contains(where: { !isDigit($0) }), isCreditCode(text) {
                found.append(Found(kind: .creditCode, text: text, column: index + 1))
            }
            index = end
        }
        return found
    }

    /// Mail services for private persons: an address there is a person's, not an office's.
    static let personalMailDomains: Set<String> = [
        "qq.com", "foxmail.com", "163.com", "126.com", "yeah.net", "sina.com", "sina.cn", "sohu.com", "139.com", "189.cn",
        "wo.cn", "aliyun.com", "gmail.com", "hotmail.com", "outlook.com", "live.com", "yahoo.com", "icloud.com", "me.com",
    ]

    static func emails(in line: [Unicode.Scalar]) -> [Found] {
        var found: [Found] = []
        for (at, scalar) in line.enumerated() where scalar == "@" {
            let local: (Unicode.Scalar) -> Bool = { $0.isASCII && (isAlphanumeric($0) || "._%+-".unicodeScalars.contains($0)) }
            var start = at
            while start > 0, local(line[start - 1]) { start -= 1 }
            var end = at + 1
            while end < line.count, line[end].isASCII, isAlphanumeric(line[end]) || line[end] == "." || line[end] == "-" { end += 1 }
            while end > at + 1, line[end - 1] == "." { end -= 1 }  // a full stop after the address
            guard start < at, end > at + 1 else { continue }
            let domain = String(String.UnicodeScalarView(line[(at + 1)..<end])).lowercased()
            guard personalMailDomains.contains(domain) else { continue }
            found.append(Found(kind: .email, text: String(String.UnicodeScalarView(line[start..<end])), column: start + 1))
        }
        return found
    }

    /// GB 11643-1999: a valid birth date and the ISO 7064 MOD 11-2 check character.
    static func isIDNumber(_ text: String) -> Bool {
        let characters = Array(text.unicodeScalars)
        guard characters.count == 18, characters[0] != "0", characters.prefix(17).allSatisfy(isDigit) else { return false }
        let value = characters.prefix(17).map { Int($0.value - 0x30) }
        let year = value[6] * 1000 + value[7] * 100 + value[8] * 10 + value[9]
        let month = value[10] * 10 + value[11]
        let day = value[12] * 10 + value[13]
        guard (1900...2100).contains(year), (1...12).contains(month), day >= 1, day <= daysIn(month, year) else { return false }
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(value, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return characters[17] == Array("10X98765432".unicodeScalars)[sum % 11]
    }

    static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// 1 then 3–9, eleven digits: the mainland's mobile numbering.
    static func isMobile(_ digits: String) -> Bool {
        let characters = Array(digits.utf8)
        return characters.count == 11 && characters[0] == UInt8(ascii: "1") && characters[1] >= UInt8(ascii: "3")
    }

    static func passesLuhn(_ digits: String) -> Bool {
        var sum = 0
        for (position, byte) in digits.utf8.reversed().enumerated() {
            var digit = Int(byte) - 0x30
            if position % 2 == 1 {
                digit *= 2
                if digit > 9 { digit -= 9 }
            }
            sum += digit
        }
        return sum % 10 == 0
    }

    /// GB 32100-2015: 31 characters (no I, O, Z, S, V), weights 3^i mod 31, check character last.
    static let creditCharacters = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".unicodeScalars)

    static func isCreditCode(_ text: String) -> Bool {
        let characters = Array(text.unicodeScalars)
        guard characters.count == 18 else { return false }
        var values: [Int] = []
        for character in characters {
            guard let value = creditCharacters.firstIndex(of: character) else { return false }
            values.append(value)
        }
        let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        let sum = zip(values.prefix(17), weights).reduce(0) { $0 + $1.0 * $1.1 }
        return values[17] == (31 - sum % 31) % 31
    }

    /// The text with all but its first three and last two characters hidden, for messages: a
    /// finding must not publish what it warns about (CI logs are read widely).
    static func masked(_ text: String) -> String {
        let characters = Array(text)
        guard characters.count > 6 else { return String(repeating: "*", count: characters.count) }
        return String(characters.prefix(3)) + String(repeating: "*", count: characters.count - 5) + String(characters.suffix(2))
    }
}
