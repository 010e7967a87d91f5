import Foundation
import ReportForm

/// Writes `tables.yaml` for an edition of the form: every table, group, row and cell, in print
/// order, with the official labels, so that nobody has to type a label.
public enum TablesTemplate {
    /// The YAML text of a blank (all zero) statistics file, or of `values` where given.
    public static func yaml(for form: ReportForm, year: Int, values: [CellID: String] = [:]) -> String {
        var lines = [
            "# \(year)年度政府信息公开工作年度报告统计表（\(form.version.displayName)）",
            "# 标签与官方表格逐字一致，请勿改动；只填写数字。空白单元格请填 0。",
            "# 行可写成按列顺序的数组，或按列标签的映射；总计可省略（自动计算），填写了则校验。",
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
                let cells = row.columns.map { values[rowID + "." + $0.id] ?? "0" }
                if table.id == .requests {
                    // Wide rows as arrays in official column order, with the order spelled out once.
                    if rowID.hasSuffix(".received") {
                        lines.append("\(indent)# 列顺序：" + row.columns.map(\.label).joined(separator: "，"))
                    }
                    lines.append("\(indent)\(quoted(row.label)): [\(cells.joined(separator: ", "))]")
                } else {
                    lines.append("\(indent)\(quoted(row.label)):")
                    for (column, cell) in zip(row.columns, cells) {
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
