import ReportForm

/// Section 四: one row of numbers under a header built from the row tree — 行政复议 and
/// 行政诉讼 across the top, their groups and outcomes below.
enum TransposedLayout {
    static func rows(_ table: FormTable) -> [[TableGrid.Cell]] {
        let prefix = table.id.rawValue
        let depth = table.leafRows.map(\.labelPath.count).max() ?? 1
        var headerRows = [[TableGrid.Cell]](repeating: [], count: depth + 1)
        var data: [TableGrid.Cell] = []

        func columnCount(_ node: RowNode) -> Int {
            switch node {
            case .row(let row): row.columns.count
            case .group(let group): group.children.map(columnCount).reduce(0, +)
            }
        }

        func emit(_ nodes: [RowNode], level: Int, idPath: String, ancestors: [String]) {
            for node in nodes {
                switch node {
                case .group(let group):
                    let path = group.id.map { idPath + "." + $0 } ?? idPath
                    let id = HTML.id(prefix, "head", path)
                    headerRows[level].append(.header(group.label, id: id, scope: "colgroup", colspan: columnCount(node), headers: ancestors))
                    emit(group.children, level: level + 1, idPath: path, ancestors: ancestors + [id])
                case .row(let row):
                    let rowID = idPath + "." + row.id
                    let id = HTML.id(prefix, "head", rowID)
                    headerRows[level].append(.header(row.label, id: id, scope: "colgroup", colspan: row.columns.count, headers: ancestors))
                    for column in row.columns {
                        let columnID = HTML.id(prefix, "head", rowID, column.id)
                        headerRows[level + 1].append(
                            .header(column.label, id: columnID, scope: "col", rowspan: depth - level, headers: ancestors + [id]))
                        data.append(.data(rowID + "." + column.id, headers: ancestors + [id, columnID]))
                    }
                }
            }
        }
        emit(table.rows, level: 0, idPath: prefix, ancestors: [])
        return headerRows.filter { !$0.isEmpty } + [data]
    }
}
