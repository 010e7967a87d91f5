import Markdown
import Testing

@Suite("Chinese soft line breaks")
struct SoftBreakTests {
    @Test("a line break between two Chinese characters is not a space", arguments: [
        ("政府信息\n公开工作", "<p>政府信息公开工作</p>\n"),
        ("全年收到申请12件，\n办结10件。", "<p>全年收到申请12件，办结10件。</p>\n"),
        ("**加粗**\n文字", "<p><strong>加粗</strong>文字</p>\n"),
        ("详见\n[公开指南](https://www.gov.cn/a)", "<p>详见<a href=\"https://www.gov.cn/a\">公开指南</a></p>\n"),
    ])
    func removed(_ markdown: String, _ html: String) {
        #expect(MarkdownRenderer.html(markdown) == html)
    }

    @Test("Latin text keeps its spaces, also next to Chinese, code and links", arguments: [
        ("open\ndata", "<p>open\ndata</p>\n"),
        ("数据\nopen data", "<p>数据\nopen data</p>\n"),
        ("IPv6\n访问", "<p>IPv6\n访问</p>\n"),
        ("请运行\n`nianbao check`", "<p>请运行\n<code>nianbao check</code></p>\n"),
        ("详见\n[the guide](https://www.gov.cn/a)", "<p>详见\n<a href=\"https://www.gov.cn/a\">the guide</a></p>\n"),
    ])
    func kept(_ markdown: String, _ html: String) {
        #expect(MarkdownRenderer.html(markdown) == html)
    }
}

@Suite("autolinks and full-width punctuation")
struct AutolinkTests {
    @Test("full-width punctuation ends an autolink", arguments: [
        ("网址 https://www.gov.cn/zhengce。其他", "https://www.gov.cn/zhengce", "。其他"),
        ("见 https://www.gov.cn/a，以及", "https://www.gov.cn/a", "，以及"),
        ("（见 www.gov.cn/b）", "http://www.gov.cn/b", "）"),
        ("网站 https://www.gov.cn/c；邮箱", "https://www.gov.cn/c", "；邮箱"),
        ("「https://www.gov.cn/d」", "https://www.gov.cn/d", "」"),
    ])
    func trimmed(_ markdown: String, _ url: String, _ after: String) {
        let html = MarkdownRenderer.html(markdown)
        #expect(html.contains("href=\"\(url)\""), "\(html)")
        #expect(html.contains("</a>\(after)"), "\(html)")
    }

    @Test("Chinese characters in a URL path stay in the link")
    func ideographsStay() {
        let html = MarkdownRenderer.html("见 https://zh.wikipedia.org/wiki/政府信息公开 页面")
        #expect(html.contains("href=\"https://zh.wikipedia.org/wiki/%E6%94%BF%E5%BA%9C%E4%BF%A1%E6%81%AF%E5%85%AC%E5%BC%80\""), "\(html)")
    }

    @Test("a written link is left alone even with full-width punctuation in its text")
    func explicitLinks() {
        let html = MarkdownRenderer.html("[政府网。](https://www.gov.cn)")
        #expect(html == "<p><a href=\"https://www.gov.cn\">政府网。</a></p>\n")
    }
}

@Suite("GFM")
struct GFMTests {
    @Test("tables, strikethrough, and raw HTML left out")
    func extensions() {
        let html = MarkdownRenderer.html("| 事项 | 数量 |\n| --- | ---: |\n| 发布会 | 3 |\n\n~~旧~~\n\n<script>alert(1)</script>\n")
        #expect(html.contains("<table>"))
        #expect(html.contains("<td align=\"right\">3</td>"))
        #expect(html.contains("<del>旧</del>"))
        #expect(!html.contains("<script>"))
    }
}
