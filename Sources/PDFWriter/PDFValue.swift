/// A PDF object (ISO 32000-1 §7.3), written out byte for byte as given: dictionaries keep the
/// order their keys are listed in, so the same document is always the same bytes.
public indirect enum PDFValue: Sendable, ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral {
    case null
    case bool(Bool)
    case int(Int)
    case real(Double)
    case name(String)
    /// A text string, written as UTF-16BE with a byte order mark in hex (for Chinese titles).
    case text(String)
    /// An ASCII string, written literally.
    case literal(String)
    case hex([UInt8])
    case array([PDFValue])
    case dictionary([(String, PDFValue)])
    case reference(PDFReference)

    public init(integerLiteral value: Int) { self = .int(value) }
    public init(arrayLiteral elements: PDFValue...) { self = .array(elements) }

    func write(to out: inout [UInt8]) {
        switch self {
        case .null: out += Array("null".utf8)
        case .bool(let value): out += Array((value ? "true" : "false").utf8)
        case .int(let value): out += Array(String(value).utf8)
        case .real(let value): out += Array(PDFNumber.format(value).utf8)
        case .name(let name): out += Array(("/" + name).utf8)
        case .text(let text):
            out += Array("<FEFF".utf8)
            for unit in text.utf16 { out += Array(PDFNumber.hex4(Int(unit)).utf8) }
            out.append(UInt8(ascii: ">"))
        case .literal(let text):
            out.append(UInt8(ascii: "("))
            for byte in text.utf8 {
                if byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "\\") { out.append(UInt8(ascii: "\\")) }
                out.append(byte)
            }
            out.append(UInt8(ascii: ")"))
        case .hex(let bytes):
            out.append(UInt8(ascii: "<"))
            for byte in bytes { out += Array(PDFNumber.hex2(Int(byte)).utf8) }
            out.append(UInt8(ascii: ">"))
        case .array(let values):
            out.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { out.append(UInt8(ascii: " ")) }
                value.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .dictionary(let entries):
            out += Array("<<".utf8)
            for (key, value) in entries {
                out += Array(("/" + key + " ").utf8)
                value.write(to: &out)
                out.append(UInt8(ascii: " "))
            }
            out += Array(">>".utf8)
        case .reference(let reference): out += Array("\(reference.number) 0 R".utf8)
        }
    }
}

/// An indirect object's number.
public struct PDFReference: Sendable, Hashable {
    public let number: Int
}

/// Numbers as PDF writes them: at most three decimals, no exponent, no trailing zeros.
public enum PDFNumber {
    public static func format(_ value: Double) -> String {
        let scaled = (value * 1000).rounded()
        guard scaled.isFinite, abs(scaled) < 1e15 else { return "0" }
        let thousandths = Int(scaled)
        let sign = thousandths < 0 ? "-" : ""
        let magnitude = abs(thousandths)
        let whole = magnitude / 1000, fraction = magnitude % 1000
        guard fraction != 0 else { return sign + String(whole) }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 3 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return sign + String(whole) + "." + digits
    }

    static let digits = Array("0123456789ABCDEF")
    public static func hex2(_ value: Int) -> String { String([digits[(value >> 4) & 15], digits[value & 15]]) }
    public static func hex4(_ value: Int) -> String { hex2(value >> 8) + hex2(value & 0xFF) }
}
