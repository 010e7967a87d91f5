/// Character classes of Chinese text that rendering has to know about.
enum ChineseText {
    /// Characters written without spaces between them: CJK ideographs, kana, Hangul, and the
    /// full-width punctuation and forms used with them.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E80...0x2FDF, 0x3000...0x303F, 0x3040...0x30FF, 0x3100...0x31BF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x3FFFF:
            true
        default:
            false
        }
    }

    /// Full-width punctuation, which never belongs to a URL: 。，、；：？！（）「」『』《》【】“”‘’…— and
    /// the full-width forms of ASCII punctuation.
    static func isFullWidthPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3000...0x303F, 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65,
            0x2018...0x201F, 0x2026, 0x2014, 0xFE10...0xFE1F, 0xFE30...0xFE4F:
            true
        default:
            false
        }
    }
}
