import Foundation

/// Findings as one JSON document: a summary and every finding with all its fields.
public enum JSONFormatter {
    struct Document: Codable {
        let tool: String
        let version: String
        let summary: Summary
        let findings: [Finding]
    }

    struct Summary: Codable {
        let reports: Int
        let errors: Int
        let warnings: Int
        let infos: Int
    }

    public static func format(_ report: FindingReport, toolVersion: String) -> String {
        let document = Document(
            tool: "nianbao", version: toolVersion,
            summary: Summary(reports: report.reportCount, errors: report.errors, warnings: report.warnings, infos: report.infos),
            findings: report.findings)
        return encode(document)
    }

    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
