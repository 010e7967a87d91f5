import Foundation

/// When a task of a task list is due, parsed from the list's own wording
/// (「2020年12月底前」, 「2020年10月20日前…；2020年12月20日前…」, 「持续推进」).
///
/// Only the phrase shapes below are understood; anything else is refused with a reason, never
/// guessed, because a wrong deadline would make the overdue rule lie.
public struct TaskDeadline: Sendable, Equatable {
    /// What one part of a deadline asks.
    public enum Due: Sendable, Equatable {
        /// Done by the end of this day (「…月底前」 is the month's last day, 「…年底前」 31 December).
        case date(PublicationDate)
        /// 「持续推进」, 「按要求推进」: ongoing, never overdue.
        case ongoing
        /// 「根据当地实际确定」: each office sets its own date.
        case setLocally
    }

    /// One clause of the phrase with what it asks.
    public struct Part: Sendable, Equatable {
        public let due: Due
        /// The words of the clause, as written.
        public let text: String
    }

    /// The phrase as written in the task list.
    public let phrase: String
    public let parts: [Part]

    /// The shapes the issue of the task list uses.
    public enum Shape: Sendable, Equatable {
        case date(PublicationDate)
        case ongoing
        /// Several parts, each dated, ongoing or set locally.
        case parts([Part])
    }

    public var shape: Shape {
        if parts.count == 1, case .date(let date) = parts[0].due { return .date(date) }
        if parts.allSatisfy({ $0.due == .ongoing }) { return .ongoing }
        return .parts(parts)
    }

    /// The last dated part: when the whole task is due. Nil when no part is dated.
    public var latestDate: PublicationDate? {
        parts.compactMap { if case .date(let date) = $0.due { date } else { nil } }.max()
    }

    /// Whether a part leaves the date to each office.
    public var isSetLocally: Bool { parts.contains { $0.due == .setLocally } }

    /// Why a phrase could not be read.
    public struct Unreadable: Error, Sendable, Equatable {
        public let clause: String
        public let reason: String
    }

    public static func parse(_ phrase: String) -> Result<TaskDeadline, Unreadable> {
        var parts: [Part] = []
        for clause in split(phrase, on: ["；", ";", "。"]) {
            // Within a clause, words without a date of their own belong to the dated words
            // beside them: 「2020年10月20日前，各司局主动公开…」 is one part.
            var clauseParts: [Part] = []
            var pending: [String] = []
            for words in split(clause, on: ["，", ","]) {
                switch classify(words) {
                case .failure(let problem): return .failure(Unreadable(clause: words, reason: problem.reason))
                case .success(nil):
                    if let last = clauseParts.popLast() {
                        clauseParts.append(Part(due: last.due, text: last.text + "，" + words))
                    } else {
                        pending.append(words)
                    }
                case .success(let due?):
                    clauseParts.append(Part(due: due, text: (pending + [words]).joined(separator: "，")))
                    pending = []
                }
            }
            guard !clauseParts.isEmpty else {
                return .failure(Unreadable(clause: clause, reason: "没有日期，也不是「持续推进」或「根据当地实际确定」"))
            }
            parts += clauseParts
        }
        guard !parts.isEmpty else { return .failure(Unreadable(clause: phrase, reason: "完成时限是空的")) }
        return .success(TaskDeadline(phrase: phrase, parts: parts))
    }

    private struct Problem: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    private static let ongoingWords = ["持续推进", "按要求推进", "长期坚持"]
    private static let localWords = ["根据当地实际确定", "结合实际确定", "自行确定"]

    /// What the words ask: nil for words with no date (a description), or why they cannot be read.
    private static func classify(_ words: String) -> Result<Due?, Problem> {
        let dates: [PublicationDate]
        switch scanDates(words) {
        case .failure(let problem): return .failure(problem)
        case .success(let found): dates = found
        }
        let ongoing = ongoingWords.contains { words.contains($0) }
        let local = localWords.contains { words.contains($0) }
        switch (dates.count, ongoing, local) {
        case (0, false, false): return .success(nil)
        case (0, true, false): return .success(.ongoing)
        case (0, false, true): return .success(.setLocally)
        case (1, false, false): return .success(.date(dates[0]))
        case (1, _, _): return .failure(Problem("同一句中既有日期又有「持续推进」或「根据当地实际确定」，请用「；」分开"))
        case (0, true, true): return .failure(Problem("既说「持续推进」又说「根据当地实际确定」"))
        default: return .failure(Problem("同一句中有 \(dates.count) 个日期，请用「；」分开"))
        }
    }

    /// Every 「YYYY年M月D日」, 「YYYY年M月底」 and 「YYYY年底」 in `words`.
    private static func scanDates(_ words: String) -> Result<[PublicationDate], Problem> {
        let scalars = Array(words.unicodeScalars)
        var dates: [PublicationDate] = []
        var index = 0
        func number(maxDigits: Int) -> Int? {
            var value = 0
            var digits = 0
            while index < scalars.count, digits < maxDigits, ("0"..."9").contains(scalars[index]) {
                value = value * 10 + Int(scalars[index].value - 48)
                digits += 1
                index += 1
            }
            return digits == 0 ? nil : value
        }
        // 「2020年9月1日起」, 「2019年底以来」: a date things start from, not one they are due by.
        func startingDate() -> Problem? {
            let rest = String(String.UnicodeScalarView(scalars[index...].prefix(2)))
            guard rest.hasPrefix("起") || rest.hasPrefix("以来") || rest.hasPrefix("开始") else { return nil }
            return Problem("「\(String(String.UnicodeScalarView(scalars[..<min(index + 2, scalars.count)])))」是起始日期，不是完成时限")
        }
        func next(_ character: Unicode.Scalar) -> Bool {
            guard index < scalars.count, scalars[index] == character else { return false }
            index += 1
            return true
        }
        // Dates are written with ASCII digits: 「２０２０年」 or 「二〇二〇年」 would otherwise be read as
        // no date at all, and the task as never due.
        let otherDigits = Set("０１２３４５６７８９〇零一二三四五六七八九十".unicodeScalars)
        for (position, scalar) in scalars.enumerated() where otherDigits.contains(scalar) {
            let following = scalars[(position + 1)...].first { !otherDigits.contains($0) }
            if following == "年" || following == "月" || following == "日" {
                return .failure(Problem("日期请用阿拉伯数字书写，如「2020年12月底前」"))
            }
        }
        while index < scalars.count {
            let start = index
            // A year starts after something that is not a digit: 「12020年」 is not 2020.
            if start > 0, ("0"..."9").contains(scalars[start - 1]) {
                index += 1
                continue
            }
            guard let year = number(maxDigits: 4), index - start == 4, next("年") else {
                // 「11月20日前」 after another date: a month without its year is not read as either.
                index = start
                if start == 0 || !("0"..."9").contains(scalars[start - 1]), number(maxDigits: 2) != nil, next("月") {
                    return .failure(Problem("「\(String(String.UnicodeScalarView(scalars[start..<index])))」前没有年份"))
                }
                index = start + 1
                continue
            }
            if next("底") || next("末") {
                dates.append(PublicationDate(year: year, month: 12, day: 31))
                if let problem = startingDate() { return .failure(problem) }
                continue
            }
            // 「2020年度政府信息公开工作年度报告」 names a year; it sets no date.
            if next("度") { continue }
            guard let month = number(maxDigits: 2), next("月"), (1...12).contains(month) else {
                return .failure(Problem("「\(year)年」后应是「M月」或「底」"))
            }
            if next("底") || next("末") {
                dates.append(PublicationDate(year: year, month: month, day: PublicationDate.days(inMonth: month, of: year)))
                if let problem = startingDate() { return .failure(problem) }
                continue
            }
            guard let day = number(maxDigits: 2), next("日") else {
                return .failure(Problem("「\(year)年\(month)月」后应是「D日」或「底」（只写月份时不知道是月初还是月底）"))
            }
            guard (1...PublicationDate.days(inMonth: month, of: year)).contains(day) else {
                return .failure(Problem("\(year)年\(month)月没有\(day)日"))
            }
            dates.append(PublicationDate(year: year, month: month, day: day))
            if let problem = startingDate() { return .failure(problem) }
        }
        return .success(dates)
    }

    private static func split(_ text: String, on separators: Set<Character>) -> [String] {
        text.split(whereSeparator: { separators.contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
