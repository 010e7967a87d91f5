import ReportForm

/// Section 二: one block per 第二十条 item, each with its own header row.
enum BlocksLayout {
    static func rows(_ table: FormTable, rowHeader: String) -> [[TableGrid.Cell]] {
        let prefix = table.id.rawValue
        let width = table.leafRows.map(\.row.columns.count).max() ?? 1
        var out: [[TableGrid.Cell]] = []
        for (blockIndex, node) in table.rows.enumerated() {
            guard case .group(let block) = node else { continue }
            let blockID = HTML.id(prefix, "block", String(blockIndex))
            out.append([.header(block.label, id: blockID, scope: "colgroup", colspan: width + 1)])
            let rows = block.children.compactMap { child -> Row? in if case .row(let row) = child { row } else { nil } }
            let columns = rows.first?.columns ?? []
            // A block with fewer columns than the widest lets its last column span the rest, as printed.
            let spans = columns.indices.map { $0 == columns.count - 1 ? width - columns.count + 1 : 1 }
            let headerID = HTML.id(prefix, "block", String(blockIndex), "label")
            var header: [TableGrid.Cell] = [.header(rowHeader, id: headerID, scope: "col", headers: [blockID])]
            var columnIDs: [String] = []
            for (column, span) in zip(columns, spans) {
                let id = HTML.id(prefix, "block", String(blockIndex), column.id)
                header.append(.header(column.label, id: id, scope: "col", colspan: span, headers: [blockID]))
                columnIDs.append(id)
            }
            out.append(header)
            for row in rows {
                let rowID = prefix + "." + row.id
                let rowHeaderID = HTML.id(prefix, "row", rowID)
                var cells: [TableGrid.Cell] = [.header(row.label, id: rowHeaderID, scope: "row", headers: [blockID, headerID])]
                for ((column, span), columnID) in zip(zip(row.columns, spans), columnIDs) {
                    cells.append(.data(rowID + "." + column.id, headers: [blockID, rowHeaderID, columnID], colspan: span))
                }
                out.append(cells)
            }
        }
        return out
    }
}
