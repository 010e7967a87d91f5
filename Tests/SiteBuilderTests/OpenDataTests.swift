import Foundation
import ReportForm
import SiteModel
import Testing

/// data.json and data.csv of each report and of the whole site: every cell of the form by id and
/// by official label, readable by programs and by Excel or WPS.
@Suite struct OpenDataTests {
    @Test("data.json has every cell of the report's form, with the tables' values")
    func json() throws {
        let build = try BuiltSite.sample()
        for report in build.site.reports {
            let data = try #require(build.files["\(report.agency)/\(report.year)/data.json"])
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let cells = try #require(object["cells"] as? [[String: Any]])
            let tables = try #require(report.tables)
            #expect(cells.map { $0["id"] as? String } == tables.form.cells.map(\.id))
            for cell in cells {
                let id = try #require(cell["id"] as? String)
                let spec = try #require(tables.form.cellsByID[id])
                #expect(cell["column"] as? String == (spec.column.group.map { $0 + " / " } ?? "") + spec.column.label)
                #expect(cell["row"] as? String == spec.row.labelPath.joined(separator: " / "))
                #expect((cell["value"] as? NSNumber)?.doubleValue == tables[id].map { Double($0.text)! }, "\(id)")
            }
            #expect(object["year"] as? Int == report.year)
            #expect(object["form"] as? String == tables.version.rawValue)
        }
    }

    @Test("data.csv is UTF-8 with a byte order mark and CRLF, one row per cell, labels as printed")
    func csv() throws {
        let build = try BuiltSite.sample()
        let data = try #require(build.files["jiangyu-tax/2024/data.csv"])
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.last == "")
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(lines[0] == "机关代码,机关名称,年度,表格格式,表,单元格编号,行,列,单位,数值")
        #expect(lines.count - 2 == ReportForm.revised2021.cells.count)
        #expect(lines.contains("jiangyu-tax,国家税务总局江屿市税务局,2024,2021年格式,三、收到和处理政府信息公开申请情况,requests.received.total,一、本年新收政府信息公开申请数量,总计,件,53"))
        // The amount as the report writes it (「0」), not padded to two places.
        #expect(lines.contains { $0.hasPrefix("jiangyu-tax,") && $0.contains(",active.fees.amount,") && $0.hasSuffix(",万元,0") })
    }

    @Test("data/all.json: the cells of each edition once, then every report's values in that order")
    func allJSON() throws {
        let build = try BuiltSite.sample()
        let file = try #require(build.files["data/all.json"])
        let all = try #require(try JSONSerialization.jsonObject(with: file) as? [String: Any])
        let cells = try #require(all["cells"] as? [String: [[String: String]]])
        #expect(cells["2021"]?.map { $0["id"] } == ReportForm.revised2021.cells.map(\.id))
        #expect(cells["2019"]?.map { $0["id"] } == ReportForm.trial2019.cells.map(\.id))
        let reports = try #require(all["reports"] as? [[String: Any]])
        #expect(reports.count == 13)
        for (entry, report) in zip(reports, build.site.reports) {
            let tables = try #require(report.tables)
            let values = try #require(entry["values"] as? [NSNumber])
            #expect(values.map(\.doubleValue) == tables.form.cells.map { Double(tables[$0.id]!.text)! })
            #expect(entry["form"] as? String == tables.version.rawValue)
        }
    }

    @Test("data/all.csv: one row per report, one column per cell id; data/cells.csv explains the ids")
    func allCSV() throws {
        let build = try BuiltSite.sample()
        let csv = try build.text("data/all.csv")
        #expect(csv.hasPrefix("\u{FEFF}机关代码,机关名称,年度,表格格式,active.regulations.issued,"))
        let rows = csv.dropFirst().components(separatedBy: "\r\n").dropLast().map { $0.components(separatedBy: ",") }
        #expect(rows.count == 1 + 13)
        let header = rows[0]
        #expect(Set(header.dropFirst(4)) == Set(ReportForm.revised2021.cells.map(\.id) + ReportForm.trial2019.cells.map(\.id)))
        let row = try #require(rows.first { $0.prefix(3) == ["jiangyu-tax", "国家税务总局江屿市税务局", "2024"] })
        #expect(row.count == header.count)
        #expect(row[try #require(header.firstIndex(of: "requests.received.total"))] == "53")
        let catalogue = try build.text("data/cells.csv")
        #expect(catalogue.components(separatedBy: "\r\n").count - 2 == ReportForm.revised2021.cells.count + ReportForm.trial2019.cells.count)
        #expect(catalogue.contains("\r\nrequests.received.total,2021年格式,三、收到和处理政府信息公开申请情况,一、本年新收政府信息公开申请数量,总计,件\r\n"))
    }
}
