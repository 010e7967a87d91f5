import ByteCoding
import Testing

/// Interned strings are numbered: the number of one named near the end of a large buffer may be
/// larger than the bytes left after it, which a length never is (issue 23: the cache of a
/// 20,000-report site failed to read back, "malformed at byte 64473347").
@Suite struct InternedStringTests {
    @Test("an interned string's number larger than the bytes left is read back")
    func numberPastBytesLeft() throws {
        var writer = ByteWriter()
        let names = (0..<1_000).map { "Content/agency-\($0)/2024/report.md" }
        for name in names { writer.write(interned: name) }
        // The last value: the 1,000th name again, as its number (1000, two bytes), at the very end.
        writer.write(interned: names[999])
        var reader = ByteReader(writer.bytes)
        for name in names { #expect(try reader.internedString() == name) }
        #expect(try reader.internedString() == names[999])
        #expect(reader.isAtEnd)
    }

    @Test("a number past the strings seen so far is malformed, not a crash")
    func unknownNumber() {
        var writer = ByteWriter()
        writer.write(interned: "a")
        writer.write(5)
        var reader = ByteReader(writer.bytes)
        #expect(throws: ByteReader.Malformed.self) {
            _ = try reader.internedString()
            _ = try reader.internedString()
        }
    }
}
