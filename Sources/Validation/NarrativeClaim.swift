import Diagnostics
import ReportForm
import SiteModel

/// A sentence that states a table quantity: 「收到…申请N件」 is 一、本年新收 / 总计.
/// A class, not a struct: claims are shared by every report, and copying one per block and claim
/// (its strings and arrays) showed in profiles.
final class NarrativeClaim: Sendable {
    /// A word the block must contain before the pattern is tried (cheap to test).
    let keyword: String
    let pattern: SentencePattern
    /// The cells whose sum the text states.
    let cells: [CellID]
    /// Other sums the same words may state and that are no contradiction, by the pattern's start
    /// the sentence begins with: 「受理申请N件」 counts this year's new requests for most offices,
    /// and with last year's carried over for some.
    let alternatives: [[[CellID]]]
    /// What the text is about, for the message.
    let subject: String
    /// For a row of section 三: a sentence naming an applicant column (「收到社会公益组织申请1件」)
    /// states that column, not the row total.
    let columnsOfRow: String?
    /// That row's columns a sentence may name, in column order: each column's own label (the
    /// generic 「其他」 and the total left out), then the first group's label with its cells.
    private let namedColumns: [(name: [Unicode.Scalar], cells: [CellID])]
    private let namedGroups: [(name: [Unicode.Scalar], cells: [CellID])]
    /// For each cell, its position in the form and the positions of the cells it sums (its
    /// identity's other side, or itself where it sums none): a claim is compared with that sum
    /// when the typed total disagrees with it. Positions, not ids: `ReportTables.total` reads
    /// them without building the terms, and most sentences agree.
    private let indices: [CellID: (typed: Int, parts: [Int])]
    /// The same for `cells` and each of `alternatives`, added up once here.
    private let quantity: (typed: [Int], parts: [Int])
    private let alternativeQuantities: [[(typed: [Int], parts: [Int])]]

    init(
        keyword: String, pattern: SentencePattern, cells: [CellID], alternatives: [[[CellID]]] = [], subject: String,
        columnsOfRow: String? = nil, form: ReportForm
    ) {
        self.keyword = keyword
        self.pattern = pattern
        self.cells = cells
        self.alternatives = alternatives
        self.subject = subject
        self.columnsOfRow = columnsOfRow
        let specs = columnsOfRow.flatMap { form.cellsByRow[$0] } ?? []
        namedColumns = specs.filter { !$0.column.isTotal && $0.column.label.count > 2 }.map {
            (Array($0.column.label.unicodeScalars), [$0.id])
        }
        // The first group only: a sentence names one group of applicants.
        namedGroups = specs.compactMap(\.column.group).first.map { group in
            [(Array(group.unicodeScalars), specs.filter { $0.column.group == group }.map(\.id))]
        } ?? []
        var parts: [CellID: [CellID]] = [:]
        for identity in form.identities where identity.kind != .columnBalance && identity.left.count == 1 {
            parts[identity.left[0]] = identity.right
        }
        var indices: [CellID: (typed: Int, parts: [Int])] = [:]
        for spec in form.cells {
            indices[spec.id] = (spec.index, (parts[spec.id] ?? [spec.id]).map { form.cellsByID[$0]!.index })
        }
        self.indices = indices
        func quantity(_ cells: [CellID]) -> (typed: [Int], parts: [Int]) {
            (cells.map { indices[$0]!.typed }, cells.flatMap { indices[$0]!.parts })
        }
        self.quantity = quantity(cells)
        alternativeQuantities = alternatives.map { $0.map(quantity) }
    }

    /// The cells a sentence states when it names an applicant column or group, nil when it
    /// names none. The generic 「其他」 and the total are not taken as naming a column.
    private func namedCells(in fragment: ArraySlice<Unicode.Scalar>) -> [CellID]? {
        guard columnsOfRow != nil else { return nil }
        func names(_ name: [Unicode.Scalar]) -> Bool {
            guard name.count <= fragment.count else { return false }
            return (fragment.startIndex...fragment.endIndex - name.count).contains { start in
                fragment[start..<start + name.count].elementsEqual(name)
            }
        }
        for (name, cells) in namedColumns where names(name) { return cells }
        for (name, cells) in namedGroups where names(name) { return cells }
        return nil
    }

    /// A sum as typed and as its parts add up (the same where the totals are right); nil where
    /// a cell has no value.
    private func values(of quantity: (typed: [Int], parts: [Int]), in tables: ReportTables) -> (typed: Int64, computed: Int64)? {
        guard let typed = tables.total(quantity.typed) else { return nil }
        return (typed, tables.total(quantity.parts) ?? typed)
    }

    private func quantity(of cells: [CellID]) -> (typed: [Int], parts: [Int])? {
        var typed: [Int] = []
        var parts: [Int] = []
        for cell in cells {
            guard let found = indices[cell] else { return nil }
            typed.append(found.typed)
            parts += found.parts
        }
        return (typed, parts)
    }

    func contradictions(in block: TextBlock, scalars: [Unicode.Scalar], of report: Report, tables: ReportTables)
        -> [Finding]
    {
        var findings: [Finding] = []
        for match in pattern.matches(in: scalars) where !match.isApproximate {
            let named = namedCells(in: scalars[match.range])
            let cells = named ?? cells
            // The named column's positions are looked up; the claim's own are ready.
            let stated = named == nil ? quantity : named.flatMap(quantity(of:))
            guard let stated, let (typed, computed) = values(of: stated, in: tables) else { continue }
            // A wrong typed total is the arithmetic rules' to report; the text is held to what
            // the table's parts add up to.
            if match.number == computed { continue }
            if named == nil, match.start < alternatives.count,
                alternativeQuantities[match.start].contains(where: { values(of: $0, in: tables)?.computed == match.number })
            {
                continue
            }
            // As text only for the message: most sentences agree with the tables.
            let fragment = String(String.UnicodeScalarView(scalars[match.range]))
            let table = typed == computed
                ? "表格为 \(computed)" : "表格填写的总计为 \(typed)，但各项相加为 \(computed)"
            let gist = typed == computed
                ? "text says \(match.number), tables say \(computed)"
                : "text says \(match.number), the typed total \(typed), its parts \(computed)"
            findings.append(Rule.narrativeContradiction.finding(
                "正文写「\(fragment)」（\(subject) \(match.number)），\(table)", gist: gist,
                at: report.document.location(of: fragment, in: block), cell: cells.first,
                expected: String(computed), found: String(match.number), terms: cells,
                hint: "改正文字或表格，或写成 \(PlaceholderSum.written(cells)) 直接引用表格。"))
        }
        return findings
    }
}

extension NarrativeClaim {
    static func claims(_ version: FormVersion) -> [NarrativeClaim] {
        version == .revised2021 ? revised2021 : trial2019
    }

    private static let revised2021 = make(.revised2021)
    private static let trial2019 = make(.trial2019)

    /// The distinct keywords of an edition's claims, each claim's place among them, and (one bit
    /// per word) the words only claims of a count use.
    static func keywords(_ version: FormVersion) -> (words: [String], ofClaim: [Int], countsOnly: UInt64) {
        version == .revised2021 ? revised2021Keywords : trial2019Keywords
    }

    private static let revised2021Keywords = distinctKeywords(revised2021)
    private static let trial2019Keywords = distinctKeywords(trial2019)

    private static func distinctKeywords(_ claims: [NarrativeClaim]) -> (words: [String], ofClaim: [Int], countsOnly: UInt64) {
        var words: [String] = []
        let places = claims.map { claim in
            if let place = words.firstIndex(of: claim.keyword) { return place }
            words.append(claim.keyword)
            return words.count - 1
        }
        // One bit each in `NarrativeRules.check`.
        precondition(words.count <= 64, "more than 64 distinct claim keywords")
        var countsOnly: UInt64 = 0
        for bit in words.indices where claims.indices.allSatisfy({ places[$0] != bit || claims[$0].pattern.counts }) {
            countsOnly |= 1 << bit
        }
        return (words, places, countsOnly)
    }

    private static func make(_ version: FormVersion) -> [NarrativeClaim] {
        let form = ReportForm.edition(version)
        let word = { (row: String) in plain(form.label(ofRow: row)) }
        let received = form.cellsByID["requests.received.total"]!
        let carriedOver = "requests.carried_over.total"
        let carriedForward = "requests.carried_forward.total"
        let resultsTotal = "requests.results.total.total"
        let disclosed = word("requests.results.disclosed")
        let partial = word("requests.results.partially_disclosed")
        let review = word("appeals.review")
        let litigation = word("appeals.litigation")
        let litigationCells = ["appeals.litigation.direct.total", "appeals.litigation.after_review.total"]
        let none = ["未发生", "未收到", "未出现"]
        func count(
            _ starts: [String], gap: Int = 0, then anchor: String? = nil, or optional: [String] = [],
            notAfter: [String] = [], notInGap: [String] = []
        ) -> SentencePattern {
            SentencePattern(
                starts: starts, gap: gap, stops: "。；，", anchor: anchor, optional: optional, counts: true,
                notAfter: notAfter, notInGap: notInGap)
        }
        // Receipt verbs: 收到 and 新收 are this year's new requests; 受理 is too for most offices
        // (淮安市 2024: 「共受理政府信息公开申请 3119 件」, its 本年新收), with last year's for some;
        // 办理 may also mean the requests answered (（七）总计). Last year's own are another quantity.
        // One claim, one scan of the text, for the four verbs.
        let withCarriedOver = [received.id, carriedOver]
        let receipt = NarrativeClaim(
            keyword: "申请", pattern: count(["收到", "新收", "受理", "办理"], gap: 16, then: "申请", or: ["共"], notInGap: ["结转", "上年"]),
            cells: [received.id], alternatives: [[], [], [withCarriedOver], [withCarriedOver, [resultsTotal]]],
            subject: received.row.row.label, columnsOfRow: received.row.id, form: form)
        // 「予以公开及部分公开 258 件」: the two rows together.
        let joined = ["及", "和", "、", "与"].map { disclosed + $0 + partial }
        var claims = [
            receipt,
            NarrativeClaim(keyword: partial, pattern: count(joined),
                           cells: ["requests.results.disclosed.total", "requests.results.partially_disclosed.total"],
                           subject: disclosed + "及" + partial, form: form),
            NarrativeClaim(keyword: disclosed, pattern: count([disclosed]), cells: ["requests.results.disclosed.total"],
                           subject: disclosed, form: form),
            NarrativeClaim(keyword: partial, pattern: count([partial], notAfter: joined.map { String($0.dropLast(partial.count)) }),
                           cells: ["requests.results.partially_disclosed.total"], subject: partial, form: form),
            NarrativeClaim(keyword: review, pattern: count([review], or: ["申请", "案件"]), cells: ["appeals.review.total"],
                           subject: review, form: form),
            NarrativeClaim(keyword: litigation, pattern: count([litigation], or: ["案件"]), cells: litigationCells,
                           subject: litigation, form: form),
            NarrativeClaim(keyword: review, pattern: .none(none, gap: 20, then: review), cells: ["appeals.review.total"],
                           subject: review, form: form),
            NarrativeClaim(keyword: litigation, pattern: .none(none, gap: 24, then: litigation), cells: litigationCells,
                           subject: litigation, form: form),
            NarrativeClaim(keyword: "申请", pattern: .none(["未收到任何政府信息公开申请", "未收到政府信息公开申请"]),
                           cells: [received.id], subject: received.row.row.label, form: form),
        ]
        // 「所有申请均已办理完成」 says nothing is carried into next year. Two keywords, not 「办」,
        // which nearly every paragraph holds.
        for (keyword, words) in settled {
            claims.append(NarrativeClaim(
                keyword: keyword, pattern: .none(words, notInSentence: ["上年", "结转", "往年"]), cells: [carriedForward],
                subject: word("requests.carried_forward"), form: form))
        }
        // 「无法提供 N 件」「不予公开 N 件」: a block of results rows, each row's 总计 added up.
        for (label, rows) in resultGroups(form) {
            claims.append(NarrativeClaim(keyword: label, pattern: count([label]), cells: rows, subject: label, form: form))
        }
        return claims
    }

    /// How a report says every request was settled within the year.
    static let settled = [
        ("办结", ["均已办结", "全部办结", "均已按时办结", "均按时办结"]),
        ("办理完", ["均已办理完成", "全部办理完成", "均已办理完毕", "全部办理完毕"]),
    ]

    /// The results blocks with sub-rows (（三）不予公开, （四）无法提供, …) by their plain label,
    /// with the 总计 cells of their rows, in the form's order.
    private static func resultGroups(_ form: ReportForm) -> [(String, [CellID])] {
        var groups: [(String, [CellID])] = []
        for cell in form.cells where cell.column.isTotal && cell.id.hasPrefix("requests.results.") && cell.row.labelPath.count == 3 {
            let label = plain(cell.row.labelPath[1])
            if let last = groups.indices.last, groups[last].0 == label {
                groups[last].1.append(cell.id)
            } else {
                groups.append((label, [cell.id]))
            }
        }
        return groups.filter { $0.1.count > 1 }
    }

    /// A row label without its numbering and notes: 「（一）予以公开」 → 「予以公开」.
    private static func plain(_ label: String) -> String {
        var text = Substring(label)
        if let end = text.prefix(5).firstIndex(where: { $0 == "、" || $0 == "）" || $0 == "." }) {
            text = text[text.index(after: end)...]
        }
        if let note = text.firstIndex(of: "（") { text = text[..<note] }
        return String(text)
    }
}
