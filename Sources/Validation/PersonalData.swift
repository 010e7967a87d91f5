/// Finds personal data in a line of text by shape and check digit.
enum PersonalData {
    enum Kind { case idNumber, mobile, creditCode, bankCard, email }

    struct Found {
        let kind: Kind
        /// The text as read (full-width digits as ASCII, escapes decoded), for the message.
        let text: String
        /// The text as written, to find it in its file.
        let written: String
        /// 0-based, in Unicode scalars of the written line.
        let offset: Int
        /// What `public_contacts` is compared with: the digits alone, or the code or address.
        let canonical: String

        init(kind: Kind, line: ScanLine, range: Range<Int>, canonical: String) {
            self.kind = kind
            text = line.text(range)
            written = line.writtenText(range)
            offset = line.columns[range.lowerBound]
            self.canonical = canonical
        }
    }

    static func find(in line: ScanLine) -> [Found] {
        numbers(in: line) + codes(in: line) + emails(in: line)
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }
    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool { scalar.isASCII && (isDigit(scalar) || scalar.properties.isAlphabetic) }

    /// 18-character unified social credit codes holding a letter (all-digit ones are caught as
    /// numbers above, or are not codes).
    static func codes(in scanned: ScanLine) -> [Found] {
        let line = scanned.scalars
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
                found.append(Found(kind: .creditCode, line: scanned, range: index..<end, canonical: text.lowercased()))
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

    static func emails(in scanned: ScanLine) -> [Found] {
        let line = scanned.scalars
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
            found.append(Found(kind: .email, line: scanned, range: start..<end, canonical: scanned.text(start..<end).lowercased()))
        }
        return found
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
