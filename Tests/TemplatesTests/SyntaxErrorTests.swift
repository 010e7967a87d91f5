import Foundation
import Templates
import Testing

/// A template that does not parse says what is wrong, on which line and column.
@Suite("Template syntax errors")
struct SyntaxErrorTests {
    func problem(_ text: String) -> TemplateSyntaxError? {
        var library = TemplateLibrary(escape: { $0 })
        do {
            try library.register(text, named: "page")
            return nil
        } catch {
            return error
        }
    }

    @Test("a section closed under another name points at the closing tag")
    func wrongClose() throws {
        let error = try #require(problem("<footer>\n{{#site}}{{name}}\n{{/sight}}\n</footer>\n"))
        #expect(error.problem == .closesAnotherSection(found: "sight", expected: "site"))
        #expect((error.line, error.column, error.lineText) == (3, 4, "{{/sight}}"))
        #expect(error.message.contains("{{/sight}}") && error.message.contains("{{#site}}"))
    }

    @Test("a section left open is reported at the end with its name")
    func unclosed() throws {
        let error = try #require(problem("{{#rows}}\n<li>{{name}}</li>\n"))
        #expect(error.problem == .unclosedSection("rows"))
        #expect(error.line == 3)
    }

    @Test("tags that do not finish, names with other characters, unknown pragmas, text in a parent")
    func otherProblems() {
        #expect(problem("a {{title")?.problem == .unfinishedTag)
        #expect(problem("{{标题}}")?.problem == .unfinishedTag)
        #expect(problem("{{count(rows}}")?.problem == .unfinishedTag)
        #expect(problem("{{{body}}")?.problem == .unfinishedTag)
        #expect(problem("{{! never closed")?.problem == .unfinishedTag)
        #expect(problem("{{=<% %>}}")?.problem == .badDelimiters)
        #expect(problem("{{%CONTENT_TYPE: PDF}}")?.problem == .unknownPragma)
        #expect(problem("{{<layout}}{{#x}}{{/x}}{{/layout}}")?.problem == .notABlockInParent)
        #expect(problem("{{/rows}}")?.problem == .closesAnotherSection(found: "rows", expected: nil))
        #expect(problem("{{#a}}{{#b}}{{/b}}{{/a}}{{count(x)}}{{{y}}}{{&z}}{{>p}}{{! c }}") == nil)
    }
}

/// What a theme cannot do to nianbao: nest without end, or include itself for ever.
@Suite("Template limits")
struct TemplateLimitTests {
    @Test("a hundred sections inside one another parse; past that the template is refused at the innermost tag")
    func nesting() throws {
        func nested(_ depth: Int) -> String {
            String(repeating: "{{#a}}\n", count: depth) + "x" + String(repeating: "{{/a}}", count: depth)
        }
        var library = TemplateLibrary(escape: { $0 })
        try library.register(nested(100), named: "deep")
        #expect(library.render(["a": true], template: "deep")?.text == "x")
        for depth in [101, 100_000] {
            do {
                try library.register(nested(depth), named: "deeper")
                Issue.record("\(depth) sections parsed")
            } catch {
                #expect(error.problem == .nestedTooDeep)
                #expect((error.line, error.column, error.lineText) == (101, 1, "{{#a}}"))
            }
        }
    }

    /// Small limits, so that each case reaches them quickly.
    static let limits = TemplateLimits(depth: 40, steps: 200_000, bytes: 1 << 20)

    @Test(
        "a template that would grow for ever stops at a limit and says so",
        arguments: [
            ("a partial including itself", "<{{>page}}>"),
            ("a partial including itself twice", "{{>page}}{{>page}}"),
            ("the same, with text", String(repeating: "长", count: 1000) + "{{>page}}{{>page}}"),
            ("a block whose override holds itself", "{{$x}}{{/x}}{{<page}}{{$x}}{{$x}}{{/x}}{{/x}}{{/page}}"),
            ("a list inside itself, twenty deep", String(repeating: "{{#list}}", count: 20) + "x" + String(repeating: "{{/list}}", count: 20)),
            ("indentation of a million lines", String(repeating: " ", count: 1000) + "{{>lines}}\n"),
            ("a partial inside a hundred sections on nothing", String(repeating: "{{^x}}", count: 100) + "{{>page}}" + String(repeating: "{{/x}}", count: 100)),
            ("a partial inside a hundred sections on true", String(repeating: "{{#yes}}", count: 100) + "{{>page}}" + String(repeating: "{{/yes}}", count: 100)),
            ("an indented partial writing a lot, inside itself", String(repeating: "长", count: 5000) + "\n {{>page}}\n"),
        ])
    func runaway(_ name: String, _ text: String) throws {
        var library = TemplateLibrary(escape: { $0 }, limits: Self.limits)
        try library.register(text, named: "page")
        try library.register(String(repeating: "\n", count: 1_000_000), named: "lines")
        let rendered = try #require(library.render(["list": ["a", "b", "c", "d", "e"], "yes": true], template: "page"))
        #expect(rendered.stoppedAtLimit, "\(name)")
        #expect(rendered.text.utf8.count <= Self.limits.bytes + 4000, "\(name)")
    }

    @Test("sections on true or on nothing count toward the depth, as sections on values do", arguments: ["{{^x}}", "{{#yes}}", "{{#site}}"])
    func sectionsAreDeep(_ open: String) throws {
        let close = open.replacingOccurrences(of: "{{^", with: "{{/").replacingOccurrences(of: "{{#", with: "{{/")
        var library = TemplateLibrary(escape: { $0 }, limits: Self.limits)
        try library.register(String(repeating: open, count: 100) + "{{>page}}" + String(repeating: close, count: 100), named: "page")
        let rendered = try #require(library.render(["yes": true, "site": ["name": "站"]], template: "page"))
        #expect(rendered.stoppedAtLimit)
        // Stopped 40 deep, inside the first render: not after 40 partials of 100 sections each.
        #expect(rendered.steps <= Self.limits.depth + 2, "\(rendered.steps) steps")
    }

    @Test("the default theme's index of 20,000 reports stays far inside the standard limits")
    func largestPage() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Themes/default/templates")
        var library = TemplateLibrary(escape: { $0 })
        for name in ["layout", "index", "site-header", "site-footer", "breadcrumbs"] {
            try library.register(String(contentsOf: folder.appendingPathComponent(name + ".mustache"), encoding: .utf8), named: name)
        }
        let report: TemplateValue = [
            "year": 2024, "title": "年报", "url": "a/2024/", "published": "2025-01-20", "status": "按期发布", "statusClass": "ok",
        ]
        let agency: TemplateValue = ["name": "机关", "slug": "a", "kind": "部门", "url": "a/", "reports": .list(Array(repeating: report, count: 5))]
        guard case .map(var page) = ThemeValues.page else {
            Issue.record("ThemeValues.page is not a map")
            return
        }
        page["agencies"] = .list(Array(repeating: agency, count: 4000))
        let rendered = try #require(library.render(.map(page), template: "index"))
        #expect(!rendered.stoppedAtLimit)
        #expect(rendered.steps < TemplateLimits.standard.steps / 10, "\(rendered.steps) steps")
        #expect(rendered.text.utf8.count < TemplateLimits.standard.bytes / 10)
    }

    @Test("nested lists through a partial render to the data's depth, within the limits")
    func recursion() throws {
        var library = TemplateLibrary(escape: { $0 }, limits: Self.limits)
        try library.register("<li>{{name}}{{#children}}<ul>{{>node}}</ul>{{/children}}</li>", named: "node")
        let tree: TemplateValue = [
            "name": "一", "children": [["name": "二", "children": [["name": "三", "children": []]]], ["name": "四", "children": []]],
        ]
        let rendered = try #require(library.render(tree, template: "node"))
        #expect(rendered.text == "<li>一<ul><li>二<ul><li>三</li></ul></li></ul><ul><li>四</li></ul></li>")
        #expect(!rendered.stoppedAtLimit)
        // A leaf without its own `children` finds its parent's (Mustache looks outwards): the
        // recursion never ends by itself, and stops at the limit instead of taking the stack.
        let leaky = try #require(library.render(["name": "一", "children": [["name": "二"]]], template: "node"))
        #expect(leaky.stoppedAtLimit)
    }
}
