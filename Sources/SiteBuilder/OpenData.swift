import Foundation
import ReportForm
import SiteModel

/// The statutory tables as open data: every cell of the report's form, by its stable id and by
/// its official labels, in the form's order. Per report, `data.json` and `data.csv`; for the
/// site, `data/all.json` and `data/all.csv` (one row per report, one column per cell id) with
/// `data/cells.csv` saying what each id means.
enum OpenData {
    /// The CSV header, in Chinese for the office workers who open it in a spreadsheet; the ids in
    /// the 单元格编号 column are what programs should key on.
    static let csvHeader = ["机关代码", "机关名称", "年度", "表格格式", "表", "单元格编号", "行", "列", "单位", "数值"]

    /// What describes a cell, which is the same in every report of an edition: written once per
    /// edition, so a report only adds its numbers.
    struct CellText: Sendable {
        let id: CellID
        let table: String
        let row: String
        let column: String
        let unit: String
        /// `{"id": …, "unit": "件", "value": ` — the value and `}` follow.
        let jsonPrefix: String
        /// `,2021年格式,表,id,行,列,件,` — between the report's own fields and the value.
        let csvMiddle: String

        init(_ spec: CellSpec, table: FormTable, version: FormVersion) {
            id = spec.id
            self.table = table.label
            row = spec.row.labelPath.joined(separator: " / ")
            column = spec.column.group.map { $0 + " / " + spec.column.label } ?? spec.column.label
            // A column the form prints without a unit (2019 采购总金额) gets none here either.
            if case .amount(let unit, _) = spec.kind { self.unit = unit ?? "" } else { unit = "件" }
            jsonPrefix = "{\"id\": \(JSONText.string(id)), \"table\": \(JSONText.string(self.table)), \"row\": \(JSONText.string(row)), "
                + "\"column\": \(JSONText.string(column)), \"unit\": \(JSONText.string(unit)), \"value\": "
            csvMiddle = "," + [version.displayName, self.table, id, row, column, unit].map(CSVText.field).joined(separator: ",") + ","
        }

        static let byEdition: [FormVersion: [CellText]] = Dictionary(
            uniqueKeysWithValues: FormVersion.allCases.map { version in
                let form = ReportForm.edition(version)
                return (version, form.tables.flatMap { table in table.cells.map { CellText($0, table: table, version: version) } })
            })
    }

    /// The report's value of each cell of its edition, in `ReportForm.cells` order (nil where
    /// blank). By index, not by cell: copying a cell's description took a retain per label, and
    /// `data.json` and `data.csv` of every report each went through 200 of them.
    static func values(of tables: ReportTables) -> [String?] {
        let cells = tables.form.cells
        return cells.indices.map { tables.value(at: cells[$0].index)?.text }
    }

    /// The report's own fields, first in every file of it.
    private static func header(_ report: Report, agency: Agency) -> [(String, String)] {
        var members: [(String, String)] = [
            ("agency", JSONText.string(agency.slug)), ("agency_name", JSONText.string(agency.name?.value ?? agency.slug)),
            ("year", String(report.year)), ("title", JSONText.string(ReportPage.title(report, agency: agency))),
        ]
        if let published = report.frontMatter["published"]?.value { members.append(("published", JSONText.string(published))) }
        if let tables = report.tables {
            members.append(("form", JSONText.string(tables.version.rawValue)))
            members.append(("form_name", JSONText.string(tables.version.displayName)))
        }
        return members
    }

    /// `data.json` of one report.
    static func json(_ report: Report, agency: Agency) -> String {
        var cells = "[]"
        if let tables = report.tables, let texts = CellText.byEdition[tables.version] {
            let values = values(of: tables)
            cells = JSONText.array(count: values.count, indent: "  ", capacity: values.count * 250) { index, out in
                out += texts[index].jsonPrefix
                out += values[index] ?? "null"
                out += "}"
            }
        }
        return JSONText.object(header(report, agency: agency) + [("cells", cells)])
    }

    /// `data.csv` of one report: one row per cell.
    static func csv(_ report: Report, agency: Agency) -> String {
        var out = CSVText.byteOrderMark + CSVText.line(csvHeader)
        guard let tables = report.tables, let texts = CellText.byEdition[tables.version] else { return out }
        let start = [agency.slug, agency.name?.value ?? agency.slug, String(report.year)].map(CSVText.field).joined(separator: ",")
        out.reserveCapacity(texts.count * 300)
        for (index, value) in values(of: tables).enumerated() {
            out += start
            out += texts[index].csvMiddle
            out += value ?? ""
            out += "\r\n"
        }
        return out
    }

    /// The report in `data/all.json`: its values in the order of `cells[form]` at the top of that
    /// file, so the labels are not repeated for every report.
    static func values(_ report: Report, agency: Agency) -> String {
        var members = header(report, agency: agency)
        if let tables = report.tables {
            members.append(("values", "[" + values(of: tables).map { $0 ?? "null" }.joined(separator: ",") + "]"))
        }
        return JSONText.object(members, indent: "    ")
    }

    /// Every cell id of both editions, 2021 form first, each once: the columns of `data/all.csv`.
    static let allCellIDs: [CellID] = {
        var seen: Set<CellID> = []
        return (ReportForm.revised2021.cells + ReportForm.trial2019.cells).map(\.id).filter { seen.insert($0).inserted }
    }()

    static var wideHeader: String { CSVText.line(["机关代码", "机关名称", "年度", "表格格式"] + allCellIDs) }

    /// The row of `data/all.csv` for `report`: its values under every cell id (blank where its
    /// edition has no such cell).
    static func wideRow(_ report: Report, agency: Agency) -> String {
        var fields = [agency.slug, agency.name?.value ?? agency.slug, String(report.year)]
        guard let tables = report.tables else { return CSVText.line(fields) }
        fields.append(tables.version.displayName)
        fields += (widePlaces[tables.version] ?? []).map { $0.flatMap { tables.value(at: $0) }?.text ?? "" }
        return CSVText.line(fields)
    }

    /// Where each of `allCellIDs` sits in an edition's `ReportForm.cells` (nil where it has no
    /// such cell): a row looked 300 ids up in a dictionary otherwise.
    private static let widePlaces: [FormVersion: [Int?]] = Dictionary(
        uniqueKeysWithValues: FormVersion.allCases.map { version in
            (version, allCellIDs.map { ReportForm.edition(version).cellsByID[$0]?.index })
        })

    /// `data/cells.csv`, and the `cells` member of `data/all.json`: what each id means, per edition.
    static func cellCatalogue() -> (csv: String, json: String) {
        var csv = CSVText.byteOrderMark + CSVText.line(["单元格编号", "表格格式", "表", "行", "列", "单位"])
        var editions: [(String, String)] = []
        for version in [FormVersion.revised2021, .trial2019] {
            let texts = CellText.byEdition[version] ?? []
            for text in texts { csv += CSVText.line([text.id, version.displayName, text.table, text.row, text.column, text.unit]) }
            editions.append((version.rawValue, JSONText.array(texts.map { $0.jsonPrefix.dropLast(", \"value\": ".count) + "}" }, indent: "    ")))
        }
        return (csv, JSONText.object(editions, indent: "  "))
    }
}
