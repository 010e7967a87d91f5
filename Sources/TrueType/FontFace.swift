import Foundation

/// Why a font file cannot be used.
public enum FontError: Error, Sendable, CustomStringConvertible {
    case unreadable(String)
    case notTrueType(String)
    case noFace(String, Int)

    public var description: String {
        switch self {
        case .unreadable(let path): "无法读取字体文件 \(path)"
        case .notTrueType(let path): "\(path) 不是 TrueType 字体（需要 glyf 轮廓的 .ttf 或 .ttc；CFF 轮廓的 .otf 不支持）"
        case .noFace(let path, let index): "\(path) 中没有第 \(index) 个字体"
        }
    }
}

/// One face of a TrueType font (a .ttf, or one member of a .ttc): the metrics and glyphs nianbao
/// needs to lay out text and to embed a subset in a PDF. Parsed once, then shared read-only.
public struct FontFace: Sendable {
    let file: FontBytes
    /// Table tag -> (offset, length) in `file`.
    let tables: [String: (offset: Int, length: Int)]
    public let path: String
    public let index: Int
    /// Family names from the name table, in every language the font gives (「AR PL UMing CN」, 「文泉驿正黑」).
    public let familyNames: [String]
    public let postScriptName: String
    public let unitsPerEm: Int
    public let ascender: Int
    public let descender: Int
    /// The font's bounding box in font units: xMin, yMin, xMax, yMax.
    public let boundingBox: [Int]
    public let numberOfGlyphs: Int
    let numberOfHMetrics: Int
    let longLoca: Bool
    let characterMap: [UInt32: UInt16]

    /// The face of the file at `path` whose family names include `family`, reading the file once
    /// and the character map of that face only; nil if no face has the name.
    public static func face(at path: String, family: String) -> FontFace? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let file = FontBytes(bytes: [UInt8](data))
        for (index, offset) in faceOffsets(file).enumerated() {
            var name: Int?
            for entry in 0..<file.u16(offset + 4) where file.tag(offset + 12 + 16 * entry) == "name" {
                name = file.u32(offset + 12 + 16 * entry + 8)
            }
            if readNames(file, name).family.contains(family) {
                return try? FontFace(file: file, offset: offset, path: path, index: index)
            }
        }
        return nil
    }

    /// The face `index` of the file at `path`.
    public static func face(at path: String, index: Int) throws(FontError) -> FontFace {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
        let file = FontBytes(bytes: [UInt8](data))
        let offsets = faceOffsets(file)
        guard offsets.indices.contains(index) else { throw .noFace(path, index) }
        return try FontFace(file: file, offset: offsets[index], path: path, index: index)
    }

    /// Where each face's table directory starts: one for a .ttf, one per member of a .ttc.
    private static func faceOffsets(_ file: FontBytes) -> [Int] {
        file.tag(0) == "ttcf" ? (0..<min(file.u32(8), 64)).map { file.u32(12 + 4 * $0) } : [0]
    }

    init(file: FontBytes, offset: Int, path: String, index: Int) throws(FontError) {
        self.file = file
        self.path = path
        self.index = index
        var tables: [String: (Int, Int)] = [:]
        let count = file.u16(offset + 4)
        for entry in 0..<count {
            let record = offset + 12 + 16 * entry
            tables[file.tag(record)] = (file.u32(record + 8), file.u32(record + 12))
        }
        self.tables = tables
        guard let head = tables["head"], let hhea = tables["hhea"], let maxp = tables["maxp"], tables["hmtx"] != nil,
            tables["loca"] != nil, tables["glyf"] != nil, tables["cmap"] != nil, file.u32(head.0 + 12) == 0x5F0F_3CF5
        else { throw .notTrueType(path) }
        unitsPerEm = max(16, file.u16(head.0 + 18))
        boundingBox = [file.i16(head.0 + 36), file.i16(head.0 + 38), file.i16(head.0 + 40), file.i16(head.0 + 42)]
        longLoca = file.i16(head.0 + 50) == 1
        ascender = file.i16(hhea.0 + 4)
        descender = file.i16(hhea.0 + 6)
        numberOfHMetrics = max(1, file.u16(hhea.0 + 34))
        numberOfGlyphs = file.u16(maxp.0 + 4)
        characterMap = Self.readCharacterMap(file, tables["cmap"]!.0)
        let names = Self.readNames(file, tables["name"]?.0)
        familyNames = names.family
        postScriptName = names.postScript ?? "Font\(index)"
    }

    /// The glyph for `scalar`, if the font has one.
    public func glyph(for scalar: Unicode.Scalar) -> UInt16? {
        guard let glyph = characterMap[scalar.value], glyph != 0 else { return nil }
        return glyph
    }

    /// The advance width of `glyph` in font units.
    public func advance(of glyph: UInt16) -> Int {
        guard let hmtx = tables["hmtx"] else { return 0 }
        let metric = min(Int(glyph), numberOfHMetrics - 1)
        return file.u16(hmtx.offset + 4 * metric)
    }

    /// The left side bearing of `glyph`, for the subset's hmtx.
    func leftSideBearing(of glyph: UInt16) -> Int {
        guard let hmtx = tables["hmtx"] else { return 0 }
        let index = Int(glyph)
        if index < numberOfHMetrics { return file.i16(hmtx.offset + 4 * index + 2) }
        return file.i16(hmtx.offset + 4 * numberOfHMetrics + 2 * (index - numberOfHMetrics))
    }

    /// The outline data of `glyph` (empty for a blank glyph such as the space).
    func outline(of glyph: UInt16) -> ArraySlice<UInt8> {
        guard let loca = tables["loca"], let glyf = tables["glyf"], Int(glyph) < numberOfGlyphs else { return [] }
        let index = Int(glyph)
        let (start, end) =
            longLoca
            ? (file.u32(loca.offset + 4 * index), file.u32(loca.offset + 4 * index + 4))
            : (2 * file.u16(loca.offset + 2 * index), 2 * file.u16(loca.offset + 2 * index + 2))
        guard end > start, end <= glyf.length else { return [] }
        return file.slice(glyf.offset + start, end - start)
    }

    func table(_ tag: String) -> ArraySlice<UInt8>? {
        tables[tag].map { file.slice($0.offset, $0.length) }
    }
}
