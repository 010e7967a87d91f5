/// Breaks a paragraph into lines the way Chinese documents are set: a break may fall between any
/// two Chinese characters, Latin words and numbers stay whole, no line starts with closing
/// punctuation (，。、；：？！）》」』…) and none ends with an opening bracket (（《「『…). Every
/// line but the last is justified to the full measure.
public struct LineBreaker: Sendable {
    /// The width of a line, in points.
    public let measure: Double
    /// Added to every glyph's advance: the 公文 character grid fits 28 characters of 16 pt into
    /// 156 mm, which takes slightly less than 16 pt each.
    public let tracking: Double

    public init(measure: Double, tracking: Double = 0) {
        self.measure = measure
        self.tracking = tracking
    }

    /// A line: its glyphs with their x offsets from the line's start.
    public struct Line: Sendable {
        public let glyphs: [FontSet.Glyph]
        public let offsets: [Double]
        /// The width the glyphs take before justification.
        public let naturalWidth: Double
        public let isJustified: Bool

        public var text: String { String(String.UnicodeScalarView(glyphs.map(\.scalar))) }
    }

    /// A run of glyphs that a line never breaks inside.
    struct Unit {
        var glyphs: [FontSet.Glyph] = []
        var isSpace = false
        /// Still waiting for the character an opening bracket holds on to.
        var isOpen = false
        var isWord = false
    }

    /// The lines of `glyphs`; `firstIndent` is taken off the first line's measure.
    public func lines(_ glyphs: [FontSet.Glyph], firstIndent: Double = 0, justify: Bool = true) -> [Line] {
        let units = Self.units(glyphs)
        var lines: [[Unit]] = []
        var current: [Unit] = []
        var width = 0.0
        func available() -> Double { measure - (lines.isEmpty ? firstIndent : 0) }
        func close() {
            while current.last?.isSpace == true { current.removeLast() }
            if !current.isEmpty { lines.append(current) }
            current = []
            width = 0
        }
        for unit in units {
            if unit.isSpace && current.isEmpty { continue }
            let unitWidth = self.width(unit.glyphs)
            if width + unitWidth <= available() + 0.01 {
                current.append(unit)
                width += unitWidth
                continue
            }
            if unit.isSpace {
                close()
                continue
            }
            close()
            if unitWidth > available() + 0.01 {
                // Wider than a line on its own (a long URL): cut it where it must be cut.
                var piece = Unit()
                for glyph in unit.glyphs {
                    if !piece.glyphs.isEmpty, self.width(piece.glyphs + [glyph]) > available() + 0.01 {
                        current = [piece]
                        close()
                        piece = Unit()
                    }
                    piece.glyphs.append(glyph)
                }
                current = [piece]
                width = self.width(piece.glyphs)
            } else {
                current = [unit]
                width = unitWidth
            }
        }
        close()
        return lines.enumerated().map { index, units in
            layout(units, measure: measure - (index == 0 ? firstIndent : 0), justify: justify && index < lines.count - 1)
        }
    }

    func width(_ glyphs: [FontSet.Glyph]) -> Double { glyphs.reduce(0) { $0 + $1.advance + tracking } }

    /// Places the units of a line, spreading the spare width over the gaps between units.
    func layout(_ units: [Unit], measure: Double, justify: Bool) -> Line {
        let natural = units.reduce(0) { $0 + width($1.glyphs) }
        let gaps = max(units.count - 1, 0)
        let extra = justify && gaps > 0 ? max(0, measure - natural) / Double(gaps) : 0
        var glyphs: [FontSet.Glyph] = []
        var offsets: [Double] = []
        var x = 0.0
        for (index, unit) in units.enumerated() {
            if index > 0 { x += extra }
            for glyph in unit.glyphs {
                glyphs.append(glyph)
                offsets.append(x)
                x += glyph.advance + tracking
            }
        }
        return Line(glyphs: glyphs, offsets: offsets, naturalWidth: natural, isJustified: justify && gaps > 0)
    }

    /// Groups glyphs into unbreakable units by the 禁则.
    static func units(_ glyphs: [FontSet.Glyph]) -> [Unit] {
        var units: [Unit] = []
        var current = Unit()
        func close() {
            if !current.glyphs.isEmpty { units.append(current) }
            current = Unit()
        }
        for glyph in glyphs {
            switch CharacterClass(glyph.scalar) {
            case .space:
                close()
                units.append(Unit(glyphs: [glyph], isSpace: true))
            case .closing:
                // Stays with what precedes it, even across a space.
                if current.glyphs.isEmpty, let last = units.last, !last.isSpace {
                    current = units.removeLast()
                }
                current.glyphs.append(glyph)
                current.isWord = false
                current.isOpen = false
            case .opening:
                if !current.isOpen { close() }
                current.glyphs.append(glyph)
                current.isOpen = true
            case .ideographic:
                if !current.isOpen { close() }
                current.glyphs.append(glyph)
                current.isOpen = false
                current.isWord = false
            case .word:
                if !(current.isOpen || current.isWord) { close() }
                current.glyphs.append(glyph)
                current.isOpen = false
                current.isWord = true
            }
        }
        close()
        return units
    }
}
