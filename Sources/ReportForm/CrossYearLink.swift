/// A relation between a report and the same agency's report on the year before.
public struct CrossYearLink: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// This year's cell equals last year's cell: 二、上年结转 = last year's 四、结转下年度继续办理.
        case carriedOver(lastYear: CellID)
        /// A stock: this year's cell = last year's + `added` − `removed` (现行有效件数).
        case stock(added: CellID, removed: CellID)
    }

    /// The cell of this year's report.
    public let cell: CellID
    public let kind: Kind
}

extension ReportForm {
    /// The links from a report on this edition to a report on `previous` for the year before.
    public func crossYearLinks(from previous: FormVersion) -> [CrossYearLink] {
        var links = FormTable.applicantColumns.map { column in
            CrossYearLink(
                cell: "requests.carried_over.\(column.id)",
                kind: .carriedOver(lastYear: "requests.carried_forward.\(column.id)"))
        }
        // The 2019 form counts documents published, not documents in force, so the stock
        // only carries across two years of the 2021 form.
        if version == .revised2021, previous == .revised2021 {
            for row in ["regulations", "normative_documents"] {
                links.append(CrossYearLink(
                    cell: "active.\(row).in_force",
                    kind: .stock(added: "active.\(row).issued", removed: "active.\(row).repealed")))
            }
        }
        return links
    }
}
