import Diagnostics
import Foundation

/// The dashboard as open data: `compliance.json` (every report with its findings) and
/// `compliance.csv` (one row per report, a pair of columns per rule family).
enum ComplianceData {
    private struct Document: Encodable {
        let totals: Compliance.Counts
        let reports: [Compliance.Row]
        let files: [Compliance.FileRow]
    }

    static func json(_ compliance: Compliance) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let data = (try? encoder.encode(Document(totals: compliance.totals, reports: compliance.rows, files: compliance.files))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func csv(_ compliance: Compliance) -> String {
        let families = Compliance.families
        var lines = CSVText.byteOrderMark
            + CSVText.line(
                ["agency", "name", "year", "form", "form_version", "published", "deadline", "on_time", "days_late", "errors", "warnings", "infos"]
                    + families.flatMap { ["\($0.rawValue)_errors", "\($0.rawValue)_warnings"] })
        for row in compliance.rows {
            lines += CSVText.line(
                [
                    row.agency, row.name, String(row.year), row.form, row.formVersion, row.published ?? "", row.deadline ?? "",
                    row.onTime.map { $0 ? "true" : "false" } ?? "", row.daysLate.map(String.init) ?? "",
                    String(row.counts.errors), String(row.counts.warnings), String(row.counts.infos),
                ] + families.flatMap { family in
                    let counts = row.families[family.rawValue] ?? Compliance.Counts()
                    return [String(counts.errors), String(counts.warnings)]
                })
        }
        return lines
    }
}
