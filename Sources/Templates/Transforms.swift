import Foundation

// `{{count(list)}}`, `{{#empty(list)}}`, `{{#first()}}`: the functions templates may apply to a
// value, the same names and results as swift-mustache 2, which nianbao's themes were written for.

extension TemplateValue {
    /// The value `name(self)` gives, or nil when the function does not apply to this value.
    func transformed(_ name: String) -> TemplateValue? {
        switch self {
        case .text(let text):
            switch name {
            case "empty": return .flag(text.isEmpty)
            case "capitalized": return .text(text.capitalized)
            case "lowercased": return .text(text.lowercased())
            case "uppercased": return .text(text.uppercased())
            case "reversed": return .text(String(text.reversed()))
            default: return nil
            }
        case .number(let number):
            switch name {
            case "equalzero": return .flag(number == 0)
            case "plusone": return .number(number + 1)
            case "minusone": return .number(number - 1)
            case "even": return .flag(number & 1 == 0)
            case "odd": return .flag(number & 1 == 1)
            default: return nil
            }
        case .list(let items):
            switch name {
            case "first": return items.first
            case "last": return items.last
            case "reversed": return .list(items.reversed())
            case "count": return .number(items.count)
            case "empty": return .flag(items.isEmpty)
            case "sorted": return Self.sorted(items).map(TemplateValue.list)
            default: return nil
            }
        case .map(let fields):
            switch name {
            case "count": return .number(fields.count)
            case "empty": return .flag(fields.isEmpty)
            // Sorted by key either way: a dictionary's own order changes from run to run.
            case "enumerated", "sorted":
                return .list(fields.sorted { $0.key < $1.key }.map { .map(["key": .text($0.key), "value": $0.value]) })
            default: return nil
            }
        case .flag: return nil
        }
    }

    /// Texts or numbers in order; nil for anything else (there is no order between maps).
    private static func sorted(_ items: [TemplateValue]) -> [TemplateValue]? {
        var texts: [String] = []
        var numbers: [Int] = []
        for item in items {
            switch item {
            case .text(let text) where numbers.isEmpty: texts.append(text)
            case .number(let number) where texts.isEmpty: numbers.append(number)
            default: return nil
            }
        }
        return texts.isEmpty ? numbers.sorted().map(TemplateValue.number) : texts.sorted().map(TemplateValue.text)
    }
}

/// Where a list's section is: `{{#first()}}`, `{{#last()}}`, `{{index()}}`, `{{#even()}}`.
struct SequencePosition {
    var index: Int
    var isLast: Bool

    func transformed(_ name: String) -> TemplateValue? {
        switch name {
        case "first": .flag(index == 0)
        case "last": .flag(isLast)
        case "index": .number(index)
        case "even": .flag(index & 1 == 0)
        case "odd": .flag(index & 1 == 1)
        default: nil
        }
    }
}
