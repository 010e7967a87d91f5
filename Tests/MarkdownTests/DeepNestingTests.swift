import Foundation
import Markdown
import Testing

/// cmark-gfm nests as deep as the text asks: fifty thousand `>` make fifty thousand block quotes,
/// `_a _a …` as many emphases. Every walk of the tree must get through without recursing once per
/// level (the block collector of the printed report took the stack and the process with it).
/// The walks run on a thread with a 512 KB stack, as a build's worker threads have, so that a
/// recursive walk fails here at a depth the main thread's 8 MB would still hide.
@Suite("deeply nested Markdown")
struct DeepNestingTests {
    static let deepInputs = [
        String(repeating: ">", count: 50_000) + " 深",
        String(repeating: "- ", count: 50_000) + "x",
        String(repeating: "1. ", count: 20_000) + "x",
        String(repeating: "_a ", count: 20_000) + "深" + String(repeating: " a_", count: 20_000),
        String(repeating: "~~a ", count: 20_000) + "深" + String(repeating: " a~~", count: 20_000),
        String(repeating: "[a", count: 20_000) + "深" + String(repeating: "](u)", count: 20_000),
    ]

    /// Runs `body` on a thread with a small stack and waits for it.
    static func onSmallStack(_ body: @escaping @Sendable () -> Void) {
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            body()
            done.signal()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        done.wait()
    }

    @Test("blocks for print and HTML of deep input, without running out of stack", arguments: 0..<6)
    func deep(_ index: Int) {
        let markdown = Self.deepInputs[index]
        nonisolated(unsafe) var blocks: [MarkdownBlock] = []
        nonisolated(unsafe) var html = ""
        Self.onSmallStack {
            blocks = MarkdownRenderer.blocks(markdown)
            html = MarkdownRenderer.html(markdown)
        }
        let text = blocks.map { block -> String in
            switch block {
            case .paragraph(let text), .listItem(_, let text), .heading(_, let text), .code(let text): text
            case .table(let rows): rows.joined().joined()
            }
        }.joined()
        let last: Character = markdown.contains("深") ? "深" : "x"
        #expect(text.contains(last), "\(text.suffix(20))")
        #expect(html.contains(last))
    }

    @Test("five levels of quotes and lists give the same blocks as ever")
    func moderate() {
        let markdown = """
            > 引用一
            >
            > > 引用二
            > >
            > > > 引用三
            > > >
            > > > > 引用四
            > > > >
            > > > > > 引用五

            - 第一层
              1. 第二层
                 - 第三层
                   - 第四层

                     3. 第五层
                     4. 第五层又一项

                        第五层第二段
              2. 第二层又一项
            - > 项中引用
            - ## 项中标题
            - | 表 | 头 |
              | --- | --- |
              | 甲 | 乙 |
            """
        #expect(
            MarkdownRenderer.blocks(markdown) == [
                .paragraph("引用一"), .paragraph("引用二"), .paragraph("引用三"), .paragraph("引用四"), .paragraph("引用五"),
                .listItem(marker: "• ", text: "第一层"), .listItem(marker: "1. ", text: "第二层"), .listItem(marker: "• ", text: "第三层"),
                .listItem(marker: "• ", text: "第四层"), .listItem(marker: "3. ", text: "第五层"),
                .listItem(marker: "4. ", text: "第五层又一项"), .paragraph("第五层第二段"), .listItem(marker: "2. ", text: "第二层又一项"),
                .listItem(marker: "• ", text: "项中引用"), .heading(level: 2, text: "项中标题"), .table([["表", "头"], ["甲", "乙"]]),
            ])
    }

    @Test("an item that starts with a list keeps the inner marker only")
    func itemStartingWithList() {
        #expect(MarkdownRenderer.blocks("- - 甲\n  - 乙\n- 丙") == [
            .listItem(marker: "• ", text: "甲"), .listItem(marker: "• ", text: "乙"), .listItem(marker: "• ", text: "丙"),
        ])
        #expect(MarkdownRenderer.blocks("1. *强调* 与 [链接](u) `代码`\n2. ~~删~~") == [
            .listItem(marker: "1. ", text: "强调 与 链接 代码"), .listItem(marker: "2. ", text: "删"),
        ])
    }
}
