/// Renders nodes against a stack of values, into one string.
struct TemplateRenderer {
    let templates: [String: [TemplateNode]]
    let escape: @Sendable (String) -> String
    let limits: TemplateLimits
    /// What this render may still do (`TemplateLimits`): a partial that includes itself twice
    /// doubles at each level, so depth alone does not bound the work.
    let budget: Budget

    init(templates: [String: [TemplateNode]], escape: @escaping @Sendable (String) -> String, limits: TemplateLimits) {
        (self.templates, self.escape, self.limits) = (templates, escape, limits)
        budget = Budget(steps: limits.steps, bytes: limits.bytes)
    }

    final class Budget {
        var steps: Int
        var bytes: Int
        /// The template being rendered when a limit stopped the render; from then on nothing
        /// more is written.
        var stoppedIn: String?
        var stopped: Bool { stoppedIn != nil }

        func stop(in scope: Scope) {
            if !stopped { stoppedIn = scope.template }
        }

        init(steps: Int, bytes: Int) { (self.steps, self.bytes) = (steps, bytes) }
    }

    /// Where a render is: the values from the page down to the innermost section's, and what
    /// partials and blocks passed down.
    struct Scope {
        /// The template these nodes are of: the page's, or the partial's.
        var template: String
        var stack: [TemplateValue]
        var position: SequencePosition? = nil
        var indentation: String? = nil
        var overrides: [String: [TemplateNode]]? = nil
        var escapes = true
        /// Sections, partials and blocks open around this point.
        var depth = 0

        /// The same values, one section further in (a section on `true`, or an inverted one).
        var deeper: Scope {
            var scope = self
            scope.depth += 1
            return scope
        }

        func entering(_ value: TemplateValue, at position: SequencePosition? = nil) -> Scope {
            var scope = self
            scope.stack.append(value)
            scope.position = position
            scope.depth += 1
            return scope
        }

        /// For a partial or a block: indented further, no list position; a partial also gets
        /// the blocks its parent tag overrides (those from further out win) and escapes again.
        func nested(indentation extra: String?, overrides added: [String: [TemplateNode]]?, isPartial: Bool) -> Scope {
            var scope = self
            scope.position = nil
            if let extra { scope.indentation = (indentation ?? "") + extra }
            if let added { scope.overrides = overrides?.merging(added) { outer, _ in outer } ?? added }
            if isPartial { scope.escapes = true }
            scope.depth += 1
            return scope
        }
    }

    /// Whether the render may go on into `scope` (and one more step), noting when it may not.
    private func mayGo(into scope: Scope) -> Bool {
        budget.steps -= 1
        if budget.steps < 0 || budget.bytes < 0 || scope.depth > limits.depth { budget.stop(in: scope) }
        return !budget.stopped
    }

    private func write(_ text: String, in scope: Scope, into output: inout String) {
        budget.bytes -= text.utf8.count
        if budget.bytes < 0 {
            budget.stop(in: scope)
            return
        }
        output += text
    }

    func render(_ nodes: [TemplateNode], _ entered: Scope, into output: inout String) {
        var scope = entered
        guard let indentation = scope.indentation, !indentation.isEmpty else {
            for node in nodes where !budget.stopped { render(node, &scope, into: &output) }
            return
        }
        // Indented (a partial alone on an indented line): every piece written at the start of a
        // line gets the indentation, except the first, which the line's own whitespace indents.
        var written = ""
        for node in nodes where !budget.stopped {
            var piece = ""
            render(node, &scope, into: &piece)
            if !piece.isEmpty, written.last == "\n" { write(indentation, in: scope, into: &written) }
            written += piece
        }
        // Counted again as it is copied out: partials indented inside indented partials copy
        // their text once per level.
        write(written, in: scope, into: &output)
    }

    private func render(_ node: TemplateNode, _ scope: inout Scope, into output: inout String) {
        guard mayGo(into: scope) else { return }
        switch node {
        case .text(let text):
            write(text, in: scope, into: &output)
        case .variable(let name, let escaped):
            guard let value = resolve(name, scope) else { return }
            write(escaped && scope.escapes ? escape(value.printed) : value.printed, in: scope, into: &output)
        case .section(let name, let body, let inverted):
            let value = resolve(name, scope)
            if inverted { renderInverted(value, body, scope, into: &output) } else { renderSection(value, body, scope, into: &output) }
        case .partial(let name, let dynamic, let indentation, let overrides):
            var key = name
            if dynamic {
                guard case .text(let named)? = resolve(TemplateName(name, transforms: []), scope) else { return }
                key = named
            }
            guard let partial = templates[key] else { return }
            var inner = scope.nested(indentation: indentation, overrides: overrides, isPartial: true)
            inner.template = key
            render(partial, inner, into: &output)
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
            for (index, item) in items.enumerated() where !budget.stopped {
                render(body, scope.entering(item, at: SequencePosition(index: index, isLast: index == items.count - 1)), into: &output)
            }
        case .flag(let flag)?:
            if flag { render(body, scope.deeper, into: &output) }
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
            if !flag { render(body, scope.deeper, into: &output) }
        case .some:
            break
        case nil:
            render(body, scope.deeper, into: &output)
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
