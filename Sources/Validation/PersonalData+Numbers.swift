/// Numbers that are personal data: resident ID numbers (18 digits with their check character,
/// or 15 digits of the first generation), mainland mobile numbers and bank card numbers, as
/// people write them: `320826 19850315 123X`, `138-1234-5678`, `138.1234.5678`,
/// `+86 138 1234 5678`, `(138)12345678`.
extension PersonalData {
    /// A run of digit groups as written.
    struct NumberRun {
        /// Where it starts and ends in the line (`+` and a closed `(` included).
        var start: Int
        var end: Int
        /// The digits, with an X last for an ID number.
        var digits: [UInt8] = []
        /// How many digits each group has.
        var groups: [Int] = []
        var separators: Set<Unicode.Scalar> = []
        var hasPlus = false
        /// The group a `)` closes (`(138)1234…`: 1), if any.
        var closedGroup: Int?
    }

    /// Counters and units: a number followed by one of them is a quantity (「访问量13800000000次」,
    /// 「收费13912345678元」), not a number that reaches a person.
    static let counters: Set<Unicode.Scalar> = Set("次元件人个万亿条页份字户家项名位台套张本篇册起宗批所座间辆天日月年周岁时分秒角千百余多倍笔例场期部%‰".unicodeScalars)

    static func numbers(in line: ScanLine) -> [Found] {
        let scalars = line.scalars
        var found: [Found] = []
        var index = 0
        while index < scalars.count {
            guard startsNumber(scalars, at: index), let run = numberRun(scalars, at: index) else {
                index += 1
                continue
            }
            index = max(run.end, index + 1)
            guard run.end >= scalars.count || !isAlphanumeric(scalars[run.end]), !isCounted(scalars, after: run.end),
                let (kind, canonical) = kind(of: run)
            else { continue }
            found.append(Found(kind: kind, line: line, range: run.start..<run.end, canonical: canonical))
        }
        return found
    }

    /// A digit, or `+` or `(` before one, that does not continue a word or a decimal fraction.
    private static func startsNumber(_ line: [Unicode.Scalar], at index: Int) -> Bool {
        var first = index
        if line[first] == "(" { first += 1 }
        if first < line.count, line[first] == "+" { first += 1 }
        guard first < line.count, isDigit(line[first]) else { return false }
        guard index > 0 else { return true }
        let previous = line[index - 1]
        if isAlphanumeric(previous) { return false }
        // 3.13812345678: the fraction of a number.
        if previous == ".", index > 1, isDigit(line[index - 2]) { return false }
        return true
    }

    private static func numberRun(_ line: [Unicode.Scalar], at start: Int) -> NumberRun? {
        var run = NumberRun(start: start, end: start)
        var index = start
        let opened = line[index] == "("
        if opened { index += 1 }
        if line[index] == "+" {
            run.hasPlus = true
            index += 1
        }
        while index < line.count, isDigit(line[index]) {
            let groupStart = index
            while index < line.count, isDigit(line[index]) {
                run.digits.append(UInt8(line[index].value))
                index += 1
            }
            run.groups.append(index - groupStart)
            run.end = index
            // Between groups: one space, hyphen or full stop, or `)` closing the first group.
            if opened, run.groups.count == 1, index + 1 < line.count, line[index] == ")" {
                // Closed only where the number goes on: `(13812345678)` is a number in brackets.
                let next = index + 1
                if isDigit(line[next]) {
                    run.closedGroup = 1
                    index = next
                } else if next + 1 < line.count, line[next] == " " || line[next] == "-", isDigit(line[next + 1]) {
                    run.closedGroup = 1
                    index = next + 1
                }
            } else if index + 1 < line.count, line[index] == " " || line[index] == "-" || line[index] == ".", isDigit(line[index + 1]) {
                run.separators.insert(line[index])
                index += 1
            }
        }
        if run.digits.count == 17, run.end < line.count, line[run.end] == "X" || line[run.end] == "x" {
            run.digits.append(UInt8(ascii: "X"))
            run.end += 1
        }
        // An unclosed `(` is punctuation around the number, not part of it.
        if opened, run.closedGroup == nil { run.start += 1 }
        return run.digits.isEmpty ? nil : run
    }

    /// Words that start with a counter but are not one: 「13812345678次日回复」 is a number and
    /// then "the next day", 「…个人信息」 "personal information".
    static let wordsNotCounters: [(Unicode.Scalar, Unicode.Scalar)] = [("次", "日"), ("个", "人")]

    /// Whether a counter or unit follows at `index`, after spaces.
    private static func isCounted(_ line: [Unicode.Scalar], after index: Int) -> Bool {
        var next = index
        while next < line.count, line[next] == " " { next += 1 }
        guard next < line.count, counters.contains(line[next]) else { return false }
        guard next + 1 < line.count else { return true }
        return !wordsNotCounters.contains { $0.0 == line[next] && $0.1 == line[next + 1] }
    }

    /// The digits of a mobile number without the country code (`+86`, `0086`, `86 `).
    private static func national(_ run: NumberRun) -> (digits: ArraySlice<UInt8>, groups: ArraySlice<Int>)? {
        let digits = run.digits[...]
        let startsWith86 = digits.starts(with: [0x38, 0x36])
        if run.hasPlus { return startsWith86 ? (digits.dropFirst(2), trimmed(run.groups, by: 2)) : nil }
        if digits.starts(with: [0x30, 0x30, 0x38, 0x36]), run.groups.first == 4 { return (digits.dropFirst(4), run.groups.dropFirst()) }
        if startsWith86, run.groups.first == 2, run.groups.count > 1 { return (digits.dropFirst(2), run.groups.dropFirst()) }
        return (digits, run.groups[...])
    }

    private static func trimmed(_ groups: [Int], by count: Int) -> ArraySlice<Int> {
        guard let first = groups.first, first >= count else { return groups[...] }
        return first == count ? groups.dropFirst() : [first - count] + groups.dropFirst()
    }

    /// What the run is, with its digits as compared with `public_contacts` (a mobile number's
    /// without the country code).
    private static func kind(of run: NumberRun) -> (Kind, String)? {
        let plain = !run.hasPlus && run.closedGroup == nil && !run.separators.contains(".")
        let written = String(decoding: run.digits, as: UTF8.self).lowercased()
        if plain, run.digits.count == 18, isIDNumber(run.digits) { return (.idNumber, written) }
        if plain, run.digits.count == 15, isFirstGenerationID(run.digits) { return (.idNumber, written) }
        if let (digits, groups) = national(run), digits.count == 11, isMobile(digits) {
            // 138.1234.5678 only in the three groups of a phone number: other dotted digits are
            // decimals, dates or versions.
            if !run.separators.contains(".") || (Array(groups) == [3, 4, 4] && run.separators == ["."]) {
                return (.mobile, String(decoding: digits, as: UTF8.self))
            }
        }
        if plain, (16...19).contains(run.digits.count), run.digits.last != UInt8(ascii: "X"), passesLuhn(run.digits) {
            return (.bankCard, written)
        }
        return nil
    }

    /// GB 11643-1999: a valid birth date and the ISO 7064 MOD 11-2 check character.
    static func isIDNumber(_ digits: [UInt8]) -> Bool {
        guard digits.count == 18, digits[0] != 0x30 else { return false }
        let value = digits.prefix(17).map { Int($0) - 0x30 }
        let year = value[6] * 1000 + value[7] * 100 + value[8] * 10 + value[9]
        guard isDate(year: year, month: value[10] * 10 + value[11], day: value[12] * 10 + value[13]), (1900...2100).contains(year) else { return false }
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(value, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return digits[17] == Array("10X98765432".utf8)[sum % 11]
    }

    /// The provinces' codes (GB/T 2260), the first two digits of every resident ID number.
    static let provinces: Set<Int> = [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65,
        71, 81, 82,
    ]

    /// The 15-digit numbers issued before 1999 (GB 11643-1989): a province's code, a birth date
    /// in the 1900s as YYMMDD and three digits. They have no check digit, so the province and the
    /// date are what tell them from other 15-digit numbers.
    static func isFirstGenerationID(_ digits: [UInt8]) -> Bool {
        guard digits.count == 15, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        let value = digits.map { Int($0) - 0x30 }
        guard provinces.contains(value[0] * 10 + value[1]) else { return false }
        return isDate(year: 1900 + value[6] * 10 + value[7], month: value[8] * 10 + value[9], day: value[10] * 10 + value[11])
    }

    static func isDate(year: Int, month: Int, day: Int) -> Bool {
        (1...12).contains(month) && day >= 1 && day <= daysIn(month, year)
    }

    static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// 1 then 3–9, eleven digits: the mainland's mobile numbering.
    static func isMobile(_ digits: ArraySlice<UInt8>) -> Bool {
        digits.count == 11 && digits.first == UInt8(ascii: "1") && digits[digits.startIndex + 1] >= UInt8(ascii: "3")
    }

    static func passesLuhn(_ digits: [UInt8]) -> Bool {
        var sum = 0
        for (position, byte) in digits.reversed().enumerated() {
            var digit = Int(byte) - 0x30
            if position % 2 == 1 {
                digit *= 2
                if digit > 9 { digit -= 9 }
            }
            sum += digit
        }
        return sum % 10 == 0
    }
}
