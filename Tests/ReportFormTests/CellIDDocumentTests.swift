import Foundation
import ReportForm
import Testing

/// `docs/cell-ids.md` documents every cell id; it is generated from the model, and this test
/// keeps it from drifting. Run with NIANBAO_UPDATE_DOCS=1 to rewrite it after a model change.
@Test("docs/cell-ids.md lists exactly the cells of both form editions")
func cellIDDocumentIsCurrent() throws {
    var text = """
        # Cell ids / 单元格编号

        Every cell of the statutory tables has a stable id, used in findings (the `cell` field of
        `nianbao check --format json`). Ids are `<table>.<row path>.<column>`.
        This file is generated from the report form model (`Sources/ReportForm`); a test fails
        when it is out of date (`NIANBAO_UPDATE_DOCS=1 swift test --filter cellIDDocument`).

        """
    for version in FormVersion.allCases.reversed() {
        let form = ReportForm.edition(version)
        text += "\n## \(version.displayName)（\(version.rawValue)）\n"
        for table in form.tables {
            text += "\n### \(table.label)\n\n| id | 行 | 列 |\n| --- | --- | --- |\n"
            for cell in table.cells {
                text += "| `\(cell.id)` | \(cell.row.labelPath.joined(separator: " / ")) | \(cell.column.label) |\n"
            }
        }
    }
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/cell-ids.md")
    if ProcessInfo.processInfo.environment["NIANBAO_UPDATE_DOCS"] != nil {
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
    let committed = try String(contentsOf: url, encoding: .utf8)
    #expect(committed == text, "docs/cell-ids.md is out of date: run NIANBAO_UPDATE_DOCS=1 swift test --filter cellIDDocument")
}
