import Diagnostics
import Foundation
import SiteBuilder
import Templates
import Testing

/// Themes: chosen in nianbao.yaml, one template overridden without copying the rest, errors
/// reported with the template's line and column.
@Suite struct ThemeTests {
    @Test("a theme with one template uses it and takes the rest from the default theme")
    func overrideOneTemplate() throws {
        let copy = try SiteCopy()
        try copy.write("nianbao.yaml", try copy.read("nianbao.yaml").replacingOccurrences(of: "theme: default", with: "theme: jiangyu"))
        try copy.write("Themes/jiangyu/templates/site-footer.mustache", "<footer><p>主办：{{site.name}}　标识码 {{site.idCode}}</p></footer>\n")
        try copy.write("Themes/jiangyu/assets/extra.css", "main { color: #000; }\n")
        let build = try BuiltSite.build(copy.root)
        #expect(build.findings.isEmpty)
        for path in build.pages {
            let html = try build.text(path)
            #expect(html.contains("<footer><p>主办：江屿市人民政府门户网站　标识码 3399000001</p></footer>"), "\(path)")
            #expect(html.contains("<a class=\"skip-link\" href=\"#main\">"), "\(path)")
        }
        #expect(build.asset("assets/extra.css") != nil)
        #expect(build.asset("assets/style.css") != nil)
    }

    @Test("extends: a theme built on another theme")
    func extends() throws {
        let copy = try SiteCopy()
        try copy.write("nianbao.yaml", try copy.read("nianbao.yaml").replacingOccurrences(of: "theme: default", with: "theme: child"))
        try copy.write("Themes/child/theme.yaml", "extends: parent\n")
        try copy.write("Themes/parent/templates/site-footer.mustache", "<footer>parent footer</footer>\n")
        try copy.write("Themes/parent/templates/breadcrumbs.mustache", "<nav aria-label=\"位置\">parent</nav>\n")
        try copy.write("Themes/child/templates/breadcrumbs.mustache", "<nav aria-label=\"位置\">child</nav>\n")
        let html = try BuiltSite.build(copy.root).text("index.html")
        #expect(html.contains("<footer>parent footer</footer>"))
        #expect(html.contains(">child</nav>") && !html.contains(">parent</nav>"))
    }

    @Test("a template syntax error is a finding at its line and column, and nothing is built")
    func syntaxError() throws {
        let copy = try SiteCopy()
        try copy.write("nianbao.yaml", try copy.read("nianbao.yaml").replacingOccurrences(of: "theme: default", with: "theme: broken"))
        try copy.write("Themes/broken/templates/site-footer.mustache", "<footer>\n{{#site}}{{name}}\n{{/sight}}\n</footer>\n")
        let build = try BuiltSite.build(copy.root)
        #expect(build.files.isEmpty)
        let finding = try #require(build.findings.first { $0.rule == "theme-template" })
        #expect(finding.location.file == "Themes/broken/templates/site-footer.mustache")
        #expect(finding.location.line == 3)
        #expect(finding.severity == .error)
    }

    @Test("{{name}} in a template escapes the five HTML characters; {{{name}}} leaves them")
    func escaping() throws {
        let copy = try SiteCopy()
        let config = try copy.read("nianbao.yaml")
            .replacingOccurrences(of: "theme: default", with: "theme: plain")
            .replacingOccurrences(of: "name: 江屿市人民政府门户网站", with: "name: \"江屿 A&B <i> \\\"引\\\" 'q'\"")
        try copy.write("nianbao.yaml", config)
        try copy.write("Themes/plain/templates/site-footer.mustache", "{{#site}}\n<footer>{{name}}|{{{name}}}</footer>\n{{/site}}\n")
        let html = try BuiltSite.build(copy.root).text("index.html")
        #expect(html.contains("\n<footer>江屿 A&amp;B &lt;i&gt; &quot;引&quot; &#39;q&#39;|江屿 A&B <i> \"引\" 'q'</footer>\n"))
    }

    /// The sample built with theme `loop`, whose `template` is `text`, under small limits.
    func buildLooping(_ template: String, _ text: String) throws -> BuiltSite.Build {
        let copy = try SiteCopy()
        try copy.write("nianbao.yaml", try copy.read("nianbao.yaml").replacingOccurrences(of: "theme: default", with: "theme: loop"))
        try copy.write("Themes/loop/templates/\(template).mustache", text)
        return try BuiltSite.build(copy.root, limits: TemplateLimits(depth: 40, steps: 100_000, bytes: 1 << 20))
    }

    @Test("a template that includes itself for ever is an error finding at its file (so the build refuses)")
    func runawayTemplate() throws {
        let build = try buildLooping("site-footer", "<footer>{{>site-footer}}{{>site-footer}}</footer>\n")
        let finding = try #require(build.findings.first { $0.rule == "theme-template" })
        #expect(finding.location.file == "Themes/loop/templates/site-footer.mustache")
        #expect(finding.severity == .error)
        #expect(finding.message.contains("超出限制"))
    }

    @Test("a page template that runs away stops its own pages only: the others are made whole")
    func runawayPageOnly() throws {
        let build = try buildLooping("print", "<main>{{>print}}{{>print}}</main>\n")
        let findings = build.findings.filter { $0.rule == "theme-template" }
        #expect(findings.map(\.location.file) == ["Themes/loop/templates/print.mustache"])
        let index = try build.text("index.html")
        #expect(index.hasSuffix("</html>\n") && index.contains("jiangyu-tax/"))
        #expect(try build.text("jiangyu-tax/2024/index.html").hasSuffix("</html>\n"))
    }

    @Test("a syntax error on a template's first line is reported on line 1")
    func syntaxErrorOnFirstLine() throws {
        let copy = try SiteCopy()
        try copy.write("nianbao.yaml", try copy.read("nianbao.yaml").replacingOccurrences(of: "theme: default", with: "theme: broken"))
        try copy.write("Themes/broken/templates/site-footer.mustache", "<footer>{{#site}}{{/sight}}</footer>\n")
        let finding = try #require(try BuiltSite.build(copy.root).findings.first { $0.rule == "theme-template" })
        #expect(finding.location.line == 1)
    }

    @Test("an unknown theme is a finding at the theme key of nianbao.yaml")
    func missingTheme() throws {
        let copy = try SiteCopy()
        try copy.write("nianbao.yaml", try copy.read("nianbao.yaml").replacingOccurrences(of: "theme: default", with: "theme: nosuch"))
        let build = try BuiltSite.build(copy.root)
        let finding = try #require(build.findings.first { $0.rule == "theme-missing" })
        #expect(finding.location.file == "nianbao.yaml")
        #expect(finding.location.line == 6)
        #expect(build.files.isEmpty)
    }
}
