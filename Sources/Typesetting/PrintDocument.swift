/// A document to set on A4 pages: what the report becomes for print, without the web page's
/// furniture. Blocks flow from page to page in order.
public struct PrintDocument: Sendable {
    public enum Block: Sendable {
        /// The title block, centred, in the title face.
        case title(String)
        /// A line under the title (the issuing organ and date), centred in the body face.
        case subtitle(String)
        /// The table of contents: the headings that carry an anchor, with their page numbers.
        case contents(title: String)
        /// A heading in the face of its level (1: 一、 黑体, 2: （一） 楷体, 3 and 4: body face).
        case heading(level: Int, text: String, anchor: String?)
        /// A paragraph with its first line indented by two characters.
        case paragraph(String)
        /// A list item: its marker hangs before the text.
        case listItem(marker: String, text: String)
        case table(PrintTable)
        case pageBreak
    }

    public let blocks: [Block]
    public let metadata: Metadata

    public struct Metadata: Sendable {
        public let title: String
        public let author: String
        public let subject: String
        /// `D:20250121093000+08'00'`, from the publication date, so the bytes are reproducible.
        public let date: String

        public init(title: String, author: String, subject: String, date: String) {
            self.title = title
            self.author = author
            self.subject = subject
            self.date = date
        }
    }

    public init(blocks: [Block], metadata: Metadata) {
        self.blocks = blocks
        self.metadata = metadata
    }
}

/// A ruled table: rows of cells with spans, of which the first `headerRowCount` rows head the
/// columns and are repeated at the top of each page the table continues on.
public struct PrintTable: Sendable {
    public struct Cell: Sendable {
        public enum Alignment: Sendable { case leading, center, trailing }
        public let text: String
        public let colspan: Int
        public let rowspan: Int
        public let alignment: Alignment
        public let isHeader: Bool

        public init(text: String, colspan: Int = 1, rowspan: Int = 1, alignment: Alignment, isHeader: Bool) {
            self.text = text
            self.colspan = colspan
            self.rowspan = rowspan
            self.alignment = alignment
            self.isHeader = isHeader
        }
    }

    public let caption: String
    /// Relative widths of the grid's columns; they are scaled to the measure.
    public let columnWidths: [Double]
    public let rows: [[Cell]]
    public let headerRowCount: Int

    public init(caption: String, columnWidths: [Double], rows: [[Cell]], headerRowCount: Int) {
        self.caption = caption
        self.columnWidths = columnWidths
        self.rows = rows
        self.headerRowCount = headerRowCount
    }
}
