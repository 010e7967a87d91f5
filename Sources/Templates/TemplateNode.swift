/// A parsed template: text and tags, sections holding their own nodes.
indirect enum TemplateNode: Sendable {
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}`.
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when `inverted`.
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `{{>name}}` (`{{>*name}}` takes the name from the value `name`), or `{{<name}}…{{/name}}`
    /// with the blocks it overrides. `indentation` is the whitespace before a tag on a line of its own.
    case partial(String, dynamic: Bool, indentation: String?, overrides: [String: [TemplateNode]]?)
    /// `{{$name}}default{{/name}}`: replaced by the block of that name a parent was given.
    case block(String, defaults: [TemplateNode], indentation: String?)
    /// `{{$name}}…{{/name}}` directly inside `{{<parent}}`: the override itself.
    case blockDefinition(String, [TemplateNode])
    /// `{{%CONTENT_TYPE: HTML}}` or `TEXT`: whether `{{name}}` escapes from here on.
    case contentType(escapes: Bool)
}

/// A tag's name as the template wrote it, split once: `report.title`, `.`, `count(rows)`,
/// `first()`.
struct TemplateName: Sendable, Equatable {
    enum Lookup: Sendable, Equatable {
        /// `.`: the value the section is on.
        case dot
        /// `first()`, `index()`: the place in the list being iterated.
        case position
        /// `.name`: only the current value, not the ones around it.
        case current(path: [String])
        /// `name.more`: the first name looked up from the innermost value outwards.
        case stack(path: [String])
    }

    /// As written, without functions: what `{{/name}}` must repeat.
    let written: String
    /// The functions, outermost first, as written.
    let transforms: [String]
    let lookup: Lookup

    init(_ written: String, transforms: [String]) {
        self.written = written
        self.transforms = transforms
        let path = written.split(separator: ".").map(String.init)
        if written == "." {
            lookup = .dot
        } else if written.isEmpty && !transforms.isEmpty {
            lookup = .position
        } else if written.first == "." {
            lookup = .current(path: path)
        } else {
            lookup = .stack(path: path)
        }
    }
}
