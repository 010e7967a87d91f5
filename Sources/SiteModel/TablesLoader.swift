import Diagnostics
import ReportForm

/// Reads `tables.yaml` for a report year: against the edition the year requires, or, where the
/// tables plainly follow the other edition, against that one with a `form-version` finding.
enum TablesLoader {
    static func load(_ text: String, file: String, year: Int) -> (ReportTables?, [Finding]) {
        let required = ReportForm.required(forReportYear: year)
        // Most files are exactly what the form asks for, and have nothing to report.
        if let reading = TablesFastPath.read(text, file: file, form: required) {
            var tables = ReportTables(
                file: file, form: required, cellValues: reading.values, collapsedRows: [:], tableLocations: reading.tableLocations)
            tables.fillOmittedTotals()
            return (tables, [])
        }
        return readInFull(text, file: file, year: year)
    }

    /// The node tree read label by label, with a finding for everything that is not as the form
    /// asks.
    static func readInFull(_ text: String, file: String, year: Int) -> (ReportTables?, [Finding]) {
        let root: YAMLNode
        switch YAMLDocument.parse(text, file: file) {
        case .failure(let finding): return (nil, [finding])
        case .success(nil): return (nil, [Rule.fileEmpty.finding("文件为空", gist: "file is empty", at: SourceLocation(file: file))])
        case .success(let node?): root = node
        }
        let required = ReportForm.required(forReportYear: year)
        var reader = TableReader(form: required, file: file)
        reader.read(root)
        var findings: [Finding] = []
        if reader.mismatches > 0 {
            var other = TableReader(form: .edition(required.version.other), file: file)
            other.read(root)
            if other.mismatches < reader.mismatches {
                findings.append(Rule.formVersion.finding(
                    "\(year)年度报告应使用\(required.version.displayName)，但表格是按\(other.form.version.displayName)填写的",
                    gist: "a \(year) report must use the \(required.version.rawValue) form; these tables follow the \(other.form.version.rawValue) form",
                    at: reader.firstMismatch ?? SourceLocation(file: file),
                    expected: required.version.displayName, found: other.form.version.displayName,
                    hint: "用 `nianbao new` 生成\(required.version.displayName)的 tables.yaml，把数字移过去。"))
                reader = other
            }
        }
        findings += reader.findings
        var tables = ReportTables(
            file: file, form: reader.form, cellValues: reader.values, collapsedRows: reader.collapsedRows,
            tableLocations: reader.tableLocations)
        tables.fillOmittedTotals()
        findings += tables.workOutBlanks(reader.blanks)
        return (tables, findings)
    }
}
