import TrueType

/// The faces a printed report uses, by role (GB/T 9704: title in 小标宋, headings 一、 in 黑体,
/// （一） in 楷体, body in 仿宋 or 宋体), and the faces tried when one lacks a character.
public struct FontSet: Sendable {
    public enum Role: String, Sendable, CaseIterable {
        case body, title, heading, subheading
    }

    /// Distinct faces; runs refer to them by index.
    public let faces: [FontFace]
    let roles: [Role: Int]
    /// Tried in order when a role's face has no glyph for a character.
    public let fallbacks: [Int]

    public init(faces: [FontFace], roles: [Role: Int], fallbacks: [Int]) {
        self.faces = faces
        self.roles = roles
        self.fallbacks = fallbacks
    }

    public func face(for role: Role) -> Int { roles[role] ?? roles[.body] ?? 0 }

    /// A character with the face and glyph that draw it, and its advance at `size` points.
    public struct Glyph: Sendable, Hashable {
        public let scalar: Unicode.Scalar
        public let face: Int
        public let glyph: UInt16
        public let advance: Double
        /// False when no face has the character (it is drawn as the .notdef box and reported).
        public let isFound: Bool
    }

    /// The glyphs of `text` in `role` at `size`: each character from the role's face, or from the
    /// first fallback that has it.
    public func glyphs(_ text: String, role: Role, size: Double) -> [Glyph] {
        let primary = face(for: role)
        return text.unicodeScalars.map { scalar in
            for index in [primary] + fallbacks {
                if let glyph = faces[index].glyph(for: scalar) {
                    return Glyph(scalar: scalar, face: index, glyph: glyph, advance: advance(index, glyph, size), isFound: true)
                }
            }
            return Glyph(scalar: scalar, face: primary, glyph: 0, advance: size, isFound: false)
        }
    }

    private func advance(_ face: Int, _ glyph: UInt16, _ size: Double) -> Double {
        Double(faces[face].advance(of: glyph)) * size / Double(faces[face].unitsPerEm)
    }

    public func name(of face: Int) -> String { faces[face].familyNames.first ?? faces[face].postScriptName }
}
