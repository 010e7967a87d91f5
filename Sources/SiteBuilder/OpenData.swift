import Foundation
import ReportForm
import SiteModel

/// The statutory tables as open data: every cell of the report's form, by its stable id and by
/// its official labels, in the form's order.
enum OpenData {
    /// The CSV header, in Chinese for the office workers who open it in a spreadsheet; the ids in
    /// the 单元格编号 column are what programs should key on.
    static let csvHeader = ["机关代码", "机关名称", "年度", "表格格式", "表", "单元格编号", "行", "列", "单位", "数值"]

    struct Cell {
        let spec: CellSpec
        let table: String
        let value: CellValue?

        var unit: String {
            if case .amount(let unit, _) = spec.kind { return unit }
            return "件"
        }
    }

    static func cells(of tables: ReportTables) -> [Cell] {
        tables.form.tables.flatMap { table in
            table.cells.map { Cell(spec: $0, table: table.label, value: tables[$0.id]) }
        }
    }

    /// `data.json` of one report.
    static func json(_ report: Report, agency: Agency, indent: String = "") -> String {
        let inner = indent + "    "
        let cells = report.tables.map(cells(of:)) ?? []
        let items = cells.map { cell in
            "{\"id\": \(JSONText.string(cell.spec.id)), \"table\": \(JSONText.string(cell.table)), "
                + "\"row\": \(JSONText.string(cell.spec.row.labelPath.joined(separator: " / "))), "
                + "\"column\": \(JSONText.string(columnLabel(cell.spec))), \"unit\": \(JSONText.string(cell.unit)), "
                + "\"value\": \(cell.value?.text ?? "null")}"
        }
        var members: [(String, String)] = [
            ("agency", JSONText.string(agency.slug)),
            ("agency_name", JSONText.string(agency.name?.value ?? agency.slug)),
            ("year", String(report.year)),
            ("title", JSONText.string(ReportPage.title(report, agency: agency))),
        ]
        if let published = report.frontMatter["published"]?.value { members.append(("published", JSONText.string(published))) }
        if let tables = report.tables {
            members.append(("form", JSONText.string(tables.version.rawValue)))
            members.append(("form_name", JSONText.string(tables.version.displayName)))
        }
        members.append(("cells", JSONText.array(items, indent: inner)))
        return JSONText.object(members, indent: indent)
    }

    /// The CSV rows of one report, without the header.
    static func csvRows(_ report: Report, agency: Agency) -> String {
        guard let tables = report.tables else { return "" }
        var out = ""
        for cell in cells(of: tables) {
            out += CSVText.line([
                agency.slug, agency.name?.value ?? agency.slug, String(report.year), tables.version.displayName,
                cell.table, cell.spec.id, cell.spec.row.labelPath.joined(separator: " / "), columnLabel(cell.spec),
                cell.unit, cell.value?.text ?? "",
            ])
        }
        return out
    }

    static func csv(_ report: Report, agency: Agency) -> String {
        CSVText.byteOrderMark + CSVText.line(csvHeader) + csvRows(report, agency: agency)
    }

    /// A column with its group where it has one: 「法人或其他组织 / 商业企业」.
    static func columnLabel(_ spec: CellSpec) -> String {
        spec.column.group.map { $0 + " / " + spec.column.label } ?? spec.column.label
    }
}
