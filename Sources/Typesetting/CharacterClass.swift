/// How a character behaves at a line break in Chinese text (GB/T 15834 and the usual 禁则).
enum CharacterClass {
    /// 汉字 and other full-width characters: a line may break before or after any of them.
    case ideographic
    /// Closing and middle punctuation: never at the start of a line.
    case closing
    /// Opening brackets and quotes: never at the end of a line.
    case opening
    /// A space: a break opportunity, dropped at the end of a line.
    case space
    /// Latin letters, digits and ASCII punctuation: kept together as a word.
    case word

    /// No line starts with these: ，。、；：？！）》」』 and their kin.
    static let closingPunctuation: Set<Unicode.Scalar> = Set("，。、；：？！）》」』】〕〉〗〙〛”’…‥·・％‰℃°︰﹚﹜﹞—～".unicodeScalars)
    /// No line ends with these: （《「『 and their kin.
    static let openingPunctuation: Set<Unicode.Scalar> = Set("（《「『【〔〈〖〘〚“‘﹙﹛﹝".unicodeScalars)

    init(_ scalar: Unicode.Scalar) {
        if Self.closingPunctuation.contains(scalar) {
            self = .closing
        } else if Self.openingPunctuation.contains(scalar) {
            self = .opening
        } else if scalar == " " || scalar == "\u{3000}" || scalar == "\t" {
            self = .space
        } else if Self.isWide(scalar) {
            self = .ideographic
        } else {
            self = .word
        }
    }

    /// CJK ideographs, kana, Hangul, full-width forms and CJK punctuation.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF01...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            true
        default: false
        }
    }
}
