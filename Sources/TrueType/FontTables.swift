extension FontFace {
    /// Unicode -> glyph from the best cmap subtable: format 12 (full Unicode) if present, else
    /// format 4 (the Basic Multilingual Plane).
    static func readCharacterMap(_ file: FontBytes, _ cmap: Int) -> [UInt32: UInt16] {
        var format4: Int?
        var format12: Int?
        for entry in 0..<file.u16(cmap + 2) {
            let record = cmap + 4 + 8 * entry
            let (platform, encoding) = (file.u16(record), file.u16(record + 2))
            let subtable = cmap + file.u32(record + 4)
            let isUnicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10))
            guard isUnicode else { continue }
            switch file.u16(subtable) {
            case 12: format12 = format12 ?? subtable
            case 4: format4 = format4 ?? subtable
            default: break
            }
        }
        var map: [UInt32: UInt16] = [:]
        if let table = format12 {
            let groups = min(file.u32(table + 12), 100_000)
            for group in 0..<groups {
                let record = table + 16 + 12 * group
                let (first, last, glyph) = (file.u32(record), file.u32(record + 4), file.u32(record + 8))
                guard last >= first, last - first < 0x11_0000, last <= 0x10_FFFF else { continue }
                for code in first...last { map[UInt32(code)] = UInt16(truncatingIfNeeded: glyph + code - first) }
            }
        } else if let table = format4 {
            let segments = file.u16(table + 6) / 2
            let ends = table + 14, starts = ends + 2 * segments + 2
            let deltas = starts + 2 * segments, rangeOffsets = deltas + 2 * segments
            for segment in 0..<segments {
                let (start, end) = (file.u16(starts + 2 * segment), file.u16(ends + 2 * segment))
                let delta = file.u16(deltas + 2 * segment)
                let rangeOffset = file.u16(rangeOffsets + 2 * segment)
                guard start <= end, start != 0xFFFF else { continue }
                for code in start...end {
                    var glyph: Int
                    if rangeOffset == 0 {
                        glyph = (code + delta) & 0xFFFF
                    } else {
                        let address = rangeOffsets + 2 * segment + rangeOffset + 2 * (code - start)
                        glyph = file.u16(address)
                        if glyph != 0 { glyph = (glyph + delta) & 0xFFFF }
                    }
                    if glyph != 0 { map[UInt32(code)] = UInt16(glyph) }
                }
            }
        }
        return map
    }

    /// Family names (name id 1, and 16 where given) and the PostScript name (id 6).
    static func readNames(_ file: FontBytes, _ name: Int?) -> (family: [String], postScript: String?) {
        guard let name else { return ([], nil) }
        let count = file.u16(name + 2), storage = name + file.u16(name + 4)
        var family: [String] = []
        var postScript: String?
        for entry in 0..<count {
            let record = name + 6 + 12 * entry
            let (platform, nameID) = (file.u16(record), file.u16(record + 6))
            let (length, offset) = (file.u16(record + 8), file.u16(record + 10))
            let bytes = Array(file.slice(storage + offset, length))
            let text: String
            switch platform {
            case 0, 3:
                let units = stride(from: 0, to: bytes.count - 1, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
                text = String(decoding: units, as: UTF16.self)
            case 1: text = String(decoding: bytes.filter { $0 < 0x80 }, as: UTF8.self)
            default: continue
            }
            if (nameID == 1 || nameID == 16), !text.isEmpty, !family.contains(text) { family.append(text) }
            if nameID == 6, postScript == nil, !text.isEmpty { postScript = text }
        }
        return (family, postScript)
    }
}
