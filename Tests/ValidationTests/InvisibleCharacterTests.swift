import Testing

@testable import SiteModel

/// Invisible characters are found wherever they sit, and ordinary Chinese text (whose
/// punctuation shares their lead bytes) is passed quickly.
@Suite struct InvisibleCharacterTests {
    @Test("each kind of invisible character is found at the start, in the middle and at the end")
    func found() {
        for hidden in ["\u{200B}", "\u{202E}", "\u{2066}", "\u{FEFF}", "\u{061C}", "\u{200F}"] {
            for text in [hidden + "年报", "政府信息“公开”" + hidden + "年报", "年报，“依申请”" + hidden] {
                #expect(InvisibleCharacters.mayContain(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
                #expect(InvisibleCharacters.findings(in: text, file: "a.md").count == 1)
            }
        }
    }

    @Test("quotes, dashes and ellipses of Chinese text are not invisible characters")
    func ordinaryText() {
        let text = "“政府信息公开”——依申请公开……第一条。‘单引号’，\u{2022} 项目；ﬁ 连字；ؠ 阿拉伯字母"
        #expect(!InvisibleCharacters.mayContain(text))
        #expect(InvisibleCharacters.findings(in: text, file: "a.md").isEmpty)
    }
}
