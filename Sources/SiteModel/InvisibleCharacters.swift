import Diagnostics
import Foundation

/// Characters that change how text displays without being seen: bidirectional controls make a
/// line read differently from what it holds, zero-width characters break searches and copied
/// numbers. Each is an error where it is: a published report must read as it is written.
enum InvisibleCharacters {
    static func kind(_ scalar: Unicode.Scalar) -> (name: String, isBidi: Bool)? {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: ("U+\(hex(scalar)) 双向文字控制符", true)
        case 0x200B...0x200D, 0x2060, 0xFEFF: ("U+\(hex(scalar)) 零宽字符", false)
        default: nil
        }
    }

    static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Whether the UTF-8 of `text` holds one of the sequences (E2 80 8B–8F, E2 80 AA–AE,
    /// E2 81 A0, E2 81 A6–A9, EF BB BF, D8 9C): one pass over the bytes, so the files that have
    /// none (nearly all) are not walked character by character. Chinese quotation marks share
    /// the lead bytes E2 80, so the second and third bytes are looked at too.
    static func mayContain(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 2, let base = bytes.baseAddress else { return false }
            // Each lead byte is found by memchr, which skips the rest of the text far faster
            // than a loop over every byte.
            for lead: UInt8 in [0xE2, 0xEF, 0xD8] {
                var from = 0
                while from < bytes.count - 1, let hit = memchr(base + from, Int32(lead), bytes.count - 1 - from) {
                    let index = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
                    let second = bytes[index + 1]
                    let third = index + 2 < bytes.count ? bytes[index + 2] : 0
                    switch (lead, second) {
                    case (0xE2, 0x80) where (0x8B...0x8F).contains(third) || (0xAA...0xAE).contains(third): return true
                    case (0xE2, 0x81) where third == 0xA0 || (0xA6...0xA9).contains(third): return true
                    case (0xEF, 0xBB) where third == 0xBF: return true
                    case (0xD8, 0x9C): return true
                    default: break
                    }
                    from = index + 1
                }
            }
            return false
        }
    }

    /// At most this many per file, then one finding that says how many more.
    static let limit = 10

    static func findings(in text: String, file: String) -> [Finding] {
        guard mayContain(text) else { return [] }
        var findings: [Finding] = []
        var hidden = 0
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                line += 1
                column = 1
                continue
            }
            if let (name, isBidi) = kind(scalar) {
                if findings.count < limit {
                    findings.append(
                        Rule.textInvisibleCharacter.finding(
                            "文本中有看不见的字符：\(name)", gist: "invisible character U+\(hex(scalar))",
                            at: SourceLocation(file: file, line: line, column: column),
                            hint: isBidi ? "双向控制符会让文字显示的顺序与实际内容不同；删除它。" : "删除它：零宽字符会使检索和复制的数字出错。",
                            severity: .error))
                } else {
                    hidden += 1
                }
            }
            column += 1
        }
        if hidden > 0, let last = findings.last {
            findings.append(
                Rule.textInvisibleCharacter.finding(
                    "另有 \(hidden) 个看不见的字符未逐一列出", gist: "\(hidden) more invisible characters", at: last.location,
                    severity: .warning))
        }
        return findings
    }
}
