import Diagnostics

/// A sentence shape, matched by hand: one of `starts`, then up to `gap` characters that are not
/// `stops`, then `anchor`, then one of `optional`, then a number and 件 or 起 (`counts`), or
/// nothing more (a claim of none, whose number is 0). Spaces may stand around the number
/// (「申请 17 件」, as PDFs and typed text print it). Hand-written because Swift's Regex cost
/// more than the rest of the check together.
struct SentencePattern: Sendable {
    let starts: [String]
    let gap: Int
    let stops: String
    let anchor: String?
    let optional: [String]
    let counts: Bool
    /// Words that, written just before a start, make it part of a longer phrase another claim
    /// reads: 「予以公开及部分公开 258 件」 is no claim about 部分公开 alone.
    let notAfter: [[Unicode.Scalar]]
    /// Words that, in the gap before the anchor, make the sentence about another quantity:
    /// 「办理上年结转申请 3 件」 is not this year's new requests.
    let notInGap: [String]
    /// Words that, earlier in the same sentence, make a claim of none about something else:
    /// 「上年结转的申请均已办结」 says nothing of this year's.
    let notInSentence: [String]
    /// The first character of each of `starts`: most characters of a block start none of them.
    private let firsts: [Unicode.Scalar]
    /// `stops` as scalars, looked up for every character of a gap.
    private let stopScalars: [Unicode.Scalar]
    /// The words as scalars once: reading a String's scalars again at every position of every
    /// block was most of the pattern's cost in a check of 20,000 reports.
    private let startScalars: [[Unicode.Scalar]]
    private let anchorScalars: [Unicode.Scalar]?
    private let optionalScalars: [[Unicode.Scalar]]

    init(
        starts: [String], gap: Int, stops: String, anchor: String?, optional: [String], counts: Bool,
        notAfter: [String] = [], notInGap: [String] = [], notInSentence: [String] = []
    ) {
        (self.starts, self.gap, self.stops, self.anchor, self.optional, self.counts) = (starts, gap, stops, anchor, optional, counts)
        self.notAfter = notAfter.map { Array($0.unicodeScalars) }
        (self.notInGap, self.notInSentence) = (notInGap, notInSentence)
        firsts = starts.compactMap(\.unicodeScalars.first)
        stopScalars = Array(stops.unicodeScalars)
        startScalars = starts.map { Array($0.unicodeScalars) }
        anchorScalars = anchor.map { Array($0.unicodeScalars) }
        optionalScalars = optional.map { Array($0.unicodeScalars) }
    }

    static func none(
        _ starts: [String], gap: Int = 0, then anchor: String? = nil, notInSentence: [String] = []
    ) -> SentencePattern {
        SentencePattern(
            starts: starts, gap: gap, stops: "。；", anchor: anchor, optional: [], counts: false, notInSentence: notInSentence)
    }

    /// One match: the scalars it covers, the number it states, and whether that number is
    /// approximate (「3000余件」「1.2万件」「约300件」), which no table contradicts.
    struct Match {
        /// Which of `starts` the sentence begins with.
        let start: Int
        let range: Range<Int>
        let number: Int64
        let isApproximate: Bool
    }

    /// Spaces as typed or printed around a number: ASCII, no-break, thin and ideographic.
    private static let spaces: Set<Unicode.Scalar> = [" ", "\u{A0}", "\u{2009}", "\u{202F}", "\u{3000}"]
    /// After the number: 「300余件」「300多件」「1.2万件」「3万件」.
    private static let approximateAfter: Set<Unicode.Scalar> = ["余", "多", "万", "千", ".", "．"]
    /// Before the number: 「约300件」「近300件」「超过300件」「逾300件」.
    private static let approximateBefore: [[Unicode.Scalar]] = ["约", "近", "超过", "逾", "大约"].map { Array($0.unicodeScalars) }

    /// Each match in `scalars`.
    func matches(in scalars: [Unicode.Scalar]) -> [Match] {
        var found: [Match] = []
        var index = 0
        while index < scalars.count {
            guard firsts.contains(scalars[index]), let which = startScalars.firstIndex(where: { Self.has($0, in: scalars, at: index) }),
                !notAfter.contains(where: { Self.ends($0, in: scalars, at: index) })
            else {
                index += 1
                continue
            }
            let startCount = startScalars[which].count
            var cursor = index + startCount
            if let anchor = anchorScalars {
                var gapUsed = 0
                while !Self.has(anchor, in: scalars, at: cursor) {
                    guard cursor < scalars.count, gapUsed < gap, !stopScalars.contains(scalars[cursor]) else { break }
                    cursor += 1
                    gapUsed += 1
                }
                guard Self.has(anchor, in: scalars, at: cursor) else { index += 1; continue }
                if !notInGap.isEmpty {
                    let gapText = String(String.UnicodeScalarView(scalars[(index + startCount)..<cursor]))
                    if notInGap.contains(where: { gapText.containsBytes($0) }) { index += 1; continue }
                }
                cursor += anchor.count
            }
            if !notInSentence.isEmpty, sentenceBefore(index, in: scalars, contains: notInSentence) {
                index += 1
                continue
            }
            var number: Int64 = 0
            var approximate = false
            if counts {
                cursor = skipSpaces(scalars, from: cursor)
                if let word = optionalScalars.first(where: { Self.has($0, in: scalars, at: cursor) }) {
                    cursor = skipSpaces(scalars, from: cursor + word.count)
                }
                if let word = Self.approximateBefore.first(where: { Self.has($0, in: scalars, at: cursor) }) {
                    approximate = true
                    cursor += word.count
                }
                let digitsStart = cursor
                while cursor < scalars.count, let digit = Self.digit(scalars[cursor]), cursor - digitsStart < 12 {
                    number = number * 10 + digit
                    cursor += 1
                }
                guard cursor > digitsStart else {
                    index += 1
                    continue
                }
                cursor = skipSpaces(scalars, from: cursor)
                if cursor < scalars.count, Self.approximateAfter.contains(scalars[cursor]) {
                    // 「1.2万件」「3000余件」: read up to 件 for the range, and report nothing.
                    approximate = true
                    while cursor < scalars.count, cursor - digitsStart < 16, scalars[cursor] != "件", scalars[cursor] != "起" {
                        cursor += 1
                    }
                }
                guard cursor < scalars.count, scalars[cursor] == "件" || scalars[cursor] == "起" else {
                    index += 1
                    continue
                }
                cursor += 1
            }
            found.append(Match(start: which, range: index..<cursor, number: number, isApproximate: approximate))
            index = cursor
        }
        return found
    }

    private func skipSpaces(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var cursor = start
        while cursor < scalars.count, Self.spaces.contains(scalars[cursor]) { cursor += 1 }
        return cursor
    }

    /// An ASCII or full-width digit's value.
    private static func digit(_ scalar: Unicode.Scalar) -> Int64? {
        switch scalar.value {
        case 0x30...0x39: Int64(scalar.value - 0x30)
        case 0xFF10...0xFF19: Int64(scalar.value - 0xFF10)
        default: nil
        }
    }

    /// Whether one of `words` stands between the sentence's start (after 。 or ；) and `index`.
    private func sentenceBefore(_ index: Int, in scalars: [Unicode.Scalar], contains words: [String]) -> Bool {
        var start = index
        while start > 0, scalars[start - 1] != "。", scalars[start - 1] != "；", index - start < 80 { start -= 1 }
        let text = String(String.UnicodeScalarView(scalars[start..<index]))
        return words.contains { text.containsBytes($0) }
    }

    private static func has(_ word: [Unicode.Scalar], in scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index >= 0, index + word.count <= scalars.count else { return false }
        for offset in word.indices where scalars[index + offset] != word[offset] { return false }
        return true
    }

    /// Whether `word` ends just before `index`.
    private static func ends(_ word: [Unicode.Scalar], in scalars: [Unicode.Scalar], at index: Int) -> Bool {
        index >= word.count && scalars[(index - word.count)..<index].elementsEqual(word)
    }
}
