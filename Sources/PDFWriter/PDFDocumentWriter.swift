import CZlib

/// Writes a PDF file: numbered objects, streams compressed with Flate, the cross-reference table
/// and the trailer. Objects are written in the order they are numbered; nothing depends on the
/// clock or on memory addresses, so the same content gives the same bytes.
public struct PDFDocumentWriter: Sendable {
    private var objects: [[UInt8]?] = []

    public init() {}

    /// Reserves an object number, for objects that refer to each other.
    public mutating func reserve() -> PDFReference {
        objects.append(nil)
        return PDFReference(number: objects.count)
    }

    /// Adds `value` as a new object.
    @discardableResult
    public mutating func add(_ value: PDFValue) -> PDFReference {
        let reference = reserve()
        set(reference, value)
        return reference
    }

    public mutating func set(_ reference: PDFReference, _ value: PDFValue) {
        var body: [UInt8] = []
        value.write(to: &body)
        objects[reference.number - 1] = body
    }

    /// Adds a stream, Flate-compressed where that makes it smaller.
    @discardableResult
    public mutating func addStream(_ data: [UInt8], dictionary: [(String, PDFValue)] = []) -> PDFReference {
        let reference = reserve()
        setStream(reference, data, dictionary: dictionary)
        return reference
    }

    public mutating func setStream(_ reference: PDFReference, _ data: [UInt8], dictionary: [(String, PDFValue)] = []) {
        let compressed = Flate.compress(data)
        let useFlate = compressed.count < data.count
        let payload = useFlate ? compressed : data
        var entries = dictionary
        if useFlate { entries.append(("Filter", .name("FlateDecode"))) }
        entries.append(("Length", .int(payload.count)))
        var body: [UInt8] = []
        PDFValue.dictionary(entries).write(to: &body)
        body += Array("\nstream\n".utf8)
        body += payload
        body += Array("\nendstream".utf8)
        objects[reference.number - 1] = body
    }

    /// The file, with `root` as the catalog and `info` as the document information dictionary.
    /// The file identifier is derived from the content, so it too is reproducible.
    public func finish(root: PDFReference, info: PDFReference) -> [UInt8] {
        var out = Array("%PDF-1.7\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        for (index, body) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(index + 1) 0 obj\n".utf8)
            out += body ?? Array("null".utf8)
            out += Array("\nendobj\n".utf8)
        }
        let identifier = ContentHash.digest(out)
        let xref = out.count
        out += Array("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for offset in offsets {
            let digits = String(offset)
            out += Array((String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n").utf8)
        }
        var trailer: [UInt8] = []
        PDFValue.dictionary([
            ("Size", .int(objects.count + 1)), ("Root", .reference(root)), ("Info", .reference(info)),
            ("ID", [.hex(identifier), .hex(identifier)]),
        ]).write(to: &trailer)
        out += Array("trailer\n".utf8) + trailer + Array("\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }
}

/// zlib's deflate at its best compression.
enum Flate {
    static func compress(_ data: [UInt8]) -> [UInt8] {
        var length = compressBound(uLong(data.count))
        var out = [UInt8](repeating: 0, count: Int(length))
        let status = data.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                compress2(target.baseAddress, &length, source.baseAddress, uLong(data.count), Z_BEST_COMPRESSION)
            }
        }
        guard status == Z_OK else { return data }
        out.removeSubrange(Int(length)...)
        return out
    }
}

/// A 128-bit FNV-1a digest, for the file identifier: it must differ between documents and stay
/// the same for the same document, not resist attack.
enum ContentHash {
    static func digest(_ bytes: [UInt8]) -> [UInt8] {
        var low: UInt64 = 0xcbf2_9ce4_8422_2325
        var high: UInt64 = 0x6c62_272e_07bb_0142
        for byte in bytes {
            low = (low ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            high = (high ^ UInt64(byte) ^ (low >> 29)) &* 0x0000_0100_0000_01B3
        }
        return (0..<8).map { UInt8(truncatingIfNeeded: low >> (56 - 8 * $0)) }
            + (0..<8).map { UInt8(truncatingIfNeeded: high >> (56 - 8 * $0)) }
    }
}
