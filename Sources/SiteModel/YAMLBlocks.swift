/// What reads the block mappings `YAMLBlocks.walk` finds, as they open and close.
protocol YAMLBlockVisitor {
    /// A mapping starts: the document's, or the one of the last key, which had no value.
    mutating func open() throws(YAMLLineScanner.Unsupported)
    /// A key of the innermost open mapping.
    mutating func entry(_ line: YAMLLineScanner.Line) throws(YAMLLineScanner.Unsupported)
    /// The innermost open mapping ends.
    mutating func close() throws(YAMLLineScanner.Unsupported)
}

/// The indentation rules of the YAML subset `YAMLLineScanner` reads: a deeper line starts the
/// mapping of the key just above it, an outdented one closes the mappings it leaves. A key with
/// no value and nothing nested (a null) and any other layout are left to libyaml.
enum YAMLBlocks {
    /// Walks the mappings of `bytes`; returns false for a document with no keys at all.
    static func walk<Visitor: YAMLBlockVisitor>(
        _ bytes: UnsafeBufferPointer<UInt8>, _ visitor: inout Visitor
    ) throws(YAMLLineScanner.Unsupported) -> Bool {
        // Each open mapping's indentation, and whether its last key waits for a nested mapping.
        var levels: [(indent: Int, waiting: Bool)] = []
        var lines = YAMLLineScanner(bytes)
        while let line = try lines.next() {
            let indent = line.indent
            while let top = levels.last, top.indent > indent {
                guard !top.waiting, levels.count > 1 else { throw .init() }
                levels.removeLast()
                try visitor.close()
                guard levels[levels.count - 1].waiting else { throw .init() }
                levels[levels.count - 1].waiting = false
            }
            if let top = levels.last, top.indent == indent {
                guard !top.waiting else { throw .init() }  // a null value: libyaml's call
            } else if let top = levels.last {
                // Deeper: only as the mapping of the key just above.
                guard top.indent < indent, top.waiting else { throw .init() }
                // Too deep for a report: the full reader says so, with its position.
                guard levels.count < YAMLReader.maximumDepth else { throw .init() }
                levels.append((indent, false))
                try visitor.open()
            } else {
                levels.append((indent, false))
                try visitor.open()
            }
            try visitor.entry(line)
            if case .nested = line.value { levels[levels.count - 1].waiting = true }
        }
        guard !levels.isEmpty else { return false }
        while levels.count > 1 {
            guard !levels.removeLast().waiting else { throw .init() }
            try visitor.close()
            guard levels[levels.count - 1].waiting else { throw .init() }
            levels[levels.count - 1].waiting = false
        }
        guard !levels[0].waiting else { throw .init() }
        try visitor.close()
        return true
    }
}
