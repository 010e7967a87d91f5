import Diagnostics

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

    /// At most this many per file, then one finding that says how many more.
    static let limit = 10

    static func findings(in text: String, file: String) -> [Finding] {
        // All of them are encoded with lead byte 0xE2, 0xEF or 0xD8: most files have none of the
        // sequences, and are passed over quickly.
        guard text.utf8.contains(where: { $0 == 0xE2 || $0 == 0xEF || $0 == 0xD8 }) else { return [] }
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
