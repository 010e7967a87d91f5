/// The few numbers of section 三 a reader compares across years: requests received, and how
/// many were answered with each kind of result. Each is the 总计 column of a row, or summed over
/// the rows of a result group; all are read off the form's row tree.
public struct RequestSummary: Sendable {
    public struct Quantity: Sendable, Hashable {
        /// Short label for a chart legend: 「予以公开」, without the numbering or the note.
        public let label: String
        /// The printed label of the row or group.
        public let officialLabel: String
        /// The 总计 cells to add up.
        public let cells: [CellID]
    }

    /// 本年新收政府信息公开申请数量.
    public let received: Quantity
    /// 予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理, in the form's order.
    public let results: [Quantity]

    init(_ table: FormTable) {
        let totalColumn = table.leafRows.first?.row.columns.last?.id ?? "total"
        func quantity(_ node: RowNode, path: String) -> Quantity {
            let cells = table.leafRows.filter { $0.id == path || $0.id.hasPrefix(path + ".") }
                .map { $0.id + "." + totalColumn }
            return Quantity(label: Self.shortLabel(node.label), officialLabel: node.label, cells: cells)
        }
        let prefix = table.id.rawValue
        var received: Quantity?
        var results: [Quantity] = []
        for node in table.rows {
            guard let id = node.id else { continue }
            if case .row = node, received == nil {
                received = quantity(node, path: prefix + "." + id)
            } else if case .group(let group) = node {
                // Every result kind but the total row, which adds them up.
                for child in group.children.dropLast() {
                    if let childID = child.id { results.append(quantity(child, path: "\(prefix).\(id).\(childID)")) }
                }
            }
        }
        self.received = received!
        self.results = results
    }

    /// 「（二）部分公开（区分处理的，…）」 → 「部分公开」; 「一、本年新收…」 → 「本年新收…」.
    static func shortLabel(_ label: String) -> String {
        var text = Substring(label)
        if text.hasPrefix("（"), let close = text.firstIndex(of: "）") { text = text[text.index(after: close)...] }
        if let comma = text.firstIndex(of: "、"), text.distance(from: text.startIndex, to: comma) <= 2 {
            text = text[text.index(after: comma)...]
        }
        if let note = text.firstIndex(of: "（") { text = text[..<note] }
        return String(text)
    }
}

extension ReportForm {
    /// Requests received and their results, for year-over-year comparison. Read off the row tree
    /// once per edition: every agency page's chart asks for it, year by year.
    public var requestSummary: RequestSummary { RequestSummary.byEdition[version] ?? RequestSummary(table(.requests)) }
}

extension RequestSummary {
    fileprivate static let byEdition: [FormVersion: RequestSummary] = Dictionary(
        uniqueKeysWithValues: FormVersion.allCases.map { ($0, RequestSummary(ReportForm.edition($0).table(.requests))) })
}
