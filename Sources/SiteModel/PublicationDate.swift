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
        // On UTF-8 bytes: every page listing reports parses every report's date.
        let parts = text.utf8.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "T") })
        guard (1...2).contains(parts.count) else { return nil }
        let date = parts[0].split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        // Fixed widths, as PubDate is written: 2025-01-20, not 2025-1-20.
        guard date.count == 3, date.map(\.count) == [4, 2, 2], let year = Self.number(date[0]),
            let month = Self.number(date[1]), let day = Self.number(date[2]),
            (1...12).contains(month), (1...Self.days(inMonth: month, of: year)).contains(day)
        else { return nil }
        var clock = (0, 0)
        if parts.count == 2 {
            let time = parts[1].split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
            guard (2...3).contains(time.count), time.allSatisfy({ $0.count == 2 }),
                let hour = Self.number(time[0]), let minute = Self.number(time[1]),
                (0...23).contains(hour), (0...59).contains(minute),
                time.count == 2 || Self.number(time[2]).map({ (0...59).contains($0) }) == true
            else { return nil }
            clock = (hour, minute)
        }
        (self.hour, self.minute) = clock
        self.year = year
        self.month = month
        self.day = day
        self.hasTime = parts.count == 2
    }

    /// ASCII digits only (`Int("+5")` would accept a sign).
    private static func number(_ bytes: Substring.UTF8View.SubSequence) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return bytes.isEmpty ? nil : value
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
