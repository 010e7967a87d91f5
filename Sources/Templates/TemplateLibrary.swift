/// A theme's templates by name, parsed once and rendered for every page.
///
/// Mustache as swift-mustache 2 reads it: `{{name}}` (escaped), `{{{name}}}` and `{{&name}}`,
/// sections and inverted sections, comments, partials `{{>name}}`, inheritance
/// `{{<parent}}{{$block}}…{{/block}}{{/parent}}`, `{{=<% %>=}}`, `{{%CONTENT_TYPE: TEXT}}`, and its
/// functions (`count(list)`, `first()`, …).
public struct TemplateLibrary: Sendable {
    private var templates: [String: [TemplateNode]] = [:]
    private let escape: @Sendable (String) -> String
    /// How far each render may go.
    public let limits: TemplateLimits

    /// `escape` is what `{{name}}` does to a value in HTML.
    public init(escape: @escaping @Sendable (String) -> String, limits: TemplateLimits = .standard) {
        self.escape = escape
        self.limits = limits
    }

    /// Parses `text` and keeps it as `name`, replacing a template of that name.
    public mutating func register(_ text: String, named name: String) throws(TemplateSyntaxError) {
        templates[name] = try TemplateParser.parse(text)
    }

    /// The template `name` rendered with `value` as the outermost value; nil when there is no
    /// such template. A name that stands for nothing writes nothing.
    public func render(_ value: TemplateValue, template name: String) -> RenderedTemplate? {
        guard let nodes = templates[name] else { return nil }
        var output = ""
        let renderer = TemplateRenderer(templates: templates, escape: escape, limits: limits)
        renderer.render(nodes, .init(template: name, stack: [value]), into: &output)
        return RenderedTemplate(text: output, stoppedIn: renderer.budget.stoppedIn, steps: limits.steps - renderer.budget.steps)
    }
}
