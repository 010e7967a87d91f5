/// Flows a `PrintDocument` onto A4 pages: body lines on the 22-line grid, headings kept with the
/// line after them, tables ruled with rows kept whole and header rows repeated, page numbers
/// outside (odd) and inside (even), a table of contents with the pages the headings fell on.
public struct Composer: Sendable {
    public let fonts: FontSet
    public let geometry: PageGeometry

    public init(fonts: FontSet, geometry: PageGeometry = PageGeometry()) {
        self.fonts = fonts
        self.geometry = geometry
    }

    /// Lays the document out twice: the second time the table of contents knows its pages.
    public func compose(_ document: PrintDocument) -> LaidOutDocument {
        var draft = Flow(composer: self, contentsPages: [:])
        let first = draft.run(document.blocks)
        let pages = Dictionary(first.anchors.map { ($0.title, $0.page) }, uniquingKeysWith: { earlier, _ in earlier })
        var final = Flow(composer: self, contentsPages: pages)
        return final.run(document.blocks)
    }
}

/// One pass of the layout: a cursor moving down the pages.
struct Flow {
    let composer: Composer
    let contentsPages: [String: Int]
    var geometry: PageGeometry { composer.geometry }
    var fonts: FontSet { composer.fonts }

    var pages: [LaidOutDocument.Page] = []
    var anchors: [LaidOutDocument.Anchor] = []
    /// The top of the next free space on the current page.
    var cursor = 0.0

    init(composer: Composer, contentsPages: [String: Int]) {
        self.composer = composer
        self.contentsPages = contentsPages
    }

    var pageNumber: Int { pages.count }
    var left: Double { geometry.left(onPage: pageNumber) }

    mutating func newPage() {
        pages.append(LaidOutDocument.Page(number: pages.count + 1))
        cursor = geometry.blockTop
    }

    /// Space left on the page below the cursor.
    var remaining: Double { cursor - geometry.blockBottom }

    mutating func run(_ blocks: [PrintDocument.Block]) -> LaidOutDocument {
        newPage()
        for (index, block) in blocks.enumerated() {
            switch block {
            case .title(let text): centred(text, role: .title, size: geometry.titleSize, pitch: geometry.linePitch * 1.4)
            case .subtitle(let text):
                centred(text, role: .body, size: geometry.bodySize, pitch: geometry.linePitch)
                cursor -= geometry.linePitch
            case .contents(let title): contents(title, blocks: blocks[(index + 1)...])
            case .heading(let level, let text, let anchor): heading(level, text, anchor: anchor)
            case .paragraph(let text): paragraph(text, role: .body, indent: 2 * geometry.characterPitch)
            case .listItem(let marker, let text): paragraph(marker + text, role: .body, indent: 2 * geometry.characterPitch)
            case .table(let table): TableComposer(table: table).place(into: &self)
            case .pageBreak: if cursor < geometry.blockTop { newPage() }
            }
        }
        numberPages()
        var missing: [LaidOutDocument.MissingCharacter] = []
        for page in pages {
            for run in page.runs {
                for glyph in run.glyphs where !glyph.isFound {
                    missing.append(.init(scalar: glyph.scalar, face: fonts.name(of: run.face), page: page.number))
                }
            }
        }
        return LaidOutDocument(pages: pages, anchors: anchors, missing: missing)
    }

    /// Moves to a new page unless `height` fits below the cursor.
    mutating func ensure(_ height: Double) {
        if remaining < height - 0.01 { newPage() }
    }

    mutating func place(_ run: LaidOutDocument.TextRun) { pages[pages.count - 1].runs.append(run) }
    mutating func place(_ rule: LaidOutDocument.Rule) { pages[pages.count - 1].rules.append(rule) }

    /// Writes `line` on the next line slot, `indent` from the left edge.
    mutating func setLine(_ line: LineBreaker.Line, size: Double, indent: Double, pitch: Double) {
        ensure(pitch)
        let y = geometry.baseline(slotTop: cursor, size: size, pitch: pitch)
        for run in Self.runs(line, size: size, x: left + indent, y: y) { place(run) }
        cursor -= pitch
    }

    /// A line's glyphs split into runs of one face each.
    static func runs(_ line: LineBreaker.Line, size: Double, x: Double, y: Double) -> [LaidOutDocument.TextRun] {
        var runs: [LaidOutDocument.TextRun] = []
        var start = 0
        while start < line.glyphs.count {
            let face = line.glyphs[start].face
            var end = start
            while end < line.glyphs.count, line.glyphs[end].face == face { end += 1 }
            let base = line.offsets[start]
            runs.append(
                .init(
                    face: face, size: size, x: x + base, y: y, glyphs: Array(line.glyphs[start..<end]),
                    offsets: line.offsets[start..<end].map { $0 - base }))
            start = end
        }
        return runs
    }

    mutating func paragraph(_ text: String, role: FontSet.Role, indent: Double) {
        let size = geometry.bodySize
        let breaker = LineBreaker(measure: geometry.measure, tracking: geometry.bodyTracking)
        let lines = breaker.lines(fonts.glyphs(text, role: role, size: size), firstIndent: indent)
        for (index, line) in lines.enumerated() {
            setLine(line, size: size, indent: index == 0 ? indent : 0, pitch: geometry.linePitch)
        }
    }

    mutating func heading(_ level: Int, _ text: String, anchor: String?) {
        let role: FontSet.Role = level <= 1 ? .heading : level == 2 ? .subheading : .body
        // Keep the heading with the first line of what follows it.
        ensure(2 * geometry.linePitch)
        if anchor != nil {
            anchors.append(.init(title: text, level: level, page: pageNumber, y: cursor))
        }
        paragraph(text, role: role, indent: 2 * geometry.characterPitch)
    }

    mutating func centred(_ text: String, role: FontSet.Role, size: Double, pitch: Double) {
        let tracking = role == .body ? geometry.bodyTracking : 0
        let breaker = LineBreaker(measure: geometry.measure, tracking: tracking)
        for line in breaker.lines(fonts.glyphs(text, role: role, size: size), justify: false) {
            setLine(line, size: size, indent: max(0, (geometry.measure - line.naturalWidth) / 2), pitch: pitch)
        }
    }

    /// 「目　录」, then one line per anchored heading that follows, with dot leaders and its page.
    mutating func contents(_ title: String, blocks: ArraySlice<PrintDocument.Block>) {
        centred(title, role: .heading, size: geometry.bodySize, pitch: geometry.linePitch)
        let size = geometry.bodySize
        for case .heading(let level, let text, let anchor?) in blocks where level == 1 || anchor.hasPrefix("section-") {
            let number = String(contentsPages[text] ?? 0)
            let label = fonts.glyphs(text, role: .body, size: size)
            let digits = fonts.glyphs(number, role: .body, size: size)
            let dot = fonts.glyphs("·", role: .body, size: size).first
            let labelWidth = label.reduce(0) { $0 + $1.advance + geometry.bodyTracking }
            let digitsWidth = digits.reduce(0) { $0 + $1.advance }
            let indent = 2 * geometry.characterPitch
            var glyphs = label
            var offsets: [Double] = []
            var x = 0.0
            for glyph in label {
                offsets.append(x)
                x += glyph.advance + geometry.bodyTracking
            }
            if let dot {  // leaders from after the label to before the number
                let end = geometry.measure - indent - digitsWidth - dot.advance
                var position = labelWidth + dot.advance / 2
                while position < end {
                    glyphs.append(dot)
                    offsets.append(position)
                    position += dot.advance
                }
            }
            var digitX = geometry.measure - indent - digitsWidth
            for glyph in digits {
                glyphs.append(glyph)
                offsets.append(digitX)
                digitX += glyph.advance
            }
            let entry = LineBreaker.Line(glyphs: glyphs, offsets: offsets, naturalWidth: x, isJustified: false)
            setLine(entry, size: size, indent: indent, pitch: geometry.linePitch)
        }
    }

    /// 「— 1 —」 in 4号, 7 mm below the text block: right (one character in) on odd pages, left on even.
    mutating func numberPages() {
        let size = geometry.pageNumberSize
        for index in pages.indices {
            let number = index + 1
            let glyphs = fonts.glyphs("— \(number) —", role: .body, size: size)
            var offsets: [Double] = []
            var x = 0.0
            for glyph in glyphs {
                offsets.append(x)
                x += glyph.advance
            }
            let blockLeft = geometry.left(onPage: number)
            let start = number % 2 == 1 ? blockLeft + geometry.measure - size - x : blockLeft + size
            let y = geometry.blockBottom - 7 * PageGeometry.millimetre - size * 0.8
            let label = LineBreaker.Line(glyphs: glyphs, offsets: offsets, naturalWidth: x, isJustified: false)
            pages[index].runs += Self.runs(label, size: size, x: start, y: y)
        }
    }
}
