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

        ## Placeholders / 占位符

        In the narrative (`report.md`), `{{id}}` is replaced by the cell's value when the site is
        built (web page and printed report), and `{{id + id + …}}` by the sum of the cells (counts,
        or amounts of one scale), for a quantity the table prints in several cells. Each term must
        be an id listed below; `nianbao check` reports one that is not (`placeholder-unknown`).
        A `narrative-contradiction` finding suggests the placeholder of the quantity its sentence states.

        | 正文 | 占位符 |
        | --- | --- |

        """
    // The examples are the sums the narrative checks read (NarrativeClaim), and exist in both editions.
    let examples: [(String, [CellID])] = [
        ("行政诉讼 N 件", ["appeals.litigation.direct.total", "appeals.litigation.after_review.total"]),
        ("予以公开及部分公开 N 件", ["requests.results.disclosed.total", "requests.results.partially_disclosed.total"]),
        ("无法提供 N 件", ["requests.results.unavailable.not_held.total", "requests.results.unavailable.needs_creation.total",
                          "requests.results.unavailable.still_unclear.total"]),
    ]
    for (sentence, cells) in examples {
        for version in FormVersion.allCases {
            #expect(cells.allSatisfy { ReportForm.edition(version).cellsByID[$0] != nil }, "\(cells) in \(version)")
        }
        text += "| \(sentence) | `\(PlaceholderSum.written(cells))` |\n"
    }
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
