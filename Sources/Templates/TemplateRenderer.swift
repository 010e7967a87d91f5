/// Renders nodes against a stack of values, into one string.
struct TemplateRenderer {
    let templates: [String: [TemplateNode]]
    let escape: @Sendable (String) -> String
    /// What one page may still do: a partial that includes itself twice doubles at each level,
    /// and the depth limit alone would let that run for ever. Past 100,000 partials or 64 MB
    /// written, partials write nothing (the largest page of 20,000 reports, the index, is 7 MB).
    let budget = Budget()

    final class Budget {
        var partials = 100_000
        var bytes = 64 << 20
        var exhausted: Bool { partials <= 0 || bytes <= 0 }
    }

    /// Where a render is: the values from the page down to the innermost section's, and what
    /// partials and blocks passed down.
    struct Scope {
        var stack: [TemplateValue]
        var position: SequencePosition? = nil
        var indentation: String? = nil
        var overrides: [String: [TemplateNode]]? = nil
        var escapes = true
        /// Partials and parents open around this point.
        var partials = 0

        func entering(_ value: TemplateValue, at position: SequencePosition? = nil) -> Scope {
            var scope = self
            scope.stack.append(value)
            scope.position = position
            return scope
        }

        /// For a partial or a block: indented further, no list position; a partial also gets
        /// the blocks its parent tag overrides (those from further out win) and escapes again.
        func nested(indentation extra: String?, overrides added: [String: [TemplateNode]]?, isPartial: Bool) -> Scope {
            var scope = self
            scope.position = nil
            if let extra { scope.indentation = (indentation ?? "") + extra }
            if let added { scope.overrides = overrides?.merging(added) { outer, _ in outer } ?? added }
            if isPartial {
                scope.escapes = true
                scope.partials += 1
            }
            return scope
        }
    }

    /// Partials inside partials deeper than this write nothing.
    static let maximumPartialDepth = 64

    func render(_ nodes: [TemplateNode], _ entered: Scope, into output: inout String) {
        var scope = entered
        guard let indentation = scope.indentation, !indentation.isEmpty else {
            for node in nodes { render(node, &scope, into: &output) }
            return
        }
        // Indented (a partial alone on an indented line): every piece written at the start of a
        // line gets the indentation, except the first, which the line's own whitespace indents.
        var written = ""
        for node in nodes {
            var piece = ""
            render(node, &scope, into: &piece)
            if !piece.isEmpty, written.last == "\n" { written += indentation }
            written += piece
        }
        output += written
    }

    private func render(_ node: TemplateNode, _ scope: inout Scope, into output: inout String) {
        switch node {
        case .text(let text):
            output += text
            budget.bytes -= text.utf8.count
        case .variable(let name, let escaped):
            guard let value = resolve(name, scope) else { return }
            let text = escaped && scope.escapes ? escape(value.printed) : value.printed
            output += text
            budget.bytes -= text.utf8.count
        case .section(let name, let body, let inverted):
            let value = resolve(name, scope)
            if inverted { renderInverted(value, body, scope, into: &output) } else { renderSection(value, body, scope, into: &output) }
        case .partial(let name, let dynamic, let indentation, let overrides):
            var key = name
            if dynamic {
                guard case .text(let named)? = resolve(TemplateName(name, transforms: []), scope) else { return }
                key = named
            }
            // A partial may include itself through a section, for nested lists; one that never
            // stops would take the stack, so past this depth it writes nothing.
            guard let partial = templates[key], scope.partials < Self.maximumPartialDepth, !budget.exhausted else { return }
            budget.partials -= 1
            render(partial, scope.nested(indentation: indentation, overrides: overrides, isPartial: true), into: &output)
        case .block(let name, let defaults, let indentation):
            let body = scope.overrides?[name] ?? defaults
            render(body, scope.nested(indentation: indentation, overrides: nil, isPartial: false), into: &output)
        case .blockDefinition:
            break  // only inside a parent tag, which keeps them as overrides
        case .contentType(let escapes):
            scope.escapes = escapes
        }
    }

    private func renderSection(_ value: TemplateValue?, _ body: [TemplateNode], _ scope: Scope, into output: inout String) {
        switch value {
        case .list(let items)?:
            for (index, item) in items.enumerated() {
                render(body, scope.entering(item, at: SequencePosition(index: index, isLast: index == items.count - 1)), into: &output)
            }
        case .flag(let flag)?:
            if flag { render(body, scope, into: &output) }
        case let value?:
            render(body, scope.entering(value), into: &output)
        case nil:
            break
        }
    }

    private func renderInverted(_ value: TemplateValue?, _ body: [TemplateNode], _ scope: Scope, into output: inout String) {
        switch value {
        case .list(let items)?:
            if items.isEmpty { render(body, scope.entering(.list(items)), into: &output) }
        case .flag(let flag)?:
            if !flag { render(body, scope, into: &output) }
        case .some:
            break
        case nil:
            render(body, scope, into: &output)
        }
    }

    /// The value a name stands for: its first part looked up from the innermost value outwards
    /// (or only in the innermost, for `.name`), the rest inside what that found, then the
    /// functions from the innermost out.
    private func resolve(_ name: TemplateName, _ scope: Scope) -> TemplateValue? {
        var value: TemplateValue?
        var transforms = name.transforms[...]
        switch name.lookup {
        case .dot:
            value = scope.stack.last
        case .position:
            guard let position = scope.position, let innermost = transforms.popLast() else { return nil }
            value = position.transformed(innermost)
        case .current(let path):
            value = follow(path[...], from: scope.stack.last)
        case .stack(let path):
            guard let first = path.first else {
                value = scope.stack.last
                break
            }
            for candidate in scope.stack.reversed() {
                if let found = candidate[first] {
                    value = follow(path.dropFirst(), from: found)
                    break
                }
            }
        }
        while let transform = transforms.popLast() {
            guard let current = value else { return nil }
            value = current.transformed(transform)
        }
        return value
    }

    private func follow(_ path: ArraySlice<String>, from start: TemplateValue?) -> TemplateValue? {
        var value = start
        for key in path {
            guard let current = value else { return nil }
            value = current[key]
        }
        return value
    }
}
