import Testing
@testable import Validation

/// The quick look at each line before the personal-data patterns are tried must never miss a
/// line that could hold one: it is held to the same question asked character by character.
@Suite struct PersonalDataScanTests {
    /// The same question asked of the line's characters, one at a time: the oracle. Full-width
    /// forms read as ASCII; up to two separators in a row (space, hyphen, full stop, bracket,
    /// plus, and the ideographic space, dashes and no-break space) keep a run of digits going.
    static func mayHoldByCharacters(_ line: [UInt8]) -> Bool {
        let scalars = Array(String(decoding: line, as: UTF8.self).unicodeScalars)
        var (digits, alphanumerics, separators) = (0, 0, 0)
        for (index, written) in scalars.enumerated() {
            let next = index + 1 < scalars.count ? scalars[index + 1] : " "
            if written == "&", next == "#" { return true }
            if written == "%", index + 2 < scalars.count, next.properties.isASCIIHexDigit, scalars[index + 2].properties.isASCIIHexDigit {
                return true
            }
            let value = written.value
            let scalar = (0xFF01...0xFF5E).contains(value) ? Unicode.Scalar(value - 0xFEE0)! : written
            if scalar == "@" { return true }
            let isDigit = scalar.value >= 0x30 && scalar.value <= 0x39
            let isLetter = scalar.isASCII && scalar.properties.isAlphabetic
            let isSeparator = " -.()+\\".unicodeScalars.contains(scalar) || [0x3000, 0xA0, 0x2212].contains(value) || (0x2010...0x2015).contains(value)
            separators = isSeparator ? separators + 1 : 0
            if isDigit {
                digits += 1
                alphanumerics += 1
            } else if isLetter {
                digits = 0
                alphanumerics += 1
            } else if isSeparator {
                alphanumerics = 0
                if separators > 2 { digits = 0 }
            } else {
                (digits, alphanumerics) = (0, 0)
            }
            if digits >= 11 || alphanumerics >= 18 { return true }
        }
        return false
    }

    @Test("skipping Chinese text eight bytes at a time finds every line the character-by-character scan finds")
    func agreesWithByteScan() {
        let pieces = [
            "本年", "收到申请", "，", "1", "38", "1234", "5678", " ", "-", "X", "ab", "@", "。", "9", "0571-8", "Z1", "１３", "８", "Ｘ", "（",
            "）", "　", "—", ".", "%2", "%E", "%", "&#", "&", "＠", "％３", "＋", "\\",
        ]
        var random = SeededRandom(seed: 0x6C07_8965_9D2A_3E51)
        var held = 0
        for _ in 0..<20000 {
            let line = Array((0..<(1 + random.next(24))).map { _ in pieces[random.next(pieces.count)] }.joined().utf8)
            let quick = line.withUnsafeBufferPointer { PersonalData.mayHold($0) }
            #expect(quick == Self.mayHoldByCharacters(line), "\(String(decoding: line, as: UTF8.self))")
            if quick { held += 1 }
        }
        #expect(held > 1000 && held < 19000, "both kinds of line should occur (\(held))")
    }

    @Test("whatever the line, every finding's written text is at its column, and any finding's line passes the quick look")
    func findingsPointAtTheirText() {
        let pieces = [
            "申请人", "1", "38", "1234", "5678", "320826", "19850315", "123X", " ", "-", ".", "(", ")", "+86", "１３８", "（", "）", "　",
            "%2B", "%20", "%EF%BC%91", "&#49;", "&#x31;", "@qq.com", "zhang", "次", "元", "个人", "91350100M000100Y43", "%", "&#", "\\-",
        ]
        var random = SeededRandom(seed: 0x2F4A_9C11_07D3_E865)
        var found = 0
        for _ in 0..<20000 {
            let text = (0..<(1 + random.next(16))).map { _ in pieces[random.next(pieces.count)] }.joined()
            let scalars = Array(text.unicodeScalars)
            for hit in PersonalData.find(in: ScanLine(scalars)) {
                found += 1
                let written = Array(hit.written.unicodeScalars)
                #expect(Array(scalars[hit.offset..<min(scalars.count, hit.offset + written.count)]) == written, "\(text)")
                let bytes = Array(text.utf8)
                #expect(bytes.withUnsafeBufferPointer { PersonalData.mayHold($0) }, "\(text)")
            }
        }
        #expect(found > 500, "findings should occur (\(found))")
    }
}
