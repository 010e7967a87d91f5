import PDFWriter
import TrueType

/// One face as a PDF Type 0 font: a CIDFontType2 (TrueType outlines) holding the subset of the
/// glyphs the document uses, Identity-H encoding with CIDs equal to the subset's glyph ids,
/// widths, and a ToUnicode map so text extraction returns the characters written.
struct EmbeddedFont {
    let subset: FontSubset
    /// Original glyph id -> the Unicode text it stands for.
    let text: [UInt16: String]
    let face: FontFace

    /// The CID (subset glyph id) of an original glyph.
    func cid(_ glyph: UInt16) -> UInt16 { subset.glyphIDs[glyph] ?? 0 }

    /// Adds the font's objects and returns the Type 0 font dictionary's reference.
    func add(to writer: inout PDFDocumentWriter) -> PDFReference {
        let scale = 1000.0 / Double(face.unitsPerEm)
        let name = Self.tag(face.postScriptName, subset.glyphIDs.keys.sorted()) + "+" + Self.safe(face.postScriptName)
        let program = writer.addStream(subset.program, dictionary: [("Length1", .int(subset.program.count))])
        let box = face.boundingBox.map { PDFValue.int(Int((Double($0) * scale).rounded())) }
        let descriptor = writer.add(
            .dictionary([
                ("Type", .name("FontDescriptor")), ("FontName", .name(name)), ("Flags", 4), ("FontBBox", .array(box)),
                ("ItalicAngle", 0), ("Ascent", .int(Int(Double(face.ascender) * scale))),
                ("Descent", .int(Int(Double(face.descender) * scale))), ("CapHeight", .int(Int(Double(face.ascender) * scale))),
                ("StemV", 80), ("FontFile2", .reference(program)),
            ]))
        let widths = subset.advances.map { PDFValue.int(Int((Double($0) * scale).rounded())) }
        let cidFont = writer.add(
            .dictionary([
                ("Type", .name("Font")), ("Subtype", .name("CIDFontType2")), ("BaseFont", .name(name)),
                ("CIDSystemInfo", .dictionary([("Registry", .literal("Adobe")), ("Ordering", .literal("Identity")), ("Supplement", 0)])),
                ("FontDescriptor", .reference(descriptor)), ("DW", 1000), ("W", [0, .array(widths)]),
                ("CIDToGIDMap", .name("Identity")),
            ]))
        let toUnicode = writer.addStream(Array(toUnicodeMap().utf8))
        return writer.add(
            .dictionary([
                ("Type", .name("Font")), ("Subtype", .name("Type0")), ("BaseFont", .name(name)),
                ("Encoding", .name("Identity-H")), ("DescendantFonts", [.reference(cidFont)]), ("ToUnicode", .reference(toUnicode)),
            ]))
    }

    /// The CMap from CIDs to UTF-16 (ISO 32000-1 §9.10.3).
    func toUnicodeMap() -> String {
        var entries: [(UInt16, String)] = text.map { (cid($0.key), $0.value) }
        entries.sort { $0.0 < $1.0 }
        var out = """
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange

            """
        for start in stride(from: 0, to: entries.count, by: 100) {
            let chunk = entries[start..<min(start + 100, entries.count)]
            out += "\(chunk.count) beginbfchar\n"
            for (cid, text) in chunk {
                out += "<\(PDFNumber.hex4(Int(cid)))> <" + text.utf16.map { PDFNumber.hex4(Int($0)) }.joined() + ">\n"
            }
            out += "endbfchar\n"
        }
        return out + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    }

    /// The six capital letters that mark a subset (ISO 32000-1 §9.6.4), from the glyphs it holds,
    /// so the same subset always gets the same tag.
    static func tag(_ name: String, _ glyphs: [UInt16]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        for glyph in glyphs { hash = (hash ^ UInt64(glyph)) &* 0x100_0000_01B3 }
        return String((0..<6).map { Character(Unicode.Scalar(UInt8(65 + (hash >> (8 * UInt64($0))) % 26))) })
    }

    /// A PostScript name as a PDF name may hold it.
    static func safe(_ name: String) -> String {
        String(name.unicodeScalars.filter { $0.isASCII && $0.value > 32 && !"()<>[]{}/%#".unicodeScalars.contains($0) }.map(Character.init))
    }
}
