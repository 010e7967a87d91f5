import Diagnostics

/// A YAML node as nianbao needs it: scalars as written (no type resolution: numbers are parsed
/// by nianbao itself), mappings in file order, sequences, each with its 1-based position.
public enum YAMLNode: Sendable {
    case scalar(String, isPlain: Bool, Position)
    case mapping([(key: YAMLNode, value: YAMLNode)], Position)
    case sequence([YAMLNode], Position)

    /// Line and column (in Unicode scalars), 1-based.
    public struct Position: Sendable, Hashable {
        public let line: Int
        public let column: Int
    }

    public var position: Position {
        switch self {
        case .scalar(_, _, let position), .mapping(_, let position), .sequence(_, let position): position
        }
    }

    /// The text of a scalar; nil for collections.
    public var string: String? {
        if case .scalar(let text, _, _) = self { return text }
        return nil
    }

    public var mapping: [(key: YAMLNode, value: YAMLNode)]? {
        if case .mapping(let pairs, _) = self { return pairs }
        return nil
    }

    /// A mapping's values by key (keys that are not scalars left out); empty for other nodes.
    public var fields: [String: YAMLNode] {
        var fields: [String: YAMLNode] = [:]
        for (key, value) in mapping ?? [] { if let name = key.string { fields[name] = value } }
        return fields
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let items, _) = self { return items }
        return nil
    }

    public var isScalar: Bool { string != nil }

    /// A YAML null: `~`, `null`, or nothing at all after the colon.
    public var isNullLike: Bool {
        guard case .scalar(let text, true, _) = self, text.utf8.count <= 4 else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// The node's position in `file`, shifted by `lineOffset` for YAML inside another file.
    public func location(in file: String, lineOffset: Int = 0) -> SourceLocation {
        SourceLocation(file: file, line: position.line + lineOffset, column: position.column)
    }
}
