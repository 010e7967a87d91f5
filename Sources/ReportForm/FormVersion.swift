/// The two editions of the statutory annual-report format.
///
/// Reports on 2019 and 2020 use the 试行 format of 国办公开办函〔2019〕60号; reports on
/// 2021 and later use the revised format of 国办公开办函〔2021〕30号.
public enum FormVersion: String, Sendable, CaseIterable, Codable, Comparable {
    case trial2019 = "2019"
    case revised2021 = "2021"

    /// The edition a report on `year` must use.
    public static func required(forReportYear year: Int) -> FormVersion {
        year >= 2021 ? .revised2021 : .trial2019
    }

    /// The first report year for which the statutory format exists at all.
    public static let firstReportYear = 2019

    /// The document that issued this edition, as cited in findings and `explain`.
    public var issuingDocument: String {
        switch self {
        case .trial2019: "国办公开办函〔2019〕60号《中华人民共和国政府信息公开工作年度报告格式（试行）》"
        case .revised2021: "国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》"
        }
    }

    /// A short Chinese name: 「2019年试行格式」 or 「2021年格式」.
    public var displayName: String {
        switch self {
        case .trial2019: "2019年试行格式"
        case .revised2021: "2021年格式"
        }
    }

    /// The other edition.
    public var other: FormVersion { self == .trial2019 ? .revised2021 : .trial2019 }

    public static func < (lhs: FormVersion, rhs: FormVersion) -> Bool { lhs.rawValue < rhs.rawValue }
}
