import Diagnostics
import ReportForm

/// Reads a `tables.yaml` that is exactly what the form asks for — every label written as the
/// form writes it, once, every cell a number the parser takes without a remark, in the YAML of
/// `YAMLLineScanner` — straight into cell values, without a node tree. Anything else returns
/// nil, and the full reader (`TableReader` on the YAML tree) reads it, with its findings. A
/// differential test holds the two to the same values wherever this one answers.
///
/// Why: building the node tree and matching it label by label was a third of `check`.
struct TablesFastPath: YAMLBlockVisitor {
    /// What a fully matched file gives `ReportTables`.
    struct Reading {
        let values: [CellValue?]
        let tableLocations: [TableID: SourceLocation]
    }

    static func read(_ text: String, file: String, form: ReportForm) -> Reading? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = TablesFastPath(form: form, file: file)
            guard (try? YAMLBlocks.walk(bytes, &reader)) == true else { return nil }
            return Reading(values: reader.values, tableLocations: reader.tableLocations)
        }
    }

    /// An open mapping, what its keys must be, and which of them were seen (one bit each).
    private enum Frame {
        case tables(seen: UInt64)
        case rows(RowLevel, matched: UInt64)
        /// A row written as a mapping by column label.
        case columns(RowLevel.RowPlan, matched: UInt64)
    }

    private let form: ReportForm
    private let file: String
    private var values: [CellValue?]
    private var tableLocations: [TableID: SourceLocation] = [:]
    private var frames: [Frame] = []
    /// The frame the next `open` starts: the nested mapping of the last key.
    private var next: Frame?

    private init(form: ReportForm, file: String) {
        self.form = form
        self.file = file
        values = Array(repeating: nil, count: form.cells.count)
        frames.reserveCapacity(8)
    }

    mutating func open() throws(YAMLLineScanner.Unsupported) {
        if frames.isEmpty {
            frames.append(.tables(seen: 0))
        } else {
            guard let frame = next else { throw .init() }
            frames.append(frame)
        }
        next = nil
    }

    mutating func entry(_ line: YAMLLineScanner.Line) throws(YAMLLineScanner.Unsupported) {
        guard line.keyIsPlain else { throw .init() }
        next = nil
        let top = frames.count - 1
        switch frames[top] {
        case .tables(var seen):
            let index = try Self.index(of: line, among: RowLevel.tableLabels(of: form), unmatched: &seen)
            frames[top] = .tables(seen: seen)
            guard case .nested = line.value else { throw .init() }
            let table = form.tables[index]
            tableLocations[table.id] = SourceLocation(file: file, line: line.number, column: line.indent + 1)
            next = .rows(RowLevel.table(table.id, of: form), matched: 0)
        case .rows(let level, var matched):
            let index = try Self.index(of: line, among: level.labelBytes, unmatched: &matched)
            frames[top] = .rows(level, matched: matched)
            if let plan = level.plans[index] {
                switch line.value {
                case .flow(let at, let column, let count): try readSequence(line, from: at, column: column, count: count, plan)
                case .nested: next = .columns(plan, matched: 0)
                case .scalar: throw .init()
                }
            } else if let children = level.groups[index], case .nested = line.value {
                // Every key below must be one of the group's rows, so it cannot be the other
                // edition's single row written by column (`TableReader.isRow`).
                next = .rows(children, matched: 0)
            } else {
                throw .init()
            }
        case .columns(let plan, var matched):
            let index = try Self.index(of: line, among: plan.columnLabelBytes, unmatched: &matched)
            frames[top] = .columns(plan, matched: matched)
            guard case .scalar(let range, true, let column) = line.value else { throw .init() }
            try readCell(line, range, plan.cells, index, column: column)
        }
    }

    mutating func close() throws(YAMLLineScanner.Unsupported) {
        switch frames.removeLast() {
        case .tables(let seen):
            guard seen == Self.all(form.tables.count) else { throw .init() }
        case .rows(let level, let matched):
            for (index, node) in level.nodes.enumerated() where matched & 1 << index == 0 {
                // A total may be left out: it is computed from the rows above it.
                guard case .row(let row) = node, row.id == "total" else { throw .init() }
            }
        case .columns(let plan, let matched):
            for (index, column) in plan.row.columns.enumerated() where matched & 1 << index == 0 && !column.isTotal {
                throw .init()
            }
        }
    }

    private static func all(_ count: Int) -> UInt64 { count >= 64 ? ~0 : (1 << count) - 1 }

    /// The label the key is written as, exactly, not seen before in this mapping.
    private static func index(
        of line: YAMLLineScanner.Line, among labels: [[UInt8]], unmatched matched: inout UInt64
    ) throws(YAMLLineScanner.Unsupported) -> Int {
        guard labels.count <= 64 else { throw .init() }
        for (index, label) in labels.enumerated() where label.withUnsafeBufferPointer({ line.bytes(line.key, equal: $0) }) {
            guard matched & 1 << index == 0 else { throw .init() }
            matched |= 1 << index
            return index
        }
        throw .init()
    }

    private mutating func readSequence(
        _ line: YAMLLineScanner.Line, from at: Int, column: Int, count: Int, _ plan: RowLevel.RowPlan
    ) throws(YAMLLineScanner.Unsupported) {
        let columns = plan.row.columns.count
        let withoutTotal = plan.row.columns.last?.isTotal == true ? columns - 1 : columns
        guard count == columns || count == withoutTotal else { throw .init() }
        var position = 0
        let cells = plan.cells
        try line.forEachItem(from: at, column: column) { (range, itemColumn) throws(YAMLLineScanner.Unsupported) in
            if position < cells.count { try readCell(line, range, cells, position, column: itemColumn) }
            position += 1
        }
    }

    /// A plain scalar the cell parser takes as it is; anything it would remark on is the full
    /// reader's.
    private mutating func readCell(
        _ line: YAMLLineScanner.Line, _ range: Range<Int>, _ specs: [CellSpec], _ position: Int, column: Int
    ) throws(YAMLLineScanner.Unsupported) {
        let index = specs[position].index
        guard index >= 0 else { throw .init() }
        let at = SourceLocation(file: file, line: line.number, column: column)
        let scale = specs[position].kind.scale
        let bytes = UnsafeBufferPointer(rebasing: line.bytes[range])
        if let minorUnits = CellValueParser.plainAmount(bytes, scale: scale) {
            // An amount is shown with the places written; a count has none to count.
            let decimals = scale == 0 ? 0 : bytes.firstIndex(of: UInt8(ascii: ".")).map { bytes.count - 1 - $0 } ?? 0
            values[index] = CellValue(minorUnits: minorUnits, scale: scale, location: at, decimals: decimals)
            return
        }
        let text = line.string(range)
        guard !YAMLNode.scalar(text, isPlain: true, YAMLNode.Position(line: line.number, column: column)).isNullLike,
            case .value(let number, let decimals, nil) = CellValueParser.parse(text, kind: specs[position].kind, cell: specs[position], at: at)
        else { throw .init() }
        values[index] = CellValue(minorUnits: number, scale: scale, location: at, decimals: decimals)
    }
}
