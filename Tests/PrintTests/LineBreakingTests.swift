import Testing
import Typesetting

/// Chinese line breaking: 禁则, whole Latin words and numbers, justification, the 28-character grid.
@Suite(.enabled(if: TestFonts.available, "the Debian CJK fonts are not installed"))
struct LineBreakingTests {
    static let geometry = PageGeometry()

    static func lines(_ text: String, indent: Double = 0) throws -> [LineBreaker.Line] {
        let fonts = try TestFonts.fonts()
        let breaker = LineBreaker(measure: geometry.measure, tracking: geometry.bodyTracking)
        return breaker.lines(fonts.glyphs(text, role: .body, size: geometry.bodySize), firstIndent: indent)
    }

    static let twentyEight = String(repeating: "政府信息公开", count: 5).prefix(28)

    @Test("a paragraph of 56 characters fills exactly two lines of 28 at 16 pt")
    func exactGrid() throws {
        let lines = try Self.lines(String(Self.twentyEight) + String(Self.twentyEight))
        #expect(lines.map { $0.glyphs.count } == [28, 28])
        let first = try #require(lines.first)
        #expect(abs(first.offsets.last! + first.glyphs.last!.advance + Self.geometry.bodyTracking - Self.geometry.measure) < 0.01)
        #expect(!first.isJustified || abs(first.naturalWidth - Self.geometry.measure) < 0.01)
    }

    @Test("two characters of indent leave 26 on the first line")
    func indent() throws {
        let lines = try Self.lines(String(Self.twentyEight) + "政府", indent: 2 * Self.geometry.characterPitch)
        #expect(lines.map { $0.glyphs.count } == [26, 4])
    }

    @Test("no line starts with closing punctuation", arguments: ["，", "。", "、", "；", "：", "？", "！", "）", "》", "」", "』"])
    func closing(mark: String) throws {
        // The mark falls exactly on the 29th place: it takes the 28th character down with it.
        let lines = try Self.lines(String(Self.twentyEight) + mark + "公开工作")
        #expect(lines.count == 2)
        #expect(lines[0].glyphs.count == 27)
        #expect(lines[1].text.hasPrefix(String(Self.twentyEight.last!) + mark))
        // The short first line is still justified to the full measure.
        let last = lines[0]
        #expect(abs(last.offsets.last! + last.glyphs.last!.advance + Self.geometry.bodyTracking - Self.geometry.measure) < 0.01)
    }

    @Test("no line ends with an opening bracket", arguments: ["（", "《", "「", "『"])
    func opening(mark: String) throws {
        let lines = try Self.lines(String(Self.twentyEight.prefix(27)) + mark + "条例》规定")
        #expect(lines[0].glyphs.count == 27)
        #expect(lines[1].text.hasPrefix(mark))
        for line in lines { #expect(!line.text.hasSuffix(mark)) }
    }

    @Test("Latin words and numbers stay whole; Chinese breaks anywhere")
    func mixed() throws {
        let text = "全年收到申请12366件，通过个人所得税App推送提示约11.6万人次，网站完成IPv6改造和适老化改造并通过www.jiangyu.gov.cn发布信息处理费标准。"
        let lines = try Self.lines(text + text + text)
        for line in lines {
            for word in ["12366", "App", "11.6", "IPv6", "www.jiangyu.gov.cn"] {
                // A word is either on the line whole or not at all; never cut at a line end.
                let cut = (1..<word.count).contains { line.text.hasSuffix(String(word.prefix($0))) && !line.text.hasSuffix(word) && lines.last?.text != line.text }
                #expect(!cut, "\(word) cut at the end of 「\(line.text)」")
            }
            let first = try #require(line.text.unicodeScalars.first)
            #expect(!"，。、；：？！）》」』".unicodeScalars.contains(first))
        }
        #expect(lines.map(\.text).joined() == text + text + text)
    }

    @Test("spaces between Latin words are break points and are dropped at line ends")
    func spaces() throws {
        let words = Array(repeating: "open government data", count: 12).joined(separator: " ")
        let lines = try Self.lines(words)
        #expect(lines.count > 1)
        for line in lines {
            #expect(!line.text.hasPrefix(" ") && !line.text.hasSuffix(" "))
            #expect(line.text.split(separator: " ").allSatisfy { ["open", "government", "data"].contains(String($0)) })
        }
    }
}
