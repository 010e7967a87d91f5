/// A TrueType font cut down to the glyphs one document uses, renumbered from 0 (.notdef), as a
/// standalone font program for a PDF's FontFile2. Composite glyphs bring their components.
public struct FontSubset: Sendable {
    /// Original glyph id -> glyph id in the subset.
    public let glyphIDs: [UInt16: UInt16]
    /// The subset font file.
    public let program: [UInt8]
    /// Advance widths in font units, by subset glyph id.
    public let advances: [Int]

    public init(_ face: FontFace, glyphs: Set<UInt16>) {
        // The closure over composite components, in ascending original order after .notdef.
        var included: Set<UInt16> = [0]
        var pending = Array(glyphs)
        while let glyph = pending.popLast() {
            guard Int(glyph) < face.numberOfGlyphs, included.insert(glyph).inserted || glyph == 0 else { continue }
            pending += Self.components(of: face.outline(of: glyph)).map(\.glyph)
        }
        let order = included.sorted()
        var ids: [UInt16: UInt16] = [:]
        for (new, old) in order.enumerated() { ids[old] = UInt16(new) }
        glyphIDs = ids
        advances = order.map { face.advance(of: $0) }

        var glyf = FontWriter()
        var loca = FontWriter()
        var hmtx = FontWriter()
        for old in order {
            loca.u32(glyf.bytes.count)
            var outline = Array(face.outline(of: old))
            for component in Self.components(of: face.outline(of: old)) {
                let new = Int(ids[component.glyph] ?? 0)
                outline[component.offset] = UInt8(new >> 8)
                outline[component.offset + 1] = UInt8(new & 0xFF)
            }
            glyf.append(outline)
            glyf.pad4()
            hmtx.u16(face.advance(of: old))
            hmtx.u16(face.leftSideBearing(of: old))
        }
        loca.u32(glyf.bytes.count)

        var tables: [String: [UInt8]] = ["glyf": glyf.bytes, "loca": loca.bytes, "hmtx": hmtx.bytes]
        if var head = face.table("head").map(Array.init), head.count >= 54 {
            head[8...11] = [0, 0, 0, 0]  // checkSumAdjustment, set below
            head[50...51] = [0, 1]  // long loca offsets
            tables["head"] = head
        }
        if var hhea = face.table("hhea").map(Array.init), hhea.count >= 36 {
            hhea[34...35] = [UInt8(order.count >> 8), UInt8(order.count & 0xFF)]
            tables["hhea"] = hhea
        }
        if var maxp = face.table("maxp").map(Array.init), maxp.count >= 6 {
            maxp[4...5] = [UInt8(order.count >> 8), UInt8(order.count & 0xFF)]
            tables["maxp"] = maxp
        }
        if var post = face.table("post").map(Array.init), post.count >= 32 {
            post = Array(post[0..<32])
            post[0...3] = [0, 3, 0, 0]  // version 3: no glyph names
            tables["post"] = post
        }
        // Hinting programs the glyphs' instructions may call.
        for tag in ["cvt ", "fpgm", "prep"] { if let table = face.table(tag) { tables[tag] = Array(table) } }
        program = Self.assemble(tables)
    }

    /// The component references of a composite glyph: each glyph id and where it is written.
    static func components(of outline: ArraySlice<UInt8>) -> [(glyph: UInt16, offset: Int)] {
        let data = FontBytes(bytes: Array(outline))
        guard data.bytes.count >= 10, data.i16(0) < 0 else { return [] }
        var found: [(UInt16, Int)] = []
        var position = 10
        while position + 4 <= data.bytes.count {
            let flags = data.u16(position)
            found.append((UInt16(data.u16(position + 2)), position + 2))
            position += 4 + (flags & 0x0001 != 0 ? 4 : 2)
            if flags & 0x0008 != 0 { position += 2 } else if flags & 0x0040 != 0 { position += 4 } else if flags & 0x0080 != 0 { position += 8 }
            if flags & 0x0020 == 0 { break }
        }
        return found
    }

    /// An sfnt file from its tables: the offset table, the directory sorted by tag, the tables
    /// four-byte aligned, and head's checkSumAdjustment.
    static func assemble(_ tables: [String: [UInt8]]) -> [UInt8] {
        let tags = tables.keys.sorted()
        var power = 1, exponent = 0
        while power * 2 <= tags.count { power *= 2; exponent += 1 }
        var out = FontWriter()
        out.u32(0x0001_0000)
        out.u16(tags.count)
        out.u16(power * 16)
        out.u16(exponent)
        out.u16(tags.count * 16 - power * 16)
        var offset = 12 + 16 * tags.count
        var headOffset: Int?
        for tag in tags {
            let table = tables[tag]!
            out.append(Array(tag.utf8))
            out.u32(Int(FontWriter.checksum(table)))
            out.u32(offset)
            out.u32(table.count)
            if tag == "head" { headOffset = offset }
            offset += (table.count + 3) & ~3
        }
        for tag in tags {
            out.append(tables[tag]!)
            out.pad4()
        }
        if let headOffset {
            let adjustment = Int(0xB1B0_AFBA &- FontWriter.checksum(out.bytes))
            for k in 0..<4 { out.bytes[headOffset + 8 + k] = UInt8(truncatingIfNeeded: adjustment >> (24 - 8 * k)) }
        }
        return out.bytes
    }
}
