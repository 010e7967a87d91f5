import Foundation

/// A publication date-time as written in front matter: `YYYY-MM-DD HH:MM` (Beijing time).
public struct PublicationDate: Comparable, Sendable {
    public let year: Int
    public let month: Int
    public let day: Int
    public let hasTime: Bool
    /// 0 where no time is written.
    public let hour: Int
    public let minute: Int

    /// Parses `2025-01-20 09:30`, `2025-01-20T09:30`, `2025-01-20 09:30:00` or `2025-01-20`;
    /// nil for anything else, including dates that do not exist (2月30日).
    public init?(_ text: String) {
        // On UTF-8 bytes, without splitting into arrays: every page listing reports parses
        // every report's date.
        var text = text
        guard let (date, time) = text.withUTF8({ Self.fields($0) }) else { return nil }
        let (year, month, day) = date
        guard (1...12).contains(month), (1...Self.days(inMonth: month, of: year)).contains(day) else { return nil }
        if let (hour, minute, second) = time {
            guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
            (self.hour, self.minute) = (hour, minute)
        } else {
            (self.hour, self.minute) = (0, 0)
        }
        self.year = year
        self.month = month
        self.day = day
        self.hasTime = time != nil
    }

    /// `YYYY-MM-DD`, then optionally `HH:MM` or `HH:MM:SS`, separated (and surrounded) by runs
    /// of spaces and `T`s: fixed widths, as PubDate is written (2025-01-20, not 2025-1-20).
    private static func fields(_ bytes: UnsafeBufferPointer<UInt8>) -> ((Int, Int, Int), (Int, Int, Int)?)? {
        // The runs between spaces and 'T's: at most two.
        var runs: (Range<Int>?, Range<Int>?) = (nil, nil)
        var index = 0
        while index < bytes.count {
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "T") { index += 1 }
            guard index < bytes.count else { break }
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: " "), bytes[index] != UInt8(ascii: "T") { index += 1 }
            guard runs.1 == nil else { return nil }
            if runs.0 == nil { runs.0 = start..<index } else { runs.1 = start..<index }
        }
        guard let first = runs.0, first.count == 10, bytes[first.lowerBound + 4] == UInt8(ascii: "-"),
            bytes[first.lowerBound + 7] == UInt8(ascii: "-"), let year = number(bytes, first.lowerBound, 4),
            let month = number(bytes, first.lowerBound + 5, 2), let day = number(bytes, first.lowerBound + 8, 2)
        else { return nil }
        guard let clock = runs.1 else { return ((year, month, day), nil) }
        guard clock.count == 5 || clock.count == 8, bytes[clock.lowerBound + 2] == UInt8(ascii: ":"),
            clock.count == 5 || bytes[clock.lowerBound + 5] == UInt8(ascii: ":"),
            let hour = number(bytes, clock.lowerBound, 2), let minute = number(bytes, clock.lowerBound + 3, 2)
        else { return nil }
        let second = clock.count == 8 ? number(bytes, clock.lowerBound + 6, 2) : 0
        guard let second else { return nil }
        return ((year, month, day), (hour, minute, second))
    }

    /// `width` ASCII digits from `start` (`Int("+5")` would accept a sign).
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ width: Int) -> Int? {
        var value = 0
        for byte in bytes[start..<start + width] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// Today in Beijing time, or the date in `NIANBAO_TODAY` (YYYY-MM-DD), so that tests and
    /// reruns of an old check give the same findings.
    public static var today: PublicationDate { todayOnce }

    /// Read once per run: the environment and the clock are asked for every report otherwise.
    private static let todayOnce: PublicationDate = {
        if let fixed = ProcessInfo.processInfo.environment["NIANBAO_TODAY"].flatMap(PublicationDate.init) { return fixed }
        let seconds = Int(Date().timeIntervalSince1970) + 8 * 3600
        var days = seconds / 86400
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return PublicationDate(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }()

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
        self.hasTime = false
        (self.hour, self.minute) = (0, 0)
    }

    public static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for differences.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    public static func < (lhs: PublicationDate, rhs: PublicationDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    /// 2025年1月20日
    public var chinese: String { "\(year)年\(month)月\(day)日" }

    /// `2025-01-20`
    public var iso: String { "\(year)-\(Self.two(month))-\(Self.two(day))" }

    /// `2025-01-20 09:30`, as the PubDate meta tag is written (00:00 where no time is given).
    public var pubDate: String { iso + " " + Self.two(hour) + ":" + Self.two(minute) }

    /// RFC 3339 in Beijing time, for feeds: `2025-01-20T09:30:00+08:00`.
    public var rfc3339: String { iso + "T" + Self.two(hour) + ":" + Self.two(minute) + ":00+08:00" }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
