/// How a label written by a user relates to a label of the form.
public enum LabelMatch: Sendable, Hashable {
    /// Exactly the printed label.
    case exact
    /// The same label written differently (brackets, punctuation, traditional characters,
    /// a known misprint, characters missing): accepted, with a warning that says why.
    case variant(LabelVariantKind)
}

/// Why a label was recognised as a variant.
public enum LabelVariantKind: String, Sendable, Hashable {
    /// Half-width brackets or colons, 「1、」 for 「1.」, other punctuation.
    case punctuation
    /// Traditional instead of simplified characters.
    case traditional
    /// A misprint seen in real reports, listed in the form model.
    case known
    /// Characters missing (truncated, or dropped in the middle).
    case missingCharacters
    /// The other edition's label for the same row or column (`RenamedLabels`).
    case renamed

    /// A short Chinese explanation for messages.
    public var description: String {
        switch self {
        case .punctuation: "标点或括号写法不同（如半角括号、「1、」写作「1.」）"
        case .traditional: "使用了繁体字"
        case .known: "实际报告中出现过的错印标签"
        case .missingCharacters: "标签缺字或被截断"
        case .renamed: "这是另一版格式中的名称，本版格式已改名，所填数字按本版的行列读取"
        }
    }
}

/// Rows and columns the 2021 edition prints under a new label while counting the same thing
/// (spec §1.6 items 3–5): 规范性文件 → 行政规范性文件, and 处理决定数量 → 本年处理决定数量 where
/// the 2021 row keeps only that column. The other edition's label written for one of these is the
/// row or column itself, read with a `label-variant` warning; a row or column whose *structure*
/// changed (（六）其他处理 split into three rows, 上一年项目数量 dropped) stays `form-outdated-row`.
/// The labels themselves are the form's: only the ids are listed here.
public enum RenamedLabels {
    /// Row ids whose label changed.
    public static let rows: Set<String> = ["active.normative_documents"]
    /// Cell ids whose column label changed.
    public static let cells: Set<CellID> = ["active.licensing.decisions", "active.penalties.decisions", "active.coercion.decisions"]

    /// Whether the row `id` has another label in the other edition for the same row.
    public static func isRenamed(row id: String) -> Bool { rows.contains(id) }

    /// Whether the cell `id`'s column has another label in the other edition for the same column.
    public static func isRenamed(cell id: CellID) -> Bool { cells.contains(id) }
}

/// Recognises labels written the way real reports write them.
public enum LabelMatcher {
    /// A label folded to compare equal across harmless differences: no white space,
    /// full-width brackets, 「1.」 numbering, simplified characters.
    public static func normalize(_ label: String) -> String {
        // Unicode scalars and integer keys: Character iteration and hashing dominated profiles.
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar = " "
        for scalar in label.unicodeScalars {
            if scalar.properties.isWhitespace { continue }
            var c = traditionalScalars[scalar.value] ?? scalar
            switch c {
            case "(": c = "（"
            case ")": c = "）"
            case ":": c = "："
            case ",": c = "，"
            case "／": c = "/"
            case "\"", "「", "」", "＂", "”", "“", "‘", "’", "'": continue  // quotes vary too much to compare
            default: break
            }
            if c == "、" || c == "．" || c == "。", previous.isASCII, ("0"..."9").contains(previous) { c = "." }
            out.append(c)
            previous = c
        }
        return String(out)
    }

    /// How `written` relates to `canonical` (with its listed `variants`), or `nil` if it names
    /// something else.
    public static func match(_ written: String, canonical: String, variants: [String] = []) -> LabelMatch? {
        if written.utf8.elementsEqual(canonical.utf8) { return .exact }
        let folded = normalize(written)
        let target = normalize(canonical)
        if folded == target {
            let traditional = written.unicodeScalars.contains { traditionalScalars[$0.value] != nil }
            return traditional ? .variant(.traditional) : .variant(.punctuation)
        }
        if variants.contains(where: { normalize($0) == folded }) { return .variant(.known) }
        if isAbbreviation(folded, of: target) { return .variant(.missingCharacters) }
        return nil
    }

    /// Whether `short` is `long` with characters left out: same numbering, at least half the
    /// characters, in order. Catches truncation (「现行有效件」) and dropped characters
    /// (「2.其他法律行政止公开」) without matching an unrelated label of the same group.
    static func isAbbreviation(_ short: String, of long: String) -> Bool {
        let shortChars = Array(short)
        let longChars = Array(long)
        guard shortChars.count < longChars.count, shortChars.count * 2 >= longChars.count,
            numbering(shortChars) == numbering(longChars), shortChars.count > numbering(shortChars).count + 1
        else { return false }
        var index = 0
        for character in longChars where index < shortChars.count && shortChars[index] == character {
            index += 1
        }
        return index == shortChars.count
    }

    /// The enumerator a label starts with: 「一、」「（三）」「2.」, or nothing.
    private static func numbering(_ chars: [Character]) -> [Character] {
        guard let end = chars.prefix(5).firstIndex(where: { $0 == "、" || $0 == "." || $0 == "）" }) else { return [] }
        return Array(chars[...end])
    }

    /// The candidate closest to `written` by edit distance, for a 「您是否想写」 hint.
    public static func suggestion(for written: String, among candidates: [String]) -> String? {
        let folded = Array(normalize(written))
        let scored = candidates.map { ($0, editDistance(folded, Array(normalize($0)))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        // Suggest only when at least half of the label survives.
        return best.1 <= max(2, max(folded.count, best.0.count) / 2) ? best.0 : nil
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
