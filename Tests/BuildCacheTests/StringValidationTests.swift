import ByteCoding
import Testing

/// The cache reads every string through `String(validatingUTF8:)`: it must accept exactly what
/// the standard library's validating initializer accepts.
@Suite struct StringValidationTests {
    func validated(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { String(validatingUTF8: $0) }
    }

    @Test("text comes back as it was; a repair that keeps the length is still a failure")
    func cases() {
        #expect(validated(Array("Content/agency-00001/2020/tables.yaml".utf8)) == "Content/agency-00001/2020/tables.yaml")
        #expect(validated(Array("政府信息公开工作年度报告\u{FFFD}".utf8)) == "政府信息公开工作年度报告\u{FFFD}")
        #expect(validated([]) == "")
        #expect(validated([0x80]) == nil)  // a lone continuation byte
        #expect(validated([0xF0, 0x9F, 0x98, 0x61]) == nil)  // three bytes that repair to three bytes
        #expect(validated([0xE6, 0x94]) == nil)  // cut short at the end
        #expect(validated([0xC0, 0xAF]) == nil)  // overlong
        #expect(validated([0xED, 0xA0, 0x80]) == nil)  // a surrogate
    }

    @Test("the same answer as String(validating:as:) on 20,000 random byte strings")
    func differential() {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            seed ^= seed << 13
            seed ^= seed >> 7
            seed ^= seed << 17
            return seed
        }
        let alphabet: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0xBF, 0xC2, 0xC0, 0xDF, 0xE0, 0xE6, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0x94, 0xA0, 0x9F]
        for _ in 0..<20_000 {
            let bytes = (0..<Int(next() % 9)).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }
            #expect(validated(bytes) == String(validating: bytes, as: UTF8.self), "\(bytes)")
        }
    }
}
