import Foundation
import Diagnostics
import ReportForm
import SiteModel

/// The narrative against the tables: placeholders name real cells, and numbers stated in the
/// text for the main quantities agree with the tables.
enum NarrativeRules {
    static func check(_ report: Report) -> [Finding] {
        let html = rawHTML(report)
        guard let tables = report.tables else { return html }
        var findings = html + placeholders(report, form: tables.form)
        let claims = NarrativeClaim.claims(tables.form.version)
        let keywords = NarrativeClaim.keywords(tables.form.version)
        for (index, heading) in report.document.sections.enumerated() {
            // Sections 一, 三 and 四 report this year's figures; 五 often compares with last year's.
            guard let number = StatutorySection.identify(heading.text)?.0.number, [1, 3, 4].contains(number) else { continue }
            for block in report.document.blocks(inSection: index) {
                // Each distinct keyword looked for once: several claims share one.
                var present: UInt64 = 0
                for (bit, word) in keywords.words.enumerated() where block.text.containsBytes(word) { present |= 1 << bit }
                guard present != 0 else { continue }
                let relevant = claims.indices.filter { present & 1 << keywords.ofClaim[$0] != 0 }.map { claims[$0] }
                // Once per block, shared by the claims; sized by the bytes, an upper bound, as
                // counting the scalars first is a pass of its own.
                var scalars: [Unicode.Scalar] = []
                scalars.reserveCapacity(block.text.utf8.count)
                scalars.append(contentsOf: block.text.unicodeScalars)
                for claim in relevant {
                    findings += claim.contradictions(in: block, scalars: scalars, of: report, tables: tables)
                }
            }
        }
        return findings
    }

    /// Raw HTML that the page leaves out, where it is written.
    private static func rawHTML(_ report: Report) -> [Finding] {
        var searched: [String: Int] = [:]  // the same tag twice: find the second occurrence
        return report.document.rawHTML.map { html, block in
            let written = html.trimmingCharacters(in: .whitespacesAndNewlines)
            let shown = written.count > 60 ? String(written.prefix(60)) + "…" : written
            let skip = searched[written, default: 0]
            searched[written] = skip + 1
            let location = report.document.location(ofText: written, file: report.reportFile, occurrence: skip) ?? block
            return Rule.narrativeRawHTML.finding(
                "正文中的 HTML「\(shown)」不会出现在网页上", gist: "raw HTML left out of the page", at: location)
        }
    }

    private static func placeholders(_ report: Report, form: ReportForm) -> [Finding] {
        report.document.placeholders(file: report.reportFile).compactMap { id, location in
            guard form.cellsByID[id] == nil else { return nil }
            let suggestion = LabelMatcher.suggestion(for: id, among: form.cells.map(\.id))
            return Rule.placeholderUnknown.finding(
                "「{{\(id)}}」不是\(form.version.displayName)表格中的单元格编号", gist: "unknown cell id in placeholder",
                at: location, found: id, hint: suggestion.map { "您是否想写 {{\($0)}}？" } ?? "单元格编号见 docs/cell-ids.md。")
        }
    }
}

/// A sentence that states a table quantity: 「收到…申请N件」 is 一、本年新收 / 总计.
/// A class, not a struct: claims are shared by every report, and copying one per block and claim
/// (its strings and arrays) showed in profiles.
final class NarrativeClaim: Sendable {
    /// A word the block must contain before the pattern is tried (cheap to test).
    let keyword: String
    let pattern: SentencePattern
    /// The cells whose sum the text states.
    let cells: [CellID]
    /// What the text is about, for the message.
    let subject: String
    /// For a row of section 三: a sentence naming an applicant column (「收到社会公益组织申请1件」)
    /// states that column, not the row total.
    let columnsOfRow: String?
    /// That row's columns a sentence may name, in column order: each column's own label (the
    /// generic 「其他」 and the total left out), then the first group's label with its cells.
    private let namedColumns: [(name: [Unicode.Scalar], cells: [CellID])]
    private let namedGroups: [(name: [Unicode.Scalar], cells: [CellID])]

    init(
        keyword: String, pattern: SentencePattern, cells: [CellID], subject: String, columnsOfRow: String? = nil,
        form: ReportForm? = nil
    ) {
        self.keyword = keyword
        self.pattern = pattern
        self.cells = cells
        self.subject = subject
        self.columnsOfRow = columnsOfRow
        precondition(columnsOfRow == nil || form != nil, "a claim that names columns needs the form to find them in")
        let specs = columnsOfRow.flatMap { form?.cellsByRow[$0] } ?? []
        namedColumns = specs.filter { !$0.column.isTotal && $0.column.label.count > 2 }.map {
            (Array($0.column.label.unicodeScalars), [$0.id])
        }
        // The first group only: a sentence names one group of applicants.
        namedGroups = specs.compactMap(\.column.group).first.map { group in
            [(Array(group.unicodeScalars), specs.filter { $0.column.group == group }.map(\.id))]
        } ?? []
    }

    static func claims(_ version: FormVersion) -> [NarrativeClaim] {
        version == .revised2021 ? revised2021 : trial2019
    }

    private static let revised2021 = make(.revised2021)
    private static let trial2019 = make(.trial2019)

    /// The distinct keywords of an edition's claims, and each claim's place among them.
    static func keywords(_ version: FormVersion) -> (words: [String], ofClaim: [Int]) {
        version == .revised2021 ? revised2021Keywords : trial2019Keywords
    }

    private static let revised2021Keywords = distinctKeywords(revised2021)
    private static let trial2019Keywords = distinctKeywords(trial2019)

    private static func distinctKeywords(_ claims: [NarrativeClaim]) -> (words: [String], ofClaim: [Int]) {
        var words: [String] = []
        let places = claims.map { claim in
            if let place = words.firstIndex(of: claim.keyword) { return place }
            words.append(claim.keyword)
            return words.count - 1
        }
        // One bit each in `check`.
        precondition(words.count <= 64, "more than 64 distinct claim keywords")
        return (words, places)
    }

    private static func make(_ version: FormVersion) -> [NarrativeClaim] {
        let form = ReportForm.edition(version)
        let word = { (row: String) in plain(form.label(ofRow: row)) }
        let received = form.cellsByID["requests.received.total"]!
        let disclosed = word("requests.results.disclosed")
        let partial = word("requests.results.partially_disclosed")
        let review = word("appeals.review")
        let litigation = word("appeals.litigation")
        let litigationCells = ["appeals.litigation.direct.total", "appeals.litigation.after_review.total"]
        let none = ["未发生", "未收到", "未出现"]
        func count(_ starts: [String], gap: Int = 0, then anchor: String? = nil, or optional: [String] = [])
            -> SentencePattern
        {
            SentencePattern(starts: starts, gap: gap, stops: "。；，", anchor: anchor, optional: optional, counts: true)
        }
        let receivedClaim = NarrativeClaim(
            keyword: "申请", pattern: count(["收到", "新收"], gap: 16, then: "申请"), cells: [received.id],
            subject: received.row.row.label, columnsOfRow: received.row.id, form: form)
        return [
            receivedClaim,
            NarrativeClaim(keyword: disclosed, pattern: count([disclosed]), cells: ["requests.results.disclosed.total"],
                           subject: disclosed),
            NarrativeClaim(keyword: partial, pattern: count([partial]), cells: ["requests.results.partially_disclosed.total"],
                           subject: partial),
            NarrativeClaim(keyword: review, pattern: count([review], or: ["申请", "案件"]), cells: ["appeals.review.total"],
                           subject: review),
            NarrativeClaim(keyword: litigation, pattern: count([litigation], or: ["案件"]), cells: litigationCells,
                           subject: litigation),
            NarrativeClaim(keyword: review, pattern: .none(none, gap: 20, then: review), cells: ["appeals.review.total"],
                           subject: review),
            NarrativeClaim(keyword: litigation, pattern: .none(none, gap: 24, then: litigation), cells: litigationCells,
                           subject: litigation),
            NarrativeClaim(keyword: "申请", pattern: .none(["未收到任何政府信息公开申请", "未收到政府信息公开申请"]),
                           cells: [received.id], subject: received.row.row.label),
        ]
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

    /// The cells a sentence states: the claim's own, or the applicant column it names. The
    /// generic 「其他」 and the total are not taken as naming a column.
    private func cells(for fragment: ArraySlice<Unicode.Scalar>) -> [CellID] {
        func names(_ name: [Unicode.Scalar]) -> Bool {
            guard name.count <= fragment.count else { return false }
            return (fragment.startIndex...fragment.endIndex - name.count).contains { start in
                fragment[start..<start + name.count].elementsEqual(name)
            }
        }
        for (name, cells) in namedColumns where names(name) { return cells }
        for (name, cells) in namedGroups where names(name) { return cells }
        return cells
    }

    func contradictions(in block: TextBlock, scalars: [Unicode.Scalar], of report: Report, tables: ReportTables)
        -> [Finding]
    {
        var findings: [Finding] = []
        for (range, stated) in pattern.matches(in: scalars) {
            let cells = columnsOfRow == nil ? cells : cells(for: scalars[range])
            guard let table = tables.sum(cells)?.total, stated != table else { continue }
            // As text only for the message: most sentences agree with the tables.
            let fragment = String(String.UnicodeScalarView(scalars[range]))
            findings.append(Rule.narrativeContradiction.finding(
                "正文写「\(fragment)」（\(subject) \(stated)），表格为 \(table)", gist: "text says \(stated), tables say \(table)",
                at: report.document.location(of: fragment, in: block), cell: cells.first,
                expected: String(table), found: String(stated), terms: cells,
                hint: "改正文字或表格，或写成 {{\(cells.first!)}} 直接引用表格。"))
        }
        return findings
    }
}

/// A sentence shape, matched by hand: one of `starts`, then up to `gap` characters that are not
/// `stops`, then `anchor`, then one of `optional`, then a number and 件 or 起 (`counts`), or
/// nothing more (a claim of none, whose number is 0). Hand-written because Swift's Regex cost
/// more than the rest of the check together.
struct SentencePattern: Sendable {
    let starts: [String]
    let gap: Int
    let stops: String
    let anchor: String?
    let optional: [String]
    let counts: Bool
    /// The first character of each of `starts`: most characters of a block start none of them.
    private let firsts: [Unicode.Scalar]

    init(starts: [String], gap: Int, stops: String, anchor: String?, optional: [String], counts: Bool) {
        (self.starts, self.gap, self.stops, self.anchor, self.optional, self.counts) = (starts, gap, stops, anchor, optional, counts)
        firsts = starts.compactMap(\.unicodeScalars.first)
    }

    static func none(_ starts: [String], gap: Int = 0, then anchor: String? = nil) -> SentencePattern {
        SentencePattern(starts: starts, gap: gap, stops: "。；", anchor: anchor, optional: [], counts: false)
    }

    /// Each match as the scalars it covers and the number it states.
    func matches(in scalars: [Unicode.Scalar]) -> [(Range<Int>, Int64)] {
        var found: [(Range<Int>, Int64)] = []
        var index = 0
        while index < scalars.count {
            guard firsts.contains(scalars[index]), let start = starts.first(where: { Self.has($0, in: scalars, at: index) }) else {
                index += 1
                continue
            }
            var cursor = index + start.unicodeScalars.count
            if let anchor {
                var gapUsed = 0
                while !Self.has(anchor, in: scalars, at: cursor) {
                    guard cursor < scalars.count, gapUsed < gap, !stops.unicodeScalars.contains(scalars[cursor]) else { break }
                    cursor += 1
                    gapUsed += 1
                }
                guard Self.has(anchor, in: scalars, at: cursor) else { index += 1; continue }
                cursor += anchor.unicodeScalars.count
            }
            var number: Int64 = 0
            if counts {
                if let word = optional.first(where: { Self.has($0, in: scalars, at: cursor) }) { cursor += word.unicodeScalars.count }
                let digitsStart = cursor
                while cursor < scalars.count, (0x30...0x39).contains(scalars[cursor].value), cursor - digitsStart < 12 {
                    number = number * 10 + Int64(scalars[cursor].value - 0x30)
                    cursor += 1
                }
                guard cursor > digitsStart, cursor < scalars.count, scalars[cursor] == "件" || scalars[cursor] == "起" else {
                    index += 1
                    continue
                }
                cursor += 1
            }
            found.append((index..<cursor, number))
            index = cursor
        }
        return found
    }

    private static func has(_ word: String, in scalars: [Unicode.Scalar], at index: Int) -> Bool {
        var position = index
        for scalar in word.unicodeScalars {
            guard position < scalars.count, scalars[position] == scalar else { return false }
            position += 1
        }
        return true
    }
}
