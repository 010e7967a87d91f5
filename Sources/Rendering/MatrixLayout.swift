import ReportForm

/// Section 三: nested row labels down the side, grouped columns across the top.
enum MatrixLayout {
    static func rows(_ table: FormTable) -> (rows: [[TableGrid.Cell]], header: Int) {
        let prefix = table.id.rawValue
        let columns = table.leafRows.first?.row.columns ?? []
        let labelDepth = table.leafRows.map(\.labelPath.count).max() ?? 1
        let grouped = columns.contains { $0.group != nil }
        let headerRows = (table.columnHeader == nil ? 0 : 1) + (grouped ? 2 : 1)
        var out: [[TableGrid.Cell]] = []

        // Header: the corner (the note), then the column header, groups and columns.
        var first: [TableGrid.Cell] = [.header(table.note ?? "", id: HTML.id(prefix, "corner"), scope: "col", colspan: labelDepth, rowspan: headerRows)]
        var topHeaders: [String] = []
        if let header = table.columnHeader {
            let id = HTML.id(prefix, "columns")
            first.append(.header(header, id: id, scope: "colgroup", colspan: columns.count))
            topHeaders = [id]
            out.append(first)
            first = []
        }
        var columnHeaders: [String: [String]] = [:]  // column id -> header ids above and including it
        var groupRow = first
        var leafRow: [TableGrid.Cell] = []
        var index = 0
        while index < columns.count {
            let column = columns[index]
            let columnID = HTML.id(prefix, "col", column.id)
            if let group = column.group {
                let members = columns[index...].prefix { $0.group == group }
                let groupID = HTML.id(prefix, "group", String(index))
                groupRow.append(.header(group, id: groupID, scope: "colgroup", colspan: members.count, headers: topHeaders))
                for member in members {
                    let memberID = HTML.id(prefix, "col", member.id)
                    leafRow.append(.header(member.label, id: memberID, scope: "col", headers: topHeaders + [groupID]))
                    columnHeaders[member.id] = topHeaders + [groupID, memberID]
                }
                index += members.count
            } else {
                groupRow.append(.header(column.label, id: columnID, scope: "col", rowspan: grouped ? 2 : 1, headers: topHeaders))
                columnHeaders[column.id] = topHeaders + [columnID]
                index += 1
            }
        }
        out.append(groupRow)
        if grouped { out.append(leafRow) }

        // Body: a group's label spans the rows below it and sits on the first of them.
        var pending: [TableGrid.Cell] = []
        func emit(_ nodes: [RowNode], depth: Int, idPath: String, ancestors: [String]) {
            for node in nodes {
                switch node {
                case .group(let group):
                    let path = group.id.map { idPath + "." + $0 } ?? idPath
                    let groupID = HTML.id(prefix, "row", path)
                    let span = table.leafRows.filter { $0.id.hasPrefix(path + ".") }.count
                    pending.append(.header(group.label, id: groupID, scope: "rowgroup", rowspan: span))
                    emit(group.children, depth: depth + 1, idPath: path, ancestors: ancestors + [groupID])
                case .row(let row):
                    let rowID = idPath + "." + row.id
                    let headerID = HTML.id(prefix, "row", rowID)
                    var cells = pending + [.header(row.label, id: headerID, scope: "row", colspan: labelDepth - depth)]
                    pending = []
                    for column in row.columns {
                        cells.append(.data(rowID + "." + column.id, headers: ancestors + [headerID] + (columnHeaders[column.id] ?? [])))
                    }
                    out.append(cells)
                }
            }
        }
        let headerCount = out.count
        emit(table.rows, depth: 0, idPath: prefix, ancestors: [])
        return (out, headerCount)
    }
}
