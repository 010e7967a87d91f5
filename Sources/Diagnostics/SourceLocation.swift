/// A position in a file of the site, 1-based; columns count Unicode scalars as editors do.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable {
    /// The path relative to the site root, with `/` separators.
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    public var description: String { "\(file):\(line):\(column)" }
}
