/// A reader for the plain shape of YAML that nianbao's own files use (`YAMLLineScanner`) at a
/// small fraction of libyaml's cost. Anything else, including every error, is handed to libyaml,
/// so messages and edge cases stay libyaml's. A differential test holds the two to the same trees.
enum YAMLFastPath {
    enum Outcome {
        case document(YAMLNode?)
        /// The text uses YAML beyond this reader; use libyaml.
        case unsupported
    }

    static func parse(_ text: String) -> Outcome {
        var text = text
        return text.withUTF8 { bytes in
            var tree = TreeBuilder()
            do {
                return .document(try YAMLBlocks.walk(bytes, &tree) ? tree.root : nil)
            } catch {
                return .unsupported
            }
        }
    }

    /// Builds the nodes as the mappings open and close.
    private struct TreeBuilder: YAMLBlockVisitor {
        /// An open mapping: its pairs so far, and a key still waiting for its nested mapping.
        struct Level {
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            var position: YAMLNode.Position?
            var pendingKey: YAMLNode?
            /// The keys so far, for the duplicate check: linear in the keys however many there are.
            var keys = YAMLKeyIndex()
        }

        var stack: [Level] = []
        var root: YAMLNode?

        mutating func open() { stack.append(Level()) }

        mutating func entry(_ line: YAMLLineScanner.Line) throws(YAMLLineScanner.Unsupported) {
            let keyText = line.string(line.key)
            let key = YAMLNode.scalar(keyText, isPlain: line.keyIsPlain, line.keyPosition)
            let top = stack.count - 1
            if stack[top].position == nil { stack[top].position = key.position }
            if stack[top].keys.insert(keyText, at: key.position) != nil {
                throw .init()  // duplicate key: libyaml reports it
            }
            switch line.value {
            case .nested:
                stack[top].pendingKey = key
            case .scalar(let range, let isPlain, let column):
                stack[top].pairs.append((key, .scalar(line.string(range), isPlain: isPlain, .init(line: line.number, column: column))))
            case .flow(let at, let column, let count):
                var items: [YAMLNode] = []
                items.reserveCapacity(count)
                try line.forEachItem(from: at, column: column) { range, itemColumn in
                    items.append(.scalar(line.string(range), isPlain: true, .init(line: line.number, column: itemColumn)))
                }
                stack[top].pairs.append((key, .sequence(items, .init(line: line.number, column: column))))
            }
        }

        mutating func close() throws(YAMLLineScanner.Unsupported) {
            let closed = stack.removeLast()
            guard let position = closed.position else { throw .init() }
            let node = YAMLNode.mapping(closed.pairs, position)
            guard let top = stack.indices.last else {
                root = node
                return
            }
            guard let key = stack[top].pendingKey else { throw .init() }
            stack[top].pairs.append((key, node))
            stack[top].pendingKey = nil
        }
    }
}
