import Diagnostics
import Foundation
import SiteModel
import Testing

/// The deadline phrases of a task list, one test per shape the 2020 tax list uses, and the
/// shapes that must be refused rather than guessed.
@Suite struct TaskDeadlineTests {
    static func day(_ year: Int, _ month: Int, _ day: Int) -> PublicationDate { PublicationDate(year: year, month: month, day: day) }

    static func parsed(_ phrase: String) throws -> TaskDeadline { try TaskDeadline.parse(phrase).get() }

    @Test("「2020年12月底前」 is the last day of the month")
    func endOfMonth() throws {
        #expect(try Self.parsed("2020年12月底前。").shape == .date(Self.day(2020, 12, 31)))
        #expect(try Self.parsed("2020年2月底前").shape == .date(Self.day(2020, 2, 29)))  // a leap year
        #expect(try Self.parsed("2021年1月底前").shape == .date(Self.day(2021, 1, 31)))
    }

    @Test("「2020年底前」 is 31 December; 「2020年10月20日前」 is that day")
    func endOfYearAndDay() throws {
        #expect(try Self.parsed("2020年底前").shape == .date(Self.day(2020, 12, 31)))
        #expect(try Self.parsed("2020年10月20日前").shape == .date(Self.day(2020, 10, 20)))
    }

    @Test("「持续推进」 is ongoing and has no date")
    func ongoing() throws {
        let deadline = try Self.parsed("持续推进。")
        #expect(deadline.shape == .ongoing)
        #expect(deadline.latestDate == nil)
    }

    @Test("dated parts separated by 「；」 keep their words; the latest date is when the task is due")
    func datedParts() throws {
        let deadline = try Self.parsed("2020年10月20日前，各司局主动公开建议提案办理复文；2020年12月20日前，办公厅公开办理建议提案总体情况。各地税务机关根据当地实际确定完成时限。")
        #expect(deadline.parts.map(\.due) == [.date(Self.day(2020, 10, 20)), .date(Self.day(2020, 12, 20)), .setLocally])
        #expect(deadline.parts[0].text == "2020年10月20日前，各司局主动公开建议提案办理复文")
        #expect(deadline.latestDate == Self.day(2020, 12, 20))
        #expect(deadline.isSetLocally)
    }

    @Test("a date and 「其他工作持续推进」 in one sentence are two parts; 「2020年度」 names a year, not a date")
    func dateAndOngoing() throws {
        let a = try Self.parsed("2020年10月底建成“好差评”系统，其他工作持续推进。")
        #expect(a.parts.map(\.due) == [.date(Self.day(2020, 10, 31)), .ongoing])
        let b = try Self.parsed("2021年1月底前，各级税务机关公开2020年度政府信息公开工作年度报告；其他工作持续推进。")
        #expect(b.parts.map(\.due) == [.date(Self.day(2021, 1, 31)), .ongoing])
        let c = try Self.parsed("税务总局按要求推进，省及省以下税务机关2020年7月底前完成。")
        #expect(c.parts.map(\.due) == [.ongoing, .date(Self.day(2020, 7, 31))])
        #expect(c.shape == .parts(c.parts))
    }

    @Test(
        "phrases that cannot be read are refused with a reason, never guessed",
        arguments: [
            "2020年8月前", "二〇二〇年底前", "尽快完成", "2020年2月30日前", "2020年10月20日、11月20日前", "2020年13月底前", "",
            "其他工作持续推进，２０２０年１２月底前完成", "2020年9月1日起施行", "巩固2019年底以来成果", "12020年12月底前", "20201年12月底前",
        ])
    func refused(_ phrase: String) {
        guard case .failure(let unreadable) = TaskDeadline.parse(phrase) else {
            Issue.record("「\(phrase)」 was read")
            return
        }
        #expect(!unreadable.reason.isEmpty)
    }

    @Test("the shipped 2020 tax list loads all 23 tasks, each with its deadline, without findings")
    func shippedList() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let site = try SiteLoader.load(root: root)
        let list = try #require(site.taskList("2020-tax"))
        #expect(site.findings.filter { $0.file.hasPrefix("Content/_tasks") }.isEmpty)
        #expect(list.tasks.map(\.number) == Array(1...23))
        #expect(list.tasks.allSatisfy { $0.deadline != nil && !$0.title.isEmpty && !$0.lead.isEmpty && !$0.implementing.isEmpty })
        #expect(list.year == 2020)
        #expect(Set(list.tasks.map(\.part)).count == 5)
        #expect(list.task(2)?.deadline?.shape == .date(Self.day(2020, 12, 31)))
        #expect(list.task(3)?.deadline?.shape == .ongoing)
        #expect(list.task(16)?.deadline?.shape == .date(Self.day(2020, 10, 31)))
        #expect(list.task(18)?.deadline?.isSetLocally == true)
        #expect(list.task(23)?.deadline?.latestDate == Self.day(2021, 1, 31))
        #expect(list.task(14)?.lead == ["税收宣传中心", "征管科技司", "社会保险费司（非税收入司）", "税收大数据和风险管理局"])
        #expect(list.task(22)?.implementing == ["各省税务局"])
        // Dated, ongoing and mixed tasks, as the list has them.
        #expect(list.tasks.filter { $0.deadline?.shape == .ongoing }.count == 12)
    }
}

extension Diagnostics.Finding {
    var file: String { location.file }
}
