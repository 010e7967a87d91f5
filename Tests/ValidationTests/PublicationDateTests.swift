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

    @Test("counts days across a leap year for the lateness in days")
    func days() {
        let deadline = PublicationDate(year: 2024, month: 3, day: 31)
        #expect(PublicationDate("2024-04-01")!.dayNumber - deadline.dayNumber == 1)
        #expect(PublicationDate("2025-03-31")!.dayNumber - PublicationDate("2024-03-31")!.dayNumber == 365)
        #expect(PublicationDate("2024-03-01")!.dayNumber - PublicationDate("2024-02-28")!.dayNumber == 2)
    }
}
