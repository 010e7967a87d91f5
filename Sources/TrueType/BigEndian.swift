/// Big-endian reads from a font file's bytes, bounds-checked: a truncated or corrupt font gives
/// zeros and the parser's own checks reject it, never a crash.
struct FontBytes: Sendable {
    let bytes: [UInt8]

    func u8(_ offset: Int) -> Int { offset >= 0 && offset < bytes.count ? Int(bytes[offset]) : 0 }
    func u16(_ offset: Int) -> Int { u8(offset) << 8 | u8(offset + 1) }
    func i16(_ offset: Int) -> Int { Int(Int16(truncatingIfNeeded: u16(offset))) }
    func u32(_ offset: Int) -> Int { u16(offset) << 16 | u16(offset + 2) }
    func tag(_ offset: Int) -> String { String(decoding: (0..<4).map { UInt8(u8(offset + $0)) }, as: UTF8.self) }

    func slice(_ offset: Int, _ length: Int) -> ArraySlice<UInt8> {
        guard offset >= 0, length >= 0, offset + length <= bytes.count else { return [] }
        return bytes[offset..<(offset + length)]
    }
}

/// Big-endian writes for the subset font.
struct FontWriter {
    var bytes: [UInt8] = []

    mutating func u16(_ value: Int) { bytes += [UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)] }
    mutating func u32(_ value: Int) { u16(value >> 16); u16(value & 0xFFFF) }
    mutating func append<S: Sequence>(_ data: S) where S.Element == UInt8 { bytes.append(contentsOf: data) }
    mutating func pad4() { while bytes.count % 4 != 0 { bytes.append(0) } }

    /// The OpenType table checksum: the sum of the big-endian 32-bit words, zero-padded.
    static func checksum<C: Collection>(_ data: C) -> UInt32 where C.Element == UInt8, C.Index == Int {
        var sum: UInt32 = 0
        var index = data.startIndex
        while index < data.endIndex {
            var word: UInt32 = 0
            for k in 0..<4 { word = word << 8 | UInt32(index + k < data.endIndex ? data[index + k] : 0) }
            sum = sum &+ word
            index += 4
        }
        return sum
    }
}
