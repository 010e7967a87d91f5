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
