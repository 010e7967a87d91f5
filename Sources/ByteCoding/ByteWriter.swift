/// Appends values to a byte buffer in nianbao's cache format: unsigned LEB128 integers, strings
/// as a length and their UTF-8 bytes. Small and fast on purpose: the build cache of a
/// 20,000-report site is read and written on every rebuild, where `Codable` costs seconds.
public struct ByteWriter: Sendable {
    /// What has been written.
    public var bytes: [UInt8] { buffer }
    @usableFromInline var buffer: [UInt8] = []
    @usableFromInline var interned: [String: Int] = [:]

    public init(capacity: Int = 0) { buffer.reserveCapacity(capacity) }

    @inlinable public mutating func write(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            buffer.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        buffer.append(UInt8(rest))
    }

    @inlinable public mutating func write(_ value: Int) { write(UInt64(bitPattern: Int64(value))) }

    /// Zig-zag, so small negative numbers stay short.
    @inlinable public mutating func write(signed value: Int64) { write(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }

    @inlinable public mutating func write(_ value: Bool) { buffer.append(value ? 1 : 0) }

    @inlinable public mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(utf8.count)
            buffer.append(contentsOf: utf8)
        }
    }

    /// A string that recurs (a file path in every position of a record): written whole the
    /// first time, then as its number. Read back in the same order with `internedString()`.
    @inlinable public mutating func write(interned value: String) {
        if let number = interned[value] {
            write(number)
        } else {
            interned[value] = interned.count + 1
            write(0)
            write(value)
        }
    }

    @inlinable public mutating func write(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }

    @inlinable public mutating func write(raw: some Collection<UInt8>) { buffer.append(contentsOf: raw) }

    @inlinable public mutating func write<Element: ByteCodable>(_ values: [Element]) {
        write(values.count)
        for value in values { value.encode(to: &self) }
    }

    @inlinable public mutating func write<Value: ByteCodable>(_ value: Value) { value.encode(to: &self) }

    @inlinable public mutating func write<Value: ByteCodable>(_ value: Value?) {
        write(value != nil)
        if let value { value.encode(to: &self) }
    }
}

/// A value the cache stores. Decoding must read exactly what encoding wrote.
public protocol ByteCodable {
    func encode(to writer: inout ByteWriter)
    init(from reader: inout ByteReader) throws(ByteReader.Malformed)
}

extension String: ByteCodable {
    public func encode(to writer: inout ByteWriter) { writer.write(self) }
    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) { self = try reader.string() }
}

extension Int: ByteCodable {
    public func encode(to writer: inout ByteWriter) { writer.write(self) }
    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) { self = try reader.int() }
}
