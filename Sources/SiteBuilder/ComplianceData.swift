import Diagnostics
import Foundation

/// The dashboard as open data: `compliance.json` (every report with its findings) and
/// `compliance.csv` (one row per report, a pair of columns per rule family).
enum ComplianceData {
    /// Written by hand, one report per line (20,000 reports encode in a fraction of JSONEncoder's time).
    static func json(_ compliance: Compliance) -> String {
        var out = "{\n  \"totals\": \(counts(compliance.totals)),\n  \"reports\": ["
        for (index, row) in compliance.rows.enumerated() {
            out += (index == 0 ? "\n    " : ",\n    ") + "{"
            out += members([
                ("agency", JSONText.string(row.agency)), ("name", JSONText.string(row.name)), ("kind", optional(row.kind)),
                ("year", String(row.year)), ("form", JSONText.string(row.form)), ("form_version", JSONText.string(row.formVersion)),
                ("published", optional(row.published)), ("deadline", optional(row.deadline)),
                ("on_time", row.onTime.map { $0 ? "true" : "false" } ?? "null"), ("days_late", row.daysLate.map(String.init) ?? "null"),
                ("url", JSONText.string(row.url)), ("counts", counts(row.counts)), ("families", families(row.families)),
                ("findings", "[" + row.findings.map(entry).joined(separator: ", ") + "]"),
            ])
            out += "}"
        }
        out += compliance.rows.isEmpty ? "],\n" : "\n  ],\n"
        out += "  \"files\": ["
        for (index, file) in compliance.files.enumerated() {
            out += (index == 0 ? "\n    " : ",\n    ") + "{"
            out += members([
                ("file", JSONText.string(file.file)), ("counts", counts(file.counts)), ("families", families(file.families)),
                ("findings", "[" + file.findings.map(entry).joined(separator: ", ") + "]"),
            ])
            out += "}"
        }
        return out + (compliance.files.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
    }

    private static func members(_ pairs: [(String, String)]) -> String {
        pairs.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ")
    }

    private static func optional(_ text: String?) -> String { text.map(JSONText.string) ?? "null" }

    private static func counts(_ counts: Compliance.Counts) -> String {
        "{\"errors\": \(counts.errors), \"warnings\": \(counts.warnings), \"infos\": \(counts.infos)}"
    }

    private static func families(_ families: [String: Compliance.Counts]) -> String {
        "{" + families.keys.sorted().map { "\"\($0)\": " + counts(families[$0]!) }.joined(separator: ", ") + "}"
    }

    private static func entry(_ entry: Compliance.Entry) -> String {
        "{" + members([
            ("rule", JSONText.string(entry.rule)), ("family", JSONText.string(entry.family)),
            ("severity", JSONText.string(entry.severity.rawValue)), ("message", JSONText.string(entry.message)),
            ("location", "{\"file\": \(JSONText.string(entry.location.file)), \"line\": \(entry.location.line), \"column\": \(entry.location.column)}"),
            ("cell", optional(entry.cell)), ("url", optional(entry.url)),
        ]) + "}"
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
