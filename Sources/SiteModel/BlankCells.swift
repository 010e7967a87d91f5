import Diagnostics
import ReportForm

/// Cells printed blank — a YAML null, an empty string, a cell left out of its row — as real
/// reports print them. A blank is unknown, not 0 and not an error that stops the checks: each row
/// with blanks gets one `cell-blank` warning, every identity still runs, and where an identity
/// leaves one value possible for a blank (a blank 总计 whose applicant cells sum to 272) that value
/// stands in for it, marked computed, and the warning says what the cell must hold.
extension ReportTables {
    /// Works out what the `blanks` must hold and returns the findings about them.
    mutating func workOutBlanks(_ blanks: [(cell: CellSpec, location: SourceLocation)]) -> [Finding] {
        guard !blanks.isEmpty else { return [] }
        var location: [Int: SourceLocation] = [:]
        for blank in blanks where blank.cell.index >= 0 && location[blank.cell.index] == nil {
            location[blank.cell.index] = blank.location
        }
        // Totals left blank are filled from their parts by `fillOmittedTotals` already, as
        // omitted ones are; what is still unknown is solved identity by identity: one with a
        // single unknown cell fixes it, which may leave another identity with one.
        var unknown = Set(location.keys.filter { value(at: $0) == nil })
        var solved = false
        var progress = true
        while progress, !unknown.isEmpty {
            progress = false
            for indexed in form.indexedIdentities {
                let open = (indexed.left + indexed.right).filter(unknown.contains)
                guard !open.isEmpty else { continue }
                // Blanks on both sides leave any value possible.
                let onLeft = open.allSatisfy(indexed.left.contains)
                guard onLeft || open.allSatisfy(indexed.right.contains) else { continue }
                let ids = Set(open.map { form.cells[$0].id })
                guard let left = sum(indexed.identity.left.filter { !ids.contains($0) })?.total,
                    let right = sum(indexed.identity.right.filter { !ids.contains($0) })?.total
                else { continue }
                let worked = onLeft ? right - left : left - right
                // One blank is what the rest leave for it; several are 0 only when the rest leave
                // 0, as counts are not negative (a row of 自然人 26, 总计 26 and five blanks). A
                // negative remainder is a broken identity, not a value, and stays unknown.
                guard worked >= 0, open.count == 1 || worked == 0 else { continue }
                for target in open {
                    cellValues[target] = CellValue(
                        minorUnits: worked, scale: form.cells[target].kind.scale, location: location[target]!, isComputed: true,
                        decimals: 0)
                    unknown.remove(target)
                }
                (progress, solved) = (true, true)
            }
        }
        // An omitted total that summed a blank can be computed now.
        if solved { fillOmittedTotals() }
        return Self.findings(blanks, values: self)
    }

    /// One finding per row with blanks, at its first blank.
    private static func findings(_ blanks: [(cell: CellSpec, location: SourceLocation)], values: ReportTables) -> [Finding] {
        var order: [String] = []
        var rows: [String: [(cell: CellSpec, location: SourceLocation)]] = [:]
        for blank in blanks {
            if rows[blank.cell.row.id] == nil { order.append(blank.cell.row.id) }
            rows[blank.cell.row.id, default: []].append(blank)
        }
        return order.map { id in
            let cells = rows[id]!
            let first = cells[0]
            let worked = cells.compactMap { blank in
                blank.cell.index >= 0 ? values.value(at: blank.cell.index).map { (blank.cell, $0) } : nil
            }
            let texts = worked.map(\.1.text)
            let found = texts.count == cells.count && Set(texts).count == 1
                ? ["均应为 \(texts[0])"] : worked.map { "「\($0.0.column.label)」应为 \($0.1.text)" }
            var message: String
            if cells.count == 1 {
                message = "「\(first.cell.displayName)」是空白"
                if let (_, value) = worked.first { message += "；按表内勾稽关系，应为 \(value.text)" }
            } else {
                message = "「\(first.cell.row.labelPath.joined(separator: " / "))」有 \(cells.count) 格是空白："
                    + cells.map { "「\($0.cell.column.label)」" }.joined()
                if !found.isEmpty { message += "；按表内勾稽关系，" + found.joined(separator: "，") }
            }
            let totalOnly = cells.allSatisfy { $0.cell.column.isTotal || $0.cell.row.row.id == "total" }
            let hint =
                if worked.count == cells.count {
                    (cells.count == 1 ? "填 \(worked[0].1.text)" : "按上面的数填写")
                        + (totalOnly ? "；总计也可以删去这一格，由 nianbao 计算。" : "。")
                } else {
                    "印成空白的单元格读者无法核对：没有发生的填 0；总计可以删去，由 nianbao 计算。"
                }
            return Rule.cellBlank.finding(
                message, gist: cells.count == 1 ? "blank cell" : "\(cells.count) blank cells in a row", at: first.location,
                cell: first.cell.id, expected: cells.count == 1 ? worked.first?.1.text : nil, hint: hint)
        }
    }
}
