import Foundation
import ReportForm

/// Writes `tables.yaml` for an edition of the form: every table, group, row and cell, in print
/// order, with the official labels, so that nobody has to type a label.
public enum TablesTemplate {
    /// The YAML text of a blank (all zero) statistics file, or of `values` where given.
    ///
    /// Totals (a 总计 column, the （七）总计 row) are written only where `values` gives them: left
    /// out, nianbao computes them from the cells they sum, so a writer who fills in only the
    /// detail rows is not told that they disagree with a 0 nobody typed.
    public static func yaml(for form: ReportForm, year: Int, values: [CellID: String] = [:]) -> String {
        var lines = [
            "# \(year)年度政府信息公开工作年度报告统计表（\(form.version.displayName)）",
            "# 标签与官方表格逐字一致，请勿改动；只填写数字。没有发生的填 0。",
            "# 行可写成按列顺序的数组，或按列标签的映射；总计不必填写，由 nianbao 计算，填写了则校验。",
        ]
        for table in form.tables {
            lines.append("")
            lines.append("\(table.label):")
            append(table.rows, table: table, depth: 1, idPath: [table.id.rawValue], values: values, to: &lines)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func append(
        _ nodes: [RowNode], table: FormTable, depth: Int, idPath: [String], values: [CellID: String],
        to lines: inout [String]
    ) {
        let indent = String(repeating: "  ", count: depth)
        for node in nodes {
            switch node {
            case .group(let group):
                lines.append("\(indent)\(quoted(group.label)):")
                let path = group.id.map { idPath + [$0] } ?? idPath
                append(group.children, table: table, depth: depth + 1, idPath: path, values: values, to: &lines)
            case .row(let row):
                let rowID = (idPath + [row.id]).joined(separator: ".")
                let given = row.columns.map { values[rowID + "." + $0.id] }
                // A total row (（七）总计) is left out unless a value of it is given.
                if row.id == "total", given.allSatisfy({ $0 == nil }) { continue }
                // A total column is the last: left out, the rest keep their places.
                let columns = zip(row.columns, given).filter { column, value in !column.isTotal || value != nil }
                let cells = columns.map { $0.1 ?? "0" }
                if table.id == .requests {
                    // Wide rows as arrays in official column order, with the order spelled out once.
                    if rowID.hasSuffix(".received") {
                        let detail = row.columns.filter { !$0.isTotal }.map(\.label).joined(separator: "，")
                        let total = row.columns.first(where: \.isTotal).map { "（\($0.label)由 nianbao 计算，也可写在最后）" } ?? ""
                        lines.append("\(indent)# 列顺序：" + detail + total)
                    }
                    lines.append("\(indent)\(quoted(row.label)): [\(cells.joined(separator: ", "))]")
                } else {
                    lines.append("\(indent)\(quoted(row.label)):")
                    for ((column, _), cell) in zip(columns, cells) {
                        lines.append("\(indent)  \(quoted(column.label)): \(cell)")
                    }
                }
            }
        }
    }

    /// Labels are plain YAML scalars except where a character would confuse YAML.
    static func quoted(_ label: String) -> String {
        let risky = label.contains(":") || label.contains("#") || label.hasPrefix("“") || label.contains("\"")
        return risky ? "'" + label.replacingOccurrences(of: "'", with: "''") + "'" : label
    }
}
