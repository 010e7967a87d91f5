import Mustache
import Rendering
import Templates

/// swift-mustache 2, the engine the themes were written for, as the reference the tests hold
/// nianbao's renderer to: the same templates and values must give the same text.
struct SwiftMustacheReference {
    var library = MustacheLibrary()
    /// With the escaping the site builder gives it; swift-mustache escapes by its own.
    var ours = TemplateLibrary(escape: HTML.escape)

    /// Registers `text` with both engines; the error ours gives, if any.
    mutating func register(_ text: String, named name: String) throws {
        try library.register(text, named: name)
        try ours.register(text, named: name)
    }

    /// (swift-mustache's text, ours).
    func render(_ value: TemplateValue, template: String) -> (reference: String?, ours: String?) {
        (library.render(Self.any(value), withTemplate: template), ours.render(value, template: template)?.text)
    }

    /// The value as swift-mustache takes it: strings, integers, booleans, arrays, dictionaries.
    static func any(_ value: TemplateValue) -> Any {
        switch value {
        case .text(let text): text
        case .number(let number): number
        case .flag(let flag): flag
        // Typed arrays where the items allow, as a theme's values are: `sorted` needs them.
        case .list(let items):
            if case let texts = items.compactMap({ if case .text(let text) = $0 { text } else { nil } }), texts.count == items.count, !texts.isEmpty {
                texts
            } else if case let numbers = items.compactMap({ if case .number(let number) = $0 { number } else { nil } }),
                numbers.count == items.count, !numbers.isEmpty
            {
                numbers
            } else {
                items.map(any)
            }
        case .map(let fields): fields.mapValues(any)
        }
    }
}
