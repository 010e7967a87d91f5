/// Part of a line of a source file, from some column on, for the excerpt under a finding. A line
/// can be megabytes long (a report pasted as one paragraph, a minified file): whoever reads the
/// file gives only a piece around the finding's column, and the text output shows at most
/// `TextFormatter.excerptWidth` columns of it.
public struct SourceExcerpt: Sendable, Equatable {
    /// The text read, without the line break.
    public var text: String
    /// The column (in Unicode scalars, from 1) of the line where `text` starts.
    public var firstColumn: Int
    /// Whether the line goes on after `text`.
    public var continues: Bool

    public init(text: String, firstColumn: Int = 1, continues: Bool = false) {
        self.text = text
        self.firstColumn = firstColumn
        self.continues = continues
    }

    /// How many scalars a reader gives on either side of the finding's column: enough for the
    /// widest window the text output shows, as every scalar takes at least one column.
    public static let reach = 100
}
