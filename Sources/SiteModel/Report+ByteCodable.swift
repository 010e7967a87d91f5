import ByteCoding
import Diagnostics
import ReportForm

// What the build cache keeps of a report it need not read again: the front matter and the few
// table cells that pages and rules across reports use (`Report.keeping(cells:)`).

extension Located: ByteCodable where Value == String {
    public func encode(to writer: inout ByteWriter) {
        writer.write(value)
        writer.write(location)
    }

    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(try reader.string(), at: try reader.value())
    }
}

extension CellValue: ByteCodable {
    public func encode(to writer: inout ByteWriter) {
        writer.write(signed: minorUnits)
        writer.write(scale)
        writer.write(location)
        writer.write(isComputed)
    }

    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(minorUnits: try reader.signed(), scale: try reader.int(), location: try reader.value(), isComputed: try reader.bool())
    }
}

extension FrontMatter: ByteCodable {
    public func encode(to writer: inout ByteWriter) {
        writer.write(fields.count)
        for key in fields.keys.sorted() {
            writer.write(key)
            writer.write(fields[key]!)
        }
        writer.write(location)
        writer.write(isPresent)
        writer.write(isReadable)
    }

    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        var fields: [String: Located<String>] = [:]
        for _ in 0..<(try reader.count()) { fields[try reader.string()] = try reader.value() }
        self.init(fields: fields, location: try reader.value(), isPresent: try reader.bool())
        isReadable = try reader.bool()
    }
}

extension ReportTables: ByteCodable {
    public func encode(to writer: inout ByteWriter) {
        writer.write(file)
        writer.write(form.version.rawValue)
        let values = form.cells.indices.compactMap { index in value(at: index).map { (index, $0) } }
        writer.write(values.count)
        for (index, value) in values {
            writer.write(index)
            writer.write(value)
        }
        writer.write(collapsedRows.count)
        for key in collapsedRows.keys.sorted() {
            writer.write(key)
            writer.write(collapsedRows[key]!)
        }
        writer.write(tableLocations.count)
        for table in tableLocations.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            writer.write(table.rawValue)
            writer.write(tableLocations[table]!)
        }
    }

    /// Decodes into the reduced form `keeping(_:)` makes.
    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        let file = try reader.string()
        let start = reader.offset
        guard let version = FormVersion(rawValue: try reader.string()) else { throw ByteReader.Malformed(offset: start) }
        let form = ReportForm.edition(version)
        var kept: [Int: CellValue] = [:]
        for _ in 0..<(try reader.count()) {
            let index = try reader.int()
            guard form.cells.indices.contains(index) else { throw ByteReader.Malformed(offset: reader.offset) }
            kept[index] = try reader.value()
        }
        var collapsed: [String: CellValue] = [:]
        for _ in 0..<(try reader.count()) { collapsed[try reader.string()] = try reader.value() }
        var locations: [TableID: SourceLocation] = [:]
        for _ in 0..<(try reader.count()) {
            let at = reader.offset
            guard let table = TableID(rawValue: try reader.string()) else { throw ByteReader.Malformed(offset: at) }
            locations[table] = try reader.value()
        }
        self.init(file: file, form: form, cellValues: [], collapsedRows: collapsed, tableLocations: locations)
        self.kept = kept
    }
}

extension Report: ByteCodable {
    /// Writes the report as `keeping(cells:)` left it: no narrative and no findings.
    public func encode(to writer: inout ByteWriter) {
        writer.write(agency)
        writer.write(year)
        writer.write(folder)
        writer.write(frontMatter)
        writer.write(tables)
    }

    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(
            agency: try reader.string(), year: try reader.int(), folder: try reader.string(), frontMatter: try reader.value(),
            document: ReportDocument(sections: [], headings: [], blocks: []), tables: try reader.optional(), findings: [])
    }
}
