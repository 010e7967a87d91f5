import Testing
@testable import Validation
import SiteModel

@Suite struct PublicationDateTests {
    @Test("accepts the PubDate forms", arguments: ["2025-01-20 09:30", "2025-01-20T09:30", "2025-01-20 09:30:59", "2024-02-29"])
    func accepts(_ text: String) {
        #expect(PublicationDate(text) != nil)
    }

    @Test("refuses dates that do not exist and loose formats", arguments: [
        "2025-02-29", "2025-02-30", "2025-13-01", "2025-1-5", "2025-01-20 9:30", "2025-01-20 24:00", "2025-01-20 09:30:99",
        "2025/01/20", "20250120", "2025-01-20 09", "+025-01-20", "2025-01-20 09:30 extra",
    ])
    func refuses(_ text: String) {
        #expect(PublicationDate(text) == nil)
    }

    /// The reading by splitting, as it was written before it was made allocation-free: the
    /// oracle for `agreesWithSplitting`.
    static func bySplitting(_ text: String) -> [Int]? {
        func number(_ bytes: Substring.UTF8View.SubSequence) -> Int? {
            guard !bytes.isEmpty, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        let parts = text.utf8.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "T") })
        guard (1...2).contains(parts.count) else { return nil }
        let date = parts[0].split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard date.count == 3, date.map(\.count) == [4, 2, 2], let year = number(date[0]), let month = number(date[1]),
            let day = number(date[2]), (1...12).contains(month), (1...PublicationDate.days(inMonth: month, of: year)).contains(day)
        else { return nil }
        guard parts.count == 2 else { return [year, month, day, 0, 0, 0] }
        let time = parts[1].split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard (2...3).contains(time.count), time.allSatisfy({ $0.count == 2 }), let hour = number(time[0]), let minute = number(time[1]),
            (0...23).contains(hour), (0...59).contains(minute), time.count == 2 || number(time[2]).map({ (0...59).contains($0) }) == true
        else { return nil }
        return [year, month, day, hour, minute, 1]
    }

    @Test("reads every string as reading by splitting did")
    func agreesWithSplitting() {
        var random = SeededRandom(seed: 0x853C_49E6_748F_EA9B)
        var texts = ["2025-01-20 09:30", " 2025-01-20  09:30:00 ", "2025-01-20TT09:30", "2025-01-20 T 09:30", "2024-02-29T23:59:59"]
        for _ in 0..<20000 {
            // Mostly date-shaped, each part sometimes a little off.
            let date = random.pick(["2025", "2024", "1900", "202", "+025", "2x25"]) + random.pick(["-", "-", "-", "/", ""])
                + random.pick(["01", "02", "12", "13", "00", "1", "1-"]) + random.pick(["-", "-", "-", ":"]) + random.pick(["20", "29", "30", "31", "01", "1", "2T"])
            let time = random.pick(["09", "23", "24", "9", "0x"]) + random.pick([":", ":", "-"]) + random.pick(["30", "59", "60", "3"])
                + random.pick(["", "", ":00", ":59", ":60", ":5", ":"])
            texts.append(random.pick(["", " ", "T"]) + date + random.pick(["", " ", "  ", "T", " T ", "x"]) + random.pick(["", time, time, time]) + random.pick(["", "", " ", " x"]))
        }
        var accepted = 0
        for text in texts {
            let date = PublicationDate(text)
            let read = date.map { [$0.year, $0.month, $0.day, $0.hour, $0.minute, $0.hasTime ? 1 : 0] }
            #expect(read == Self.bySplitting(text), "\(text.debugDescription)")
            if date != nil { accepted += 1 }
        }
        #expect(accepted > 150, "the random texts should hold some dates (\(accepted))")
    }

    @Test("counts days across a leap year for the lateness in days")
    func days() {
        let deadline = PublicationDate(year: 2024, month: 3, day: 31)
        #expect(PublicationDate("2024-04-01")!.dayNumber - deadline.dayNumber == 1)
        #expect(PublicationDate("2025-03-31")!.dayNumber - PublicationDate("2024-03-31")!.dayNumber == 365)
        #expect(PublicationDate("2024-03-01")!.dayNumber - PublicationDate("2024-02-28")!.dayNumber == 2)
    }
}
