/// An arithmetic identity (勾稽关系) between cells: the sum of `left` equals the sum of `right`.
public struct Identity: Sendable, Hashable {
    public let kind: IdentityKind
    public let left: [CellID]
    public let right: [CellID]
    /// The cell a finding points at: the total, or （七）总计 for the column balance.
    public let anchor: CellID
}

/// The families of identities the format implies.
public enum IdentityKind: String, Sendable, CaseIterable, Hashable {
    /// Section 三, per column: 一 + 二 = 三（七）总计 + 四. Printed in the table's corner.
    case columnBalance
    /// Section 三, per column: （七）总计 = the sum of every result row.
    case resultsTotal
    /// Section 三, per row: 总计 = the six applicant columns.
    case rowTotal
    /// Section 四, per group: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
    case outcomeTotal

    /// Whether the form prints this identity. Only printed identities are errors; the
    /// others follow from the word 总计 and are reported as warnings.
    public var isPrinted: Bool { self == .columnBalance }
}

extension Column {
    /// A column labelled 总计 sums the other columns of its row.
    public var isTotal: Bool { id == "total" }
}

extension FormTable {
    /// The identities that follow from this table's structure: a 总计 column sums its row,
    /// a 总计 row sums the other rows of its group, and the requests table balances.
    func derivedIdentities() -> [Identity] {
        var identities: [Identity] = []
        for leaf in leafRows {
            let columns = leaf.row.columns
            guard let total = columns.first(where: \.isTotal) else { continue }
            identities.append(Identity(
                kind: id == .appeals ? .outcomeTotal : .rowTotal,
                left: [leaf.id + "." + total.id],
                right: columns.filter { !$0.isTotal }.map { leaf.id + "." + $0.id },
                anchor: leaf.id + "." + total.id))
        }
        identities += groupTotals(rows, idPath: [id.rawValue])
        if id == .requests {
            for column in Self.applicantColumns {
                let cell = { (row: String) in "requests.\(row).\(column.id)" }
                identities.append(Identity(
                    kind: .columnBalance,
                    left: [cell("received"), cell("carried_over")],
                    right: [cell("results.total"), cell("carried_forward")],
                    anchor: cell("results.total")))
            }
        }
        return identities
    }

    /// A group holding a row with id `total` (（七）总计) sums, per column, every other row below it.
    private func groupTotals(_ nodes: [RowNode], idPath: [String]) -> [Identity] {
        var identities: [Identity] = []
        for case .group(let group) in nodes {
            let path = group.id.map { idPath + [$0] } ?? idPath
            identities += groupTotals(group.children, idPath: path)
            let prefix = path.joined(separator: ".") + "."
            let members = leafRows.filter { $0.id.hasPrefix(prefix) }
            guard let totalRow = members.first(where: { $0.id == prefix + "total" }) else { continue }
            for column in totalRow.row.columns {
                identities.append(Identity(
                    kind: .resultsTotal,
                    left: [totalRow.id + "." + column.id],
                    right: members.filter { $0.id != totalRow.id }.map { $0.id + "." + column.id },
                    anchor: totalRow.id + "." + column.id))
            }
        }
        return identities
    }
}

/// An identity with its cells as positions in `ReportForm.cells`.
public struct IndexedIdentity: Sendable, Hashable {
    public let identity: Identity
    public let left: [Int]
    public let right: [Int]
}
