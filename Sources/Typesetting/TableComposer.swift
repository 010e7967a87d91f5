/// Sets a ruled table: cells wrapped to their columns, rows never split across pages, the
/// header rows drawn again at the top of each new page, and a cell spanning rows drawn as one
/// box on each page it reaches.
struct TableComposer {
    let table: PrintTable

    /// A cell with the grid column it starts in and its wrapped lines.
    struct Placed {
        let cell: PrintTable.Cell
        let row: Int
        let column: Int
        let lines: [LineBreaker.Line]
        var lastRow: Int { row + cell.rowspan - 1 }
    }

    func place(into flow: inout Flow) {
        let geometry = flow.geometry
        let size = geometry.tableSize
        let leading = size * 1.4
        let padding = (x: 3.0, y: 2.5)
        let total = table.columnWidths.reduce(0, +)
        let widths = table.columnWidths.map { $0 / max(total, 1) * geometry.measure }
        let starts = widths.indices.map { widths[..<$0].reduce(0, +) }
        func width(_ placed: (column: Int, span: Int)) -> Double { widths[placed.column..<min(widths.count, placed.column + placed.span)].reduce(0, +) }

        // Which grid column each cell starts in, skipping columns held by spans from above.
        var cells: [Placed] = []
        var held = Set<[Int]>()
        for (rowIndex, row) in table.rows.enumerated() {
            var column = 0
            for cell in row {
                while held.contains([rowIndex, column]) { column += 1 }
                let breaker = LineBreaker(measure: max(width((column, cell.colspan)) - 2 * padding.x, size))
                let lines = breaker.lines(flow.fonts.glyphs(cell.text, role: .body, size: size), justify: false)
                cells.append(Placed(cell: cell, row: rowIndex, column: column, lines: lines))
                for r in rowIndex..<(rowIndex + cell.rowspan) { for c in column..<(column + cell.colspan) { held.insert([r, c]) } }
                column += cell.colspan
            }
        }
        func need(_ placed: Placed) -> Double { Double(max(placed.lines.count, 1)) * leading + 2 * padding.y }
        var heights = table.rows.indices.map { row in
            cells.filter { $0.row == row && $0.cell.rowspan == 1 }.map(need).max() ?? leading + 2 * padding.y
        }
        for placed in cells where placed.cell.rowspan > 1 {
            let spanned = heights[placed.row...min(placed.lastRow, heights.count - 1)].reduce(0, +)
            if need(placed) > spanned { heights[min(placed.lastRow, heights.count - 1)] += need(placed) - spanned }
        }
        let headerHeight = heights.prefix(table.headerRowCount).reduce(0, +)
        let captionPitch = geometry.linePitch

        // Caption, header rows and the first body row start together.
        let firstBody = heights.count > table.headerRowCount ? heights[table.headerRowCount] : 0
        flow.ensure(captionPitch + headerHeight + firstBody)
        flow.centred(table.caption, role: .heading, size: 12, pitch: captionPitch)

        /// Draws `placed` as the box from `top` down `height` on the current page.
        func draw(_ placed: Placed, top: Double, height: Double, into flow: inout Flow) {
            let x = flow.left + starts[placed.column]
            let w = width((placed.column, placed.cell.colspan))
            for (x1, y1, x2, y2) in [(x, top, x + w, top), (x, top - height, x + w, top - height), (x, top, x, top - height), (x + w, top, x + w, top - height)] {
                flow.place(LaidOutDocument.Rule(x1: x1, y1: y1, x2: x2, y2: y2, width: 0.5))
            }
            let fitting = min(placed.lines.count, max(1, Int((height - 2 * padding.y + 0.01) / leading)))
            var lineTop = top - (height - Double(fitting) * leading) / 2
            for line in placed.lines.prefix(fitting) {
                let lineX: Double
                switch placed.cell.alignment {
                case .leading: lineX = x + padding.x
                case .center: lineX = x + (w - line.naturalWidth) / 2
                case .trailing: lineX = x + w - padding.x - line.naturalWidth
                }
                let baseline = geometry.baseline(slotTop: lineTop, size: size, pitch: leading)
                for run in Flow.runs(line, size: size, x: lineX, y: baseline) { flow.place(run) }
                lineTop -= leading
            }
        }

        func drawHeader(into flow: inout Flow) {
            var top = flow.cursor
            var rowTops: [Double] = []
            for row in 0..<table.headerRowCount {
                rowTops.append(top)
                top -= heights[row]
            }
            for placed in cells where placed.row < table.headerRowCount {
                let last = min(placed.lastRow, table.headerRowCount - 1)
                draw(placed, top: rowTops[placed.row], height: heights[placed.row...last].reduce(0, +), into: &flow)
            }
            flow.cursor = top
        }

        drawHeader(into: &flow)
        // Cells spanning rows, open on this page: where their box started.
        var open: [(placed: Placed, top: Double)] = []
        for row in table.headerRowCount..<table.rows.count {
            if heights[row] > flow.remaining + 0.01 {
                for span in open { draw(span.placed, top: span.top, height: span.top - flow.cursor, into: &flow) }
                flow.newPage()
                drawHeader(into: &flow)
                open = open.map { ($0.placed, flow.cursor) }
            }
            for placed in cells where placed.row == row {
                if placed.cell.rowspan == 1 {
                    draw(placed, top: flow.cursor, height: heights[row], into: &flow)
                } else {
                    open.append((placed, flow.cursor))
                }
            }
            flow.cursor -= heights[row]
            for span in open where span.placed.lastRow == row {
                draw(span.placed, top: span.top, height: span.top - flow.cursor, into: &flow)
            }
            open.removeAll { $0.placed.lastRow == row }
        }
        for span in open { draw(span.placed, top: span.top, height: span.top - flow.cursor, into: &flow) }
        // Back onto the line grid, one line below the table.
        var slots = ((geometry.blockTop - flow.cursor) / geometry.linePitch).rounded(.up)
        if geometry.blockTop - slots * geometry.linePitch > flow.cursor - 4 { slots += 1 }
        flow.cursor = geometry.blockTop - slots * geometry.linePitch
        if flow.remaining < geometry.linePitch - 0.01 { flow.newPage() }
    }
}
