import Testing
import Typesetting

/// The page flow: tables across pages, headings with their text, page numbers, contents.
@Suite(.enabled(if: TestFonts.available, "the Debian CJK fonts are not installed"))
struct PageLayoutTests {
    static func table(rows: Int) -> PrintTable {
        let header = [
            PrintTable.Cell(text: "事项", alignment: .center, isHeader: true),
            PrintTable.Cell(text: "数量（件）", alignment: .center, isHeader: true),
        ]
        let body = (1...rows).map { number in
            [PrintTable.Cell(text: "第\(number)项", alignment: .leading, isHeader: true),
             PrintTable.Cell(text: String(number * 7), alignment: .trailing, isHeader: false)]
        }
        return PrintTable(caption: "长表", columnWidths: [3, 1], rows: [header] + body, headerRowCount: 1)
    }

    static func compose(_ blocks: [PrintDocument.Block]) throws -> LaidOutDocument {
        let document = PrintDocument(blocks: blocks, metadata: .init(title: "t", author: "a", subject: "s", date: "D:20250101000000+08'00'"))
        return Composer(fonts: try TestFonts.fonts()).compose(document)
    }

    @Test("a long table crosses pages: rows stay whole and the header row starts every page")
    func headerRepeats() throws {
        let laidOut = try Self.compose([.paragraph("表格如下。"), .table(Self.table(rows: 80))])
        #expect(laidOut.pages.count >= 3)
        var seen: [Int] = []
        for page in laidOut.pages {
            let text = page.text
            #expect(text.contains("事项") && text.contains("数量（件）"), "page \(page.number) lacks the header")
            // The header sits above the page's first row.
            let lines = text.split(separator: "\n").map(String.init)
            if let header = lines.firstIndex(where: { $0.contains("数量（件）") }), let row = lines.firstIndex(where: { $0.hasPrefix("第") }) {
                #expect(header < row)
            }
            seen += lines.compactMap { line in line.hasPrefix("第") ? Int(line.dropFirst().prefix { $0 != "项" }) : nil }
        }
        #expect(seen == Array(1...80), "every row once, in order")
        // No row's box is split: every rule pair of a row lies on one page (rows are whole by construction);
        // and nothing is drawn below the text block.
        let geometry = PageGeometry()
        for page in laidOut.pages {
            for rule in page.rules { #expect(min(rule.y1, rule.y2) >= geometry.blockBottom - 0.01) }
        }
    }

    @Test("page numbers 「— n —」 outside: right on odd pages, left on even pages")
    func pageNumbers() throws {
        let laidOut = try Self.compose(Array(repeating: .paragraph(String(repeating: "政府信息公开工作年度报告。", count: 30)), count: 6))
        let geometry = PageGeometry()
        #expect(laidOut.pages.count >= 3)
        for page in laidOut.pages {
            let number = try #require(page.runs.last)
            #expect(number.text.replacingOccurrences(of: " ", with: "") == "—\(page.number)—")
            let left = geometry.left(onPage: page.number)
            if page.number % 2 == 1 {
                #expect(number.x > left + geometry.measure / 2)
            } else {
                #expect(number.x < left + geometry.measure / 2)
            }
            #expect(number.y < geometry.blockBottom)
        }
        // 22 lines of body text on a full page.
        let full = laidOut.pages[1].runs.filter { $0.size == geometry.bodySize }.map(\.y)
        #expect(Set(full.map { Int($0.rounded()) }).count == 22)
    }

    @Test("contents list the sections with the pages they start on; headings keep with their text")
    func contents() throws {
        let filler = PrintDocument.Block.paragraph(String(repeating: "本年度政府信息公开工作情况。", count: 40))
        let laidOut = try Self.compose([
            .title("测试报告"), .contents(title: "目　录"), .heading(level: 1, text: "一、总体情况", anchor: "section-1"), filler,
            .heading(level: 1, text: "二、主动公开政府信息情况", anchor: "section-2"), filler,
        ])
        let anchors = laidOut.anchors
        #expect(anchors.map(\.title) == ["一、总体情况", "二、主动公开政府信息情况"])
        let contents = laidOut.pages[0].text
        for anchor in anchors {
            let line = try #require(contents.split(separator: "\n").first { $0.hasPrefix(anchor.title) })
            #expect(line.hasSuffix(String(anchor.page)), "\(line)")
            // The heading's page also has the line after it.
            let page = laidOut.pages[anchor.page - 1].text
            let lines = page.split(separator: "\n")
            let index = try #require(lines.firstIndex { $0.hasPrefix(anchor.title) })
            #expect(index + 1 < lines.count - 1, "heading at the foot of page \(anchor.page)")
        }
    }
}
