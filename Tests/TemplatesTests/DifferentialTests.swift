import Foundation
import Templates
import Testing

/// nianbao's renderer against swift-mustache 2 on the same templates and values: themes written
/// for swift-mustache render the same, whitespace included.
@Suite("Templates render as swift-mustache does")
struct DifferentialTests {
    static let value: TemplateValue = [
        "title": "年报 <2024> & \"引\" 'q'",
        "empty": "",
        "zero": 0,
        "count": 3,
        "yes": true,
        "no": false,
        "site": ["name": "江屿", "idCode": "3100000001", "nested": ["deep": "最深"]],
        "names": ["丙", "甲", "乙"],
        "numbers": [3, 1, 2],
        "none": [],
        "rows": [
            ["name": "第一", "url": "a.html", "current": true],
            ["name": "第二", "url": "b.html"],
            ["name": "第三", "url": "c.html", "title": "内层标题"],
        ],
        "body": "<p>正文</p>\n<p>第二段</p>",
        "partialName": "footer",
    ]

    /// Templates that exercise one rule each, named for what they show.
    static let cases: [(String, String)] = [
        ("escaped and unescaped", "{{title}}|{{{title}}}|{{&title}}|{{ title }}"),
        ("dotted names and missing keys", "{{site.name}}/{{site.nested.deep}}/{{site.missing}}/{{missing.name}}"),
        ("numbers and booleans print", "{{count}} {{zero}} {{yes}} {{no}}"),
        ("sections on values", "{{#site}}{{name}}{{/site}}{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{#missing}}M{{/missing}}{{#empty}}E{{/empty}}{{#zero}}Z{{/zero}}"),
        ("inverted sections", "{{^site}}S{{/site}}{{^yes}}Y{{/yes}}{{^no}}N{{/no}}{{^missing}}M{{/missing}}{{^none}}empty{{/none}}{{^rows}}R{{/rows}}"),
        ("lists and the context stack", "{{#rows}}[{{name}} {{title}} {{site.name}}{{#current}}*{{/current}}]{{/rows}}"),
        ("implicit iterator", "{{#names}}<{{.}}>{{/names}}{{#numbers}}{{.}},{{/numbers}}"),
        ("dot names look only at the innermost value", "{{#rows}}({{.title}}){{/rows}}"),
        ("standalone section lines go", "<ul>\n{{#rows}}\n  <li>{{name}}</li>\n{{/rows}}\n</ul>\n"),
        ("indented standalone tags", "a\n  {{#yes}}\n  b\n  {{/yes}}\nc\n  {{! comment }}\nd\n"),
        ("tags sharing a line keep it", "x {{#yes}}y{{/yes}} z\n  {{#no}}n{{/no}}  \nend"),
        ("comments", "a{{! one }}b\n{{!\nmany\nlines\n}}\nc"),
        ("set delimiters", "{{=<% %>=}}\n<%title%> {{title}}\n<%={{ }}=%>\n{{count}}"),
        ("text content type", "{{title}}\n{{%CONTENT_TYPE: TEXT}}\n{{title}}\n"),
        ("functions", "{{count(names)}} {{count(rows)}} {{#empty(none)}}none{{/empty(none)}} {{uppercased(site.name)}} {{plusone(count)}} {{minusone(count)}}"),
        ("sorted, reversed, first and last", "{{#sorted(names)}}{{.}}{{/sorted(names)}} {{#reversed(numbers)}}{{.}}{{/reversed(numbers)}} {{first(names)}}{{last(names)}}"),
        ("positions in a list", "{{#rows}}{{#first()}}^{{/first()}}{{index()}}{{#even()}}e{{/even()}}{{#odd()}}o{{/odd()}}{{#last()}}${{/last()}}{{^last()}},{{/last()}}{{/rows}}"),
        ("integer functions", "{{#equalzero(zero)}}0{{/equalzero(zero)}}{{#even(count)}}e{{/even(count)}}{{#odd(count)}}o{{/odd(count)}}"),
        ("nested functions", "{{plusone(count(names))}}"),
        ("CRLF lines", "a\r\n{{#yes}}\r\nb\r\n{{/yes}}\r\nc"),
        ("trailing whitespace without a newline", "{{title}}\n   "),
        ("a brace that is not a tag", "{ {x} }{{title}}{ x"),
    ]

    @Test("one rule at a time", arguments: cases.map(\.0))
    func singleTemplates(_ name: String) throws {
        let text = try #require(Self.cases.first { $0.0 == name }?.1)
        var engines = SwiftMustacheReference()
        try engines.register(text, named: "page")
        let (reference, ours) = engines.render(Self.value, template: "page")
        #expect(ours == reference, "\(name): \(text.debugDescription)")
    }

    @Test("partials: indentation, dynamic names, nesting")
    func partials() throws {
        var engines = SwiftMustacheReference()
        try engines.register("<footer>\n{{site.name}}\n<p>{{body}}</p>\n</footer>\n", named: "footer")
        try engines.register("<li>{{name}}</li>\n{{#rows}}{{/rows}}", named: "row")
        try engines.register(
            "<main>\n  {{>footer}}\n{{#rows}}\n    {{>row}}\n{{/rows}}\n{{>*partialName}}\n{{>missing}}\n</main>\n", named: "page")
        let (reference, ours) = engines.render(Self.value, template: "page")
        #expect(ours == reference)
    }

    @Test("inheritance: a parent's blocks, overridden, defaulted and nested in partials")
    func inheritance() throws {
        var engines = SwiftMustacheReference()
        try engines.register(
            "<html>\n<title>{{$title}}默认标题{{/title}}</title>\n{{>header}}\n<main>\n{{$main}}{{/main}}\n</main>\n{{$scripts}}<script></script>{{/scripts}}\n</html>\n",
            named: "layout")
        try engines.register("<header>{{$banner}}横幅{{/banner}}</header>\n", named: "header")
        try engines.register(
            "{{<layout}}\n{{$title}}{{title}}{{/title}}\n{{$banner}}新横幅{{/banner}}\n{{$main}}\n<article>\n{{#rows}}\n<p>{{name}}</p>\n{{/rows}}\n</article>\n{{/main}}\n{{/layout}}\n",
            named: "page")
        try engines.register("  {{<layout}}\n  {{$main}}\n    <p>缩进</p>\n  {{/main}}\n  {{/layout}}\n", named: "indented")
        for template in ["page", "indented"] {
            let (reference, ours) = engines.render(Self.value, template: template)
            #expect(ours == reference, "\(template)")
        }
    }

    @Test("every template of the default theme, on a page's values")
    func defaultTheme() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Themes/default/templates")
        var engines = SwiftMustacheReference()
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        #expect(files.count >= 10)
        for file in files {
            try engines.register(String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8), named: String(file.dropLast(9)))
        }
        for file in files {
            let (reference, ours) = engines.render(ThemeValues.page, template: String(file.dropLast(9)))
            #expect(ours == reference, "\(file)")
            #expect((ours ?? "").count > 100, "\(file) rendered almost nothing")
        }
    }
}
