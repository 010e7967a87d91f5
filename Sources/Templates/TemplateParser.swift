/// Mustache text to nodes, with the whitespace rules of swift-mustache 2 (the engine nianbao's
/// themes were first written for): a section, comment, partial or delimiter tag alone on its
/// line takes the whole line with it; a partial alone on an indented line indents every line
/// it writes.
struct TemplateParser {
    private let characters: [Character]
    private var position = 0

    /// What the parse of one node list knows of where it is.
    private struct State {
        var section: (name: String, transforms: [String])?
        /// At the start of a line (or after a tag that took its whole line).
        var atLineStart = true
        var open: [Character] = ["{", "{"]
        var close: [Character] = ["}", "}"]
        /// Inside `{{<parent}}…{{/parent}}`, and directly in it (not in one of its blocks).
        var inParent = false
        var parentTopLevel = false
        var parentIndent: Int?
        /// Sections and parents open around this point.
        var depth = 0

        func entering(_ name: String, _ transforms: [String] = [], tagTookLine: Bool) -> State {
            var state = self
            state.depth += 1
            state.section = (name, transforms)
            state.parentTopLevel = false
            if !tagTookLine { state.atLineStart = false }
            return state
        }
    }

    static func parse(_ text: String) throws(TemplateSyntaxError) -> [TemplateNode] {
        var parser = TemplateParser(characters: Array(text))
        return try parser.nodes(State())
    }

    private init(characters: [Character]) { self.characters = characters }

    private var atEnd: Bool { position >= characters.count }
    private var current: Character { atEnd ? "\0" : characters[position] }

    /// Deeper than this, a template is refused: each level is a frame of the parser's stack and
    /// of the renderer's, and no page needs a hundred.
    static let maximumDepth = 100

    private mutating func nodes(_ entered: State) throws(TemplateSyntaxError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = entered
        var indent = ""  // the whitespace that began the line, held until something else is written
        func flushIndent() {
            if !indent.isEmpty { nodes.append(.text(indent)) }
            indent = ""
        }
        while !atEnd {
            if state.atLineStart {
                let whitespace = read { $0 == " " || $0 == "\t" }
                if state.inParent && !state.parentTopLevel {
                    if let parentIndent = state.parentIndent {
                        indent = String(whitespace.dropFirst(parentIndent))
                    } else {
                        state.parentIndent = whitespace.count
                    }
                } else {
                    indent = whitespace
                }
            }
            let text = textUntilTagOrNewline(state)
            if current.isNewline {
                nodes.append(.text(indent + text + String(current)))
                state.atLineStart = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(indent + text))
                indent = ""
                state.atLineStart = false
            }
            if atEnd { break }
            var tookLine = false
            // Where the tag began (its opening delimiter), for an error about the tag as a whole.
            let tagStart = position - state.open.count
            if "#^<$".contains(current), state.depth >= Self.maximumDepth {
                position = tagStart
                throw failure(.nestedTooDeep)
            }
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let (name, transforms) = try self.name(state)
                if standsAlone(state) { tookLine = true } else { flushIndent() }
                let body = try self.nodes(state.entering(name, transforms, tagTookLine: tookLine))
                nodes.append(.section(TemplateName(name, transforms: transforms), body, inverted: inverted))
            case "/":
                position += 1
                let start = position
                let (name, transforms) = try self.name(state)
                guard let section = state.section, section.name == name, section.transforms == transforms else {
                    position = start
                    throw failure(.closesAnotherSection(found: name, expected: state.section?.name))
                }
                if !standsAlone(state) { flushIndent() }
                return nodes
            case "!":
                position += 1
                try skipComment(state)
                tookLine = standsAlone(state)
            case "{", "&":
                flushIndent()
                let triple = current == "{"
                position += 1
                let (name, transforms) = try self.name(state)
                if triple {
                    guard current == "}" else { throw failure(.unfinishedTag) }
                    position += 1
                }
                nodes.append(.variable(TemplateName(name, transforms: transforms), escaped: false))
            case ">":
                position += 1
                _ = read { $0.isWhitespace }
                let dynamic = current == "*"
                if dynamic { position += 1 }
                let name = try partialName(state)
                if !indent.isEmpty { nodes.append(.text(indent)) }
                if standsAlone(state) {
                    tookLine = true
                    nodes.append(.partial(name, dynamic: dynamic, indentation: indent, overrides: nil))
                } else {
                    nodes.append(.partial(name, dynamic: dynamic, indentation: nil, overrides: nil))
                }
                indent = ""
            case "<":
                position += 1
                _ = read { $0.isWhitespace }
                let written = try partialName(state)
                if !indent.isEmpty { nodes.append(.text(indent)) }
                if standsAlone(state) { tookLine = true }
                var inner = state
                inner.depth += 1
                inner.section = (written, [])
                inner.atLineStart = true
                inner.inParent = true
                inner.parentTopLevel = true
                var overrides: [String: [TemplateNode]] = [:]
                for node in try self.nodes(inner) {
                    switch node {
                    case .blockDefinition(let block, let body): overrides[block] = body
                    case .text: break
                    default: throw failure(.notABlockInParent)
                    }
                }
                let dynamic = written.first == "*"
                nodes.append(
                    .partial(dynamic ? String(written.dropFirst()) : written, dynamic: dynamic, indentation: indent, overrides: overrides))
                indent = ""
            case "$":
                position += 1
                let (name, transforms) = try self.name(state)
                guard transforms.isEmpty else { throw failure(.functionOnBlock) }
                if state.parentTopLevel {
                    tookLine = standsAlone(state)
                    nodes.append(.blockDefinition(name, try self.nodes(state.entering(name, tagTookLine: tookLine))))
                } else {
                    if !indent.isEmpty { nodes.append(.text(indent)) }
                    tookLine = standsAlone(state)
                    let defaults = try self.nodes(state.entering(name, tagTookLine: tookLine))
                    nodes.append(.block(name, defaults: defaults, indentation: indent))
                    indent = ""
                }
            case "=":
                position += 1
                state = try delimiters(state)
                tookLine = standsAlone(state)
            case "%":
                position += 1
                nodes.append(try pragma(state))
                tookLine = standsAlone(state)
            default:
                flushIndent()
                let (name, transforms) = try self.name(state)
                nodes.append(.variable(TemplateName(name, transforms: transforms), escaped: true))
            }
            state.atLineStart = tookLine
        }
        if let section = state.section { throw failure(.unclosedSection(section.name)) }
        return nodes
    }

    // MARK: Reading

    private mutating func read(while accepts: (Character) -> Bool) -> String {
        let start = position
        while !atEnd && accepts(characters[position]) { position += 1 }
        return String(characters[start..<position])
    }

    private func matches(_ delimiter: [Character]) -> Bool {
        position + delimiter.count <= characters.count && Array(characters[position..<position + delimiter.count]) == delimiter
    }

    /// Text up to a line break (not taken) or an opening delimiter (taken).
    private mutating func textUntilTagOrNewline(_ state: State) -> String {
        var text = ""
        let first = state.open[0]
        while !atEnd {
            text += read { $0 != "\n" && $0 != "\r\n" && $0 != first }
            if atEnd || current == "\n" || current == "\r\n" { break }
            if matches(state.open) {
                position += state.open.count
                break
            }
            text.append(first)
            position += 1
        }
        return text
    }

    /// True, taking the rest of the line with its line break, when the tag just read is all its
    /// line holds besides spaces and tabs.
    private mutating func standsAlone(_ state: State) -> Bool {
        guard state.atLineStart else { return false }
        if atEnd { return true }
        var end = position
        while end < characters.count && (characters[end] == " " || characters[end] == "\t") { end += 1 }
        guard end < characters.count, characters[end].isNewline else { return false }
        position = end + 1
        return true
    }

    private mutating func closing(_ state: State) throws(TemplateSyntaxError) {
        guard matches(state.close) else { throw failure(.unfinishedTag) }
        position += state.close.count
    }

    /// A tag's name and the functions applied to it: `a(b(name))` is `name` with `[a, b]`.
    private mutating func name(_ state: State) throws(TemplateSyntaxError) -> (String, [String]) {
        _ = read { $0.isWhitespace }
        let text = Array(read { Self.nameCharacters.contains($0) || $0 == "(" || $0 == ")" })
        _ = read { $0.isWhitespace }
        try closing(state)
        var index = 0
        func word() -> String {
            let start = index
            while index < text.count && Self.nameCharacters.contains(text[index]) { index += 1 }
            return String(text[start..<index])
        }
        var transforms = [word()]
        if index == text.count { return (transforms[0], []) }
        while index < text.count && text[index] == "(" {
            index += 1
            let inner = word()
            guard index < text.count else { break }
            if text[index] == "(" {
                transforms.append(inner)
                continue
            }
            let closers = text[index...].prefix { $0 == ")" }.count
            guard closers == transforms.count, index + closers == text.count else { break }
            return (inner, transforms)
        }
        throw failure(.unfinishedTag)
    }

    private mutating func partialName(_ state: State) throws(TemplateSyntaxError) -> String {
        _ = read { $0.isWhitespace }
        let name = read { Self.nameCharacters.contains($0) || "()/".contains($0) }
        _ = read { $0.isWhitespace }
        try closing(state)
        return name
    }

    private mutating func skipComment(_ state: State) throws(TemplateSyntaxError) {
        while !atEnd {
            if matches(state.close) {
                position += state.close.count
                return
            }
            position += 1
        }
        throw failure(.unfinishedTag)
    }

    private mutating func delimiters(_ state: State) throws(TemplateSyntaxError) -> State {
        _ = read { $0.isWhitespace }
        let open = read { !$0.isWhitespace }
        guard !atEnd else { throw failure(.badDelimiters) }
        _ = read { $0.isWhitespace }
        let close = read { $0 != "=" && !$0.isWhitespace }
        guard !atEnd else { throw failure(.badDelimiters) }
        _ = read { $0.isWhitespace }
        guard current == "=" else { throw failure(.badDelimiters) }
        position += 1
        guard matches(state.close), !open.isEmpty, !close.isEmpty else { throw failure(.badDelimiters) }
        position += state.close.count
        var changed = state
        (changed.open, changed.close) = (Array(open), Array(close))
        changed.parentTopLevel = false
        return changed
    }

    private mutating func pragma(_ state: State) throws(TemplateSyntaxError) -> TemplateNode {
        _ = read { $0.isWhitespace }
        let key = read { Self.nameCharacters.contains($0) }
        _ = read { $0.isWhitespace }
        guard current == ":" else { throw failure(.unknownPragma) }
        position += 1
        _ = read { $0.isWhitespace }
        let value = read { Self.nameCharacters.contains($0) }
        _ = read { $0.isWhitespace }
        guard matches(state.close), key == "CONTENT_TYPE", value == "HTML" || value == "TEXT" else { throw failure(.unknownPragma) }
        position += state.close.count
        return .contentType(escapes: value == "HTML")
    }

    private static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")

    private func failure(_ problem: TemplateSyntaxError.Problem) -> TemplateSyntaxError {
        let at = min(position, characters.count)
        // "\r\n" is one Character: a theme saved on Windows has no "\n" of its own.
        func isBreak(_ character: Character) -> Bool { character == "\n" || character == "\r\n" }
        let lineStart = characters[..<at].lastIndex(where: isBreak).map { $0 + 1 } ?? 0
        let lineEnd = characters[at...].firstIndex(where: isBreak) ?? characters.count
        let line = 1 + characters[..<at].reduce(0) { $0 + (isBreak($1) ? 1 : 0) }
        return TemplateSyntaxError(
            problem: problem, line: line, column: at - lineStart + 1, lineText: String(characters[lineStart..<lineEnd]))
    }
}
