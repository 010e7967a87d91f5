/// Reads what `ByteWriter` wrote. Every read is bounds-checked and throws `Malformed` on a
/// truncated or corrupted buffer, so a damaged cache is detected and ignored, never trusted
/// and never a crash.
///
/// Inlinable, so that the generic reads (`array(of:)`, `value(_:)`) are specialised in the
/// modules that decode records: called across the module boundary they went through protocol
/// witnesses and looked up generic metadata for every array of every record.
public struct ByteReader: Sendable {
    /// The bytes do not hold what the reader expected.
    public struct Malformed: Error, Sendable {
        public let offset: Int

        public init(offset: Int) { self.offset = offset }
    }

    @usableFromInline let bytes: [UInt8]
    @usableFromInline var position: Int
    /// Where reading must stop.
    public let end: Int
    @usableFromInline var interned: [String] = []

    /// How far reading has come.
    @inlinable public var offset: Int { position }

    public init(_ bytes: [UInt8], offset: Int = 0) {
        self.init(bytes, range: min(max(offset, 0), bytes.count)..<bytes.count)
    }

    /// Reads `range` of `bytes` only (one record of a larger buffer), without copying it.
    public init(_ bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        self.end = min(range.upperBound, bytes.count)
        self.position = min(range.lowerBound, end)
    }

    @inlinable public var isAtEnd: Bool { position >= end }

    @inlinable public mutating func uint64() throws(Malformed) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end, shift < 64 else { throw Malformed(offset: position) }
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    @inlinable public mutating func int() throws(Malformed) -> Int { Int(Int64(bitPattern: try uint64())) }

    /// A count or a length: never negative, never more than the bytes left could hold.
    @inlinable public mutating func count() throws(Malformed) -> Int {
        let value = try uint64()
        guard value <= UInt64(end - position) else { throw Malformed(offset: position) }
        return Int(value)
    }

    @inlinable public mutating func signed() throws(Malformed) -> Int64 {
        let value = try uint64()
        return Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
    }

    @inlinable public mutating func bool() throws(Malformed) -> Bool {
        guard position < end, bytes[position] <= 1 else { throw Malformed(offset: position) }
        position += 1
        return bytes[position - 1] == 1
    }

    @inlinable public mutating func string() throws(Malformed) -> String {
        let length = try count()
        let start = position
        position += length
        guard let text = bytes.withUnsafeBufferPointer({ String(validatingUTF8: UnsafeBufferPointer(rebasing: $0[start..<start + length])) })
        else {
            throw Malformed(offset: start)
        }
        return text
    }

    @inlinable public mutating func optionalString() throws(Malformed) -> String? { try bool() ? try string() : nil }

    /// A string `ByteWriter.write(interned:)` wrote: the first time whole, then by number.
    @inlinable public mutating func internedString() throws(Malformed) -> String {
        // A number, not a length: it may exceed the bytes left (a site's 20,000th file named in
        // the last kilobytes of a 64 MB cache), so only the table bounds it.
        let number = try uint64()
        if number == 0 {
            let text = try string()
            interned.append(text)
            return text
        }
        guard number <= UInt64(interned.count) else { throw Malformed(offset: position) }
        return interned[Int(number) - 1]
    }

    @inlinable public mutating func raw(_ length: Int) throws(Malformed) -> ArraySlice<UInt8> {
        guard length >= 0, length <= end - position else { throw Malformed(offset: position) }
        position += length
        return bytes[position - length..<position]
    }

    @inlinable public mutating func array<Element: ByteCodable>(of _: Element.Type = Element.self) throws(Malformed) -> [Element] {
        let count = try count()
        var values: [Element] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try Element(from: &self)) }
        return values
    }

    @inlinable public mutating func value<Value: ByteCodable>(_: Value.Type = Value.self) throws(Malformed) -> Value {
        try Value(from: &self)
    }

    @inlinable public mutating func optional<Value: ByteCodable>(_: Value.Type = Value.self) throws(Malformed) -> Value? {
        try bool() ? try Value(from: &self) : nil
    }
}
