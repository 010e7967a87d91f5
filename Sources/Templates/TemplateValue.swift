/// A value a template reads: what pages hand their theme.
///
/// Typed, so that rendering never asks the runtime what a value is. swift-mustache takes `Any`
/// and casts every value it meets to half a dozen protocols; each cast takes a global
/// reader count in the Swift runtime, and with pages rendered on both cores those casts were a
/// quarter of a full build's CPU.
public enum TemplateValue: Sendable {
    case text(String)
    case number(Int)
    case flag(Bool)
    case list([TemplateValue])
    case map([String: TemplateValue])

    /// A string, or nothing when it is nil (a key left out of a map).
    public static func text(_ value: String?) -> TemplateValue? { value.map(TemplateValue.text) }

    /// The value of `key` when this is a map.
    public subscript(key: String) -> TemplateValue? {
        if case .map(let fields) = self { return fields[key] }
        return nil
    }

    /// `{{name}}` of this value: text and numbers as they are, booleans as `true`/`false`;
    /// lists and maps print nothing.
    var printed: String {
        switch self {
        case .text(let text): text
        case .number(let number): String(number)
        case .flag(let flag): flag ? "true" : "false"
        case .list, .map: ""
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .flag(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .map(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
