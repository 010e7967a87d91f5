import PDFWriter
import TrueType
import Typesetting

/// Writes laid-out pages as a PDF: each face used embedded once as a subset, one content stream
/// per page, the outline of the headings, and the document information from the report.
public enum PDFRenderer {
    public static func render(
        _ document: LaidOutDocument, fonts: FontSet, metadata: PrintDocument.Metadata, geometry: PageGeometry = PageGeometry(),
        producer: String
    ) -> [UInt8] {
        var writer = PDFDocumentWriter()
        // The glyphs each face draws, and the text each glyph stands for.
        var used: [Int: [UInt16: String]] = [:]
        for page in document.pages {
            for run in page.runs {
                for glyph in run.glyphs where used[run.face]?[glyph.glyph] == nil {
                    used[run.face, default: [:]][glyph.glyph] = String(glyph.scalar)
                }
            }
        }
        let faces = used.keys.sorted()
        var embedded: [Int: EmbeddedFont] = [:]
        var resources: [(String, PDFValue)] = []
        for face in faces {
            let font = EmbeddedFont(subset: FontSubset(fonts.faces[face], glyphs: Set(used[face]!.keys)), text: used[face]!, face: fonts.faces[face])
            embedded[face] = font
            resources.append(("F\(face)", .reference(font.add(to: &writer))))
        }

        let pagesReference = writer.reserve()
        var pageReferences: [PDFReference] = []
        for page in document.pages {
            let content = writer.addStream(Array(contentStream(page, embedded: embedded).utf8))
            pageReferences.append(
                writer.add(
                    .dictionary([
                        ("Type", .name("Page")), ("Parent", .reference(pagesReference)),
                        ("MediaBox", [0, 0, .real(geometry.width), .real(geometry.height)]),
                        ("Resources", .dictionary([("Font", .dictionary(resources))])), ("Contents", .reference(content)),
                    ])))
        }
        writer.set(
            pagesReference,
            .dictionary([("Type", .name("Pages")), ("Kids", .array(pageReferences.map { .reference($0) })), ("Count", .int(pageReferences.count))]))

        var catalog: [(String, PDFValue)] = [("Type", .name("Catalog")), ("Pages", .reference(pagesReference)), ("Lang", .literal("zh-CN"))]
        if let outline = Outline.add(document.anchors, pages: pageReferences, to: &writer) {
            catalog += [("Outlines", .reference(outline)), ("PageMode", .name("UseOutlines"))]
        }
        let root = writer.add(.dictionary(catalog))
        let info = writer.add(
            .dictionary([
                ("Title", .text(metadata.title)), ("Author", .text(metadata.author)), ("Subject", .text(metadata.subject)),
                ("Creator", .literal("nianbao")), ("Producer", .literal(producer)),
                ("CreationDate", .literal(metadata.date)), ("ModDate", .literal(metadata.date)),
            ]))
        return writer.finish(root: root, info: info)
    }

    /// The page's drawing operators: text runs with each glyph placed by TJ adjustments, then the rules.
    static func contentStream(_ page: LaidOutDocument.Page, embedded: [Int: EmbeddedFont]) -> String {
        var out = ""
        for run in page.runs {
            guard let font = embedded[run.face] else { continue }
            out += "BT /F\(run.face) \(PDFNumber.format(run.size)) Tf 1 0 0 1 \(PDFNumber.format(run.x)) \(PDFNumber.format(run.y)) Tm ["
            var expected = 0.0  // where the previous glyph's advance would put the next one
            for (glyph, offset) in zip(run.glyphs, run.offsets) {
                let shift = offset - expected
                if abs(shift) > 0.001 { out += PDFNumber.format(-shift / run.size * 1000) }
                out += "<" + PDFNumber.hex4(Int(font.cid(glyph.glyph))) + ">"
                expected = offset + Double(font.face.advance(of: glyph.glyph)) * run.size / Double(font.face.unitsPerEm)
            }
            out += "] TJ ET\n"
        }
        if !page.rules.isEmpty {
            out += "0 0 0 RG\n"
            var width = -1.0
            for rule in page.rules {
                if rule.width != width {
                    out += "\(PDFNumber.format(rule.width)) w\n"
                    width = rule.width
                }
                out += "\(PDFNumber.format(rule.x1)) \(PDFNumber.format(rule.y1)) m \(PDFNumber.format(rule.x2)) \(PDFNumber.format(rule.y2)) l S\n"
            }
        }
        return out
    }
}

/// The document outline (bookmarks): one entry per section heading (the anchored ones), in order.
enum Outline {
    static func add(_ anchors: [LaidOutDocument.Anchor], pages: [PDFReference], to writer: inout PDFDocumentWriter) -> PDFReference? {
        guard !anchors.isEmpty else { return nil }
        let root = writer.reserve()
        let items = anchors.map { _ in writer.reserve() }
        for (index, anchor) in anchors.enumerated() {
            var entry: [(String, PDFValue)] = [
                ("Title", .text(anchor.title)), ("Parent", .reference(root)),
                ("Dest", [.reference(pages[anchor.page - 1]), .name("XYZ"), .null, .real(anchor.y), .null]),
            ]
            if index > 0 { entry.append(("Prev", .reference(items[index - 1]))) }
            if index + 1 < items.count { entry.append(("Next", .reference(items[index + 1]))) }
            writer.set(items[index], .dictionary(entry))
        }
        writer.set(
            root,
            .dictionary([
                ("Type", .name("Outlines")), ("First", .reference(items[0])), ("Last", .reference(items[items.count - 1])),
                ("Count", .int(items.count)),
            ]))
        return root
    }
}
