import ReportForm

/// Whether a report was published by the deadline of its agency's kind (条例第四十九条).
public enum Timeliness: Sendable, Equatable {
    case onTime
    /// Published this many days after the deadline.
    case late(days: Int)
    /// No readable publication date, or no agency kind to take the deadline from.
    case unknown

    public init(_ report: Report, kind: AgencyKind?) {
        guard let kind, let published = report.publicationDate else {
            self = .unknown
            return
        }
        let deadline = report.deadline(kind)
        self = published > deadline ? .late(days: published.dayNumber - deadline.dayNumber) : .onTime
    }
}

extension Report {
    /// The last day the report may be published: 31 January (部门) or 31 March (人民政府) of the next year.
    public func deadline(_ kind: AgencyKind) -> PublicationDate {
        PublicationDate(year: year + 1, month: kind.deadline.month, day: kind.deadline.day)
    }
}
