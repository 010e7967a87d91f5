/// Pages with everything placed on them, ready to be written as PDF (or inspected by a test).
public struct LaidOutDocument: Sendable {
    /// Glyphs of one face and size on one baseline.
    public struct TextRun: Sendable {
        public let face: Int
        public let size: Double
        public let x: Double
        public let y: Double
        public let glyphs: [FontSet.Glyph]
        /// Each glyph's x offset from `x`.
        public let offsets: [Double]

        public var text: String { String(String.UnicodeScalarView(glyphs.map(\.scalar))) }
    }

    /// A straight line: a table border.
    public struct Rule: Sendable {
        public let x1, y1, x2, y2: Double
        public let width: Double
    }

    public struct Page: Sendable {
        public let number: Int
        public var runs: [TextRun] = []
        public var rules: [Rule] = []

        /// The page's text, line by line from the top, for tests.
        public var text: String {
            var lines: [(y: Double, x: Double, text: String)] = runs.map { ($0.y, $0.x, $0.text) }
            lines.sort { $0.y != $1.y ? $0.y > $1.y : $0.x < $1.x }
            var out: [String] = []
            var lastY: Double?
            for line in lines {
                if let lastY, abs(lastY - line.y) < 0.5 { out[out.count - 1] += line.text } else { out.append(line.text) }
                lastY = line.y
            }
            return out.joined(separator: "\n")
        }
    }

    /// A heading's place, for the outline (bookmarks) and the table of contents.
    public struct Anchor: Sendable {
        public let title: String
        public let level: Int
        public let page: Int
        /// The top of the heading's line, in PDF points.
        public let y: Double
    }

    /// A character that no face has.
    public struct MissingCharacter: Sendable, Hashable {
        public let scalar: Unicode.Scalar
        public let face: String
        public let page: Int
    }

    public var pages: [Page]
    public var anchors: [Anchor]
    public var missing: [MissingCharacter]
}
