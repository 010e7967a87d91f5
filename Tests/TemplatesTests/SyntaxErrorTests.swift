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
    @Test("a hundred sections inside one another parse; a hundred and one are refused at the innermost")
    func nesting() throws {
        func nested(_ depth: Int) -> String {
            String(repeating: "{{#a}}", count: depth) + "x" + String(repeating: "{{/a}}", count: depth)
        }
        var library = TemplateLibrary(escape: { $0 })
        try library.register(nested(100), named: "deep")
        #expect(library.render(["a": true], template: "deep") == "x")
        #expect(throws: TemplateSyntaxError.self) { try library.register(nested(101), named: "deeper") }
        do {
            try library.register(String(repeating: "{{#a}}", count: 100_000), named: "huge")
            Issue.record("100,000 open sections parsed")
        } catch {
            #expect(error.problem == .nestedTooDeep)
        }
    }

    @Test("a partial that includes itself stops, and nested lists through a partial render to the data's depth")
    func recursion() throws {
        var library = TemplateLibrary(escape: { $0 })
        try library.register("<{{>loop}}>", named: "loop")
        let looped = try #require(library.render([:], template: "loop"))
        #expect(looped.hasPrefix("<<<") && looped.hasSuffix(">>>"))
        #expect(looped.count == 2 * (1 + 64))  // the template itself and 64 partials inside it
        // Twice at each level would be 2^64 partials: a page stops after 100,000, or 64 MB.
        try library.register("{{>twice}}{{>twice}}", named: "twice")
        #expect(library.render([:], template: "twice") == "")
        try library.register("\(String(repeating: "长", count: 1000)){{>wide}}{{>wide}}", named: "wide")
        let wide = try #require(library.render([:], template: "wide"))
        #expect(wide.utf8.count > 64 << 20 && wide.utf8.count < 65 << 20)
        try library.register("<li>{{name}}{{#children}}<ul>{{>node}}</ul>{{/children}}</li>", named: "node")
        let tree: TemplateValue = [
            "name": "一", "children": [["name": "二", "children": [["name": "三", "children": []]]], ["name": "四", "children": []]],
        ]
        #expect(library.render(tree, template: "node") == "<li>一<ul><li>二<ul><li>三</li></ul></li></ul><ul><li>四</li></ul></li>")
        // A leaf without its own `children` finds its parent's (Mustache looks outwards): the
        // recursion never ends by itself, and stops at the limit instead of taking the stack.
        let leaky: TemplateValue = ["name": "一", "children": [["name": "二"]]]
        #expect((library.render(leaky, template: "node") ?? "").components(separatedBy: "<li>二").count - 1 == 64)
    }
}
