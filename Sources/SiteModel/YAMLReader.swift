import CYaml

/// Builds `YAMLNode` trees straight from libyaml's events (the libyaml that Yams bundles).
///
/// Yams' composer resolves a tag for every scalar and hashes whole nodes to find duplicate
/// keys; for statistics files that was most of the cost of `check`. This reader keeps what
/// nianbao uses — text, structure, positions — and refuses aliases, which no report needs
/// and which can expand without bound ("billion laughs").
enum YAMLReader {
    struct Failure: Error {
        enum Kind { case syntax, duplicateKey, tag }

        let problem: String
        let context: String?
        let line: Int
        let column: Int
        var kind = Kind.syntax
    }

    /// The root node of the single document in `text`, nil for an empty document.
    static func parse(_ text: String) throws(Failure) -> YAMLNode? {
        var text = text
        let result: Result<YAMLNode?, Failure> = text.withUTF8 { bytes in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return .failure(Failure(problem: "out of memory", context: nil, line: 1, column: 1))
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            return withUnsafeMutablePointer(to: &parser) { pointer in
                var events = EventStream(parser: pointer)
                do throws(Failure) {
                    return .success(try events.document())
                } catch {
                    return .failure(error)
                }
            }
        }
        return try result.get()
    }

    /// Nesting deeper than this is refused rather than recursed into: no report goes past 6.
    static let maximumDepth = 64

    /// Pulls events one at a time and builds nodes recursively.
    private struct EventStream {
        let parser: UnsafeMutablePointer<yaml_parser_t>
        var depth = 0

        init(parser: UnsafeMutablePointer<yaml_parser_t>) { self.parser = parser }

        mutating func document() throws(Failure) -> YAMLNode? {
            var root: YAMLNode?
            while true {
                var event = try next()
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_START_EVENT, YAML_DOCUMENT_END_EVENT: continue
                case YAML_STREAM_END_EVENT: return root
                case YAML_DOCUMENT_START_EVENT:
                    if root != nil {
                        throw Failure(problem: "文件中只能有一个 YAML 文档（多了一个 ---）", context: nil,
                                      line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                    }
                default:
                    root = try node(from: &event)
                }
            }
        }

        private mutating func node(from event: inout yaml_event_t) throws(Failure) -> YAMLNode {
            let position = YAMLNode.Position(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            if let tag = Self.tag(of: event) {
                // A node's start is that of its properties, so this is where the tag is written.
                throw Failure(problem: tag, context: nil, line: position.line, column: position.column, kind: .tag)
            }
            switch event.type {
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                return .scalar(text, isPlain: scalar.style == YAML_PLAIN_SCALAR_STYLE, position)
            case YAML_SEQUENCE_START_EVENT:
                try enter(at: position)
                defer { depth -= 1 }
                var items: [YAMLNode] = []
                while true {
                    var item = try next()
                    defer { yaml_event_delete(&item) }
                    if item.type == YAML_SEQUENCE_END_EVENT { return .sequence(items, position) }
                    items.append(try node(from: &item))
                }
            case YAML_MAPPING_START_EVENT:
                try enter(at: position)
                defer { depth -= 1 }
                var pairs: [(key: YAMLNode, value: YAMLNode)] = []
                var keys = YAMLKeyIndex()
                while true {
                    var keyEvent = try next()
                    defer { yaml_event_delete(&keyEvent) }
                    if keyEvent.type == YAML_MAPPING_END_EVENT { return .mapping(pairs, position) }
                    let key = try node(from: &keyEvent)
                    if let text = key.string, let first = keys.insert(text, at: key.position) {
                        throw Failure(problem: "同一层中有重复的键：\(text)（第 \(key.position.line) 行再次出现）",
                                      context: nil, line: first.line, column: first.column, kind: .duplicateKey)
                    }
                    var valueEvent = try next()
                    defer { yaml_event_delete(&valueEvent) }
                    pairs.append((key, try node(from: &valueEvent)))
                }
            case YAML_ALIAS_EVENT:
                throw Failure(problem: "不支持 YAML 别名（*引用）；请直接写出内容", context: nil,
                              line: position.line, column: position.column)
            default:
                throw Failure(problem: "意外的 YAML 结构", context: nil, line: position.line, column: position.column)
            }
        }

        /// The tag written on the node (`!!python/object:os.system`, `!foo`, `!`), as written
        /// where it uses the standard `!!` handle; nil for an untagged node.
        ///
        /// Why refused rather than ignored: a tag asks the reader to make a value of that type,
        /// and nianbao does not, so `!!python/object:os.system 386` would silently be read as
        /// 386 — and the same file given to another YAML loader could run code.
        private static func tag(of event: yaml_event_t) -> String? {
            let pointer: UnsafeMutablePointer<yaml_char_t>? =
                switch event.type {
                case YAML_SCALAR_EVENT: event.data.scalar.tag
                case YAML_SEQUENCE_START_EVENT: event.data.sequence_start.tag
                case YAML_MAPPING_START_EVENT: event.data.mapping_start.tag
                default: nil
                }
            guard let pointer else { return nil }
            var length = 0
            while pointer[length] != 0 { length += 1 }
            let tag = String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
            let standard = "tag:yaml.org,2002:"
            return tag.hasPrefix(standard) ? "!!" + tag.dropFirst(standard.count) : tag
        }

        private mutating func enter(at position: YAMLNode.Position) throws(Failure) {
            depth += 1
            if depth > YAMLReader.maximumDepth {
                throw Failure(problem: "嵌套超过 \(YAMLReader.maximumDepth) 层", context: nil, line: position.line, column: position.column)
            }
        }

        private func next() throws(Failure) -> yaml_event_t {
            var event = yaml_event_t()
            guard yaml_parser_parse(parser, &event) == 1 else {
                let p = parser.pointee
                let problem = p.problem.map { String(cString: $0) } ?? "YAML 无法解析"
                let context = p.context.map { String(cString: $0) }
                let mark = p.problem_mark
                throw Failure(problem: problem, context: context, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
            }
            return event
        }
    }
}
