import Diagnostics
import ReportForm
import SiteModel

/// The 勾稽 identities of the form, derived from its row and column trees.
enum ArithmeticRules {
    static func check(_ tables: ReportTables) -> [Finding] {
        let form = tables.form
        var findings: [Finding] = []
        for position in unbalanced(tables) {
            let indexed = form.indexedIdentities[position]
            let identity = indexed.identity
            guard let leftTotal = tables.total(indexed.left), let rightTotal = tables.total(indexed.right),
                leftTotal != rightTotal, let left = tables.sum(identity.left), let right = tables.sum(identity.right),
                left.total != right.total
            else { continue }
            let rule = Rule.checking(identity.kind)
            let anchor = form.cellsByID[identity.anchor]
            let at = tables[identity.anchor].flatMap { $0.isComputed ? nil : $0.location }
                ?? left.terms.first?.value.location ?? SourceLocation(file: tables.file)
            let describe = { (terms: [(cell: CellID, value: CellValue)]) in
                terms.map { "\(name(of: $0.cell, kind: identity.kind, in: form)) \($0.value.text)" }.joined(separator: " + ")
            }
            let scale = (left.terms + right.terms).first?.value.scale ?? 0
            let leftText = CellValue.format(left.total, scale: scale)
            let rightText = CellValue.format(right.total, scale: scale)
            let message: String
            let expected: String
            let found: String
            switch identity.kind {
            case .columnBalance:
                let column = anchor?.column.label ?? ""
                message = "「\(column)」列：第一项加第二项之和 \(leftText)（\(describe(left.terms))）不等于第三项加第四项之和 \(rightText)（\(describe(right.terms))）"
                (expected, found) = (leftText, rightText)
            default:
                message = "「\(anchor?.displayName ?? identity.anchor)」应为 \(rightText)（\(describe(right.terms))），实为 \(leftText)"
                (expected, found) = (rightText, leftText)
            }
            findings.append(rule.finding(
                message, gist: "\(identity.kind.rawValue): expected \(expected), found \(found)", at: at,
                cell: identity.anchor, expected: expected, found: found,
                terms: (left.terms + right.terms).map { "\($0.cell)=\($0.value.text)" },
                hint: identity.kind == .columnBalance ? "核对该列" + ["received", "carried_over", "results.total", "carried_forward"].map { "「\(form.label(ofRow: "requests." + $0))」" }.joined(separator: "、") + "四个数。" : "核对各项数字，或省略总计由 nianbao 计算。"))
        }
        return findings
    }

    /// The positions of the identities that may not hold: those whose sides' written values
    /// differ. An identity with a cell of no value is not one: an invalid cell has its own
    /// finding, and a blank (`BlankCells`) has one too, and a value wherever the form's
    /// identities leave only one possible. Where a row is written in the other edition's shape, or only some cells are
    /// held, every identity is looked at the long way.
    static func unbalanced(_ tables: ReportTables) -> [Int] {
        let form = tables.form
        guard tables.collapsedRows.isEmpty, !tables.isReduced else { return Array(form.indexedIdentities.indices) }
        var positions: [Int] = []
        tables.cellValues.withUnsafeBufferPointer { values in
            form.identityTerms.withUnsafeBufferPointer { terms in
                func total(_ side: Range<Int>) -> Int64? {
                    var total: Int64 = 0
                    for term in side {
                        guard let units = values[terms[term]]?.minorUnits else { return nil }
                        total += units
                    }
                    return total
                }
                for (position, sides) in form.identitySides.enumerated() {
                    guard let left = total(sides.left), let right = total(sides.right), left != right else { continue }
                    positions.append(position)
                }
            }
        }
        return positions
    }

    /// A short name for a cell in a sum: its column where the identity runs along a row, its
    /// row label otherwise; a collapsed row is named by the group it stands for.
    static func name(of cell: CellID, kind: IdentityKind, in form: ReportForm) -> String {
        if let spec = form.cellsByID[cell] {
            return kind == .rowTotal || kind == .outcomeTotal ? spec.column.label : spec.row.row.label
        }
        let group = cell.split(separator: ".").dropLast().joined(separator: ".")
        if let member = form.cells.first(where: { $0.id.hasPrefix(group + ".") }), member.row.labelPath.count >= 2 {
            return member.row.labelPath[member.row.labelPath.count - 2]
        }
        return cell
    }
}
