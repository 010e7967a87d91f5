import Diagnostics

extension ReportDocument {
    /// The lines of the Markdown source with their 1-based line numbers in the file.
    private var numberedLines: [(number: Int, text: Substring)] {
        source.lineSlices.enumerated().map {
            ($0.offset + 1 + sourceLineOffset, $0.element)
        }
    }

    /// Where `fragment` is written, looking from the first line of `block` to the next blank line
    /// (a sentence may sit on a later line of its paragraph); the block's start if it is broken
    /// across lines.
    public func location(of fragment: String, in block: TextBlock) -> SourceLocation {
        for (number, text) in numberedLines where number >= block.location.line {
            if text.isEmpty && number > block.location.line { break }
            if let range = text.range(of: fragment) {
                let column = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound) + 1
                return SourceLocation(file: block.location.file, line: number, column: column)
            }
        }
        return block.location
    }

    /// Where `fragment` is first written in the narrative, `skip` characters into it; nil when it
    /// is not written there (it came from a template, say).
    public func location(ofText fragment: String, file: String, skip: Int = 0, occurrence: Int = 0) -> SourceLocation? {
        var seen = 0
        for (number, text) in numberedLines {
            var rest = text.startIndex
            while let range = text.range(of: fragment, range: rest..<text.endIndex) {
                if seen == occurrence {
                    let column = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound) + 1 + skip
                    return SourceLocation(file: file, line: number, column: column)
                }
                seen += 1
                rest = range.upperBound
            }
        }
        return nil
    }

    /// Every `{{cell-id}}` placeholder written in the narrative, with its position; fenced code
    /// blocks are skipped, since they show Markdown rather than use it.
    public func placeholders(file: String) -> [(id: String, location: SourceLocation)] {
        guard source.containsBytes("{{") else { return [] }
        var found: [(String, SourceLocation)] = []
        var inFence = false
        for (number, text) in numberedLines {
            let trimmed = text.drop { $0 == " " }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle(); continue }
            guard !inFence else { continue }
            var rest = text[...]
            while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
                let id = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: " ")
                let column = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: open.lowerBound) + 1
                found.append((id, SourceLocation(file: file, line: number, column: column)))
                rest = rest[close.upperBound...]
            }
        }
        return found
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}
