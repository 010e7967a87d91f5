import Testing
@testable import Validation

/// The quick look at each line before the personal-data patterns are tried must never miss a
/// line that could hold one: it is held to the plain byte-by-byte scan it replaced.
@Suite struct PersonalDataScanTests {
    /// The scan one byte at a time: the oracle.
    static func mayHoldByBytes(_ line: [UInt8]) -> Bool {
        var (digits, alphanumerics, previous) = (0, 0, UInt8(0))
        for byte in line {
            if byte == UInt8(ascii: "@") { return true }
            let isDigit = byte >= 0x30 && byte <= 0x39
            let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            if isDigit {
                digits += 1
                if digits >= 11 { return true }
            } else if !((byte == 0x20 || byte == 0x2D) && previous >= 0x30 && previous <= 0x39) {
                digits = 0
            }
            alphanumerics = isDigit || isLetter ? alphanumerics + 1 : 0
            if alphanumerics >= 18 { return true }
            previous = byte
        }
        return false
    }

    @Test("skipping Chinese text eight bytes at a time finds every line the plain scan finds")
    func agreesWithByteScan() {
        let pieces = ["本年", "收到申请", "，", "1", "38", "1234", "5678", " ", "-", "X", "ab", "@", "。", "9", "0571-8", "Z1"]
        var random = SeededRandom(seed: 0x6C07_8965_9D2A_3E51)
        var held = 0
        for _ in 0..<20000 {
            let line = Array((0..<(1 + random.next(24))).map { _ in pieces[random.next(pieces.count)] }.joined().utf8)
            let quick = line.withUnsafeBufferPointer { PersonalData.mayHold($0) }
            #expect(quick == Self.mayHoldByBytes(line), "\(String(decoding: line, as: UTF8.self))")
            if quick { held += 1 }
        }
        #expect(held > 1000 && held < 19000, "both kinds of line should occur (\(held))")
    }
}
