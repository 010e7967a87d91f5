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
        writer.write(decimals)
    }

    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(
            minorUnits: try reader.signed(), scale: try reader.int(), location: try reader.value(), isComputed: try reader.bool(),
            decimals: try reader.int())
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
        let count = try reader.count()
        var fields: [String: Located<String>] = Dictionary(minimumCapacity: count)
        for _ in 0..<count { fields[try reader.string()] = try reader.value() }
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
        writer.write(rolledUpFrom.count)
        for slug in rolledUpFrom { writer.write(slug) }
    }

    /// Decodes into the reduced form `keeping(_:)` makes.
    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        let file = try reader.string()
        let start = reader.offset
        guard let version = FormVersion(rawValue: try reader.string()) else { throw ByteReader.Malformed(offset: start) }
        let form = ReportForm.edition(version)
        let keptCount = try reader.count()
        var kept: [Int: CellValue] = Dictionary(minimumCapacity: keptCount)
        for _ in 0..<keptCount {
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
        rolledUpFrom = try (0..<(try reader.count())).map { _ throws(ByteReader.Malformed) in try reader.string() }
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
        writer.write(tasks)
        writer.write(rollupSources)
    }

    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(
            agency: try reader.string(), year: try reader.int(), folder: try reader.string(), frontMatter: try reader.value(),
            document: ReportDocument(sections: [], headings: [], blocks: []), tables: try reader.optional(), findings: [],
            tasks: try reader.optional(), rollupSources: try reader.array())
    }
}

/// A `tasks.yaml` whole: the task rules run across the site on every check.
extension TaskReport: ByteCodable {
    public func encode(to writer: inout ByteWriter) {
        writer.write(list)
        writer.write(location)
        writer.write(entries.count)
        for entry in entries {
            writer.write(entry.number.value)
            writer.write(entry.number.location)
            writer.write(entry.status.map { Located($0.value.rawValue, at: $0.location) })
            writer.write(entry.completed.map { Located($0.value.iso, at: $0.location) })
            writer.write(entry.evidence)
            writer.write(entry.reason)
            writer.write(entry.deadline.map { Located($0.value.phrase, at: $0.location) })
        }
    }

    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        list = try reader.value()
        location = try reader.value()
        var entries: [Entry] = []
        for _ in 0..<(try reader.count()) {
            let number = Located(try reader.int(), at: try reader.value())
            let at = reader.offset
            let status: Located<String>? = try reader.optional()
            let completed: Located<String>? = try reader.optional()
            let evidence: Located<String>? = try reader.optional()
            let reason: Located<String>? = try reader.optional()
            let deadline: Located<String>? = try reader.optional()
            // Only what was read correctly is cached: anything else is damage.
            func parsed<Value>(_ text: Located<String>?, _ parse: (String) -> Value?) throws(ByteReader.Malformed) -> Located<Value>? {
                guard let text else { return nil }
                guard let value = parse(text.value) else { throw ByteReader.Malformed(offset: at) }
                return Located(value, at: text.location)
            }
            entries.append(
                Entry(
                    number: number, status: try parsed(status, Status.init(rawValue:)), completed: try parsed(completed, PublicationDate.init),
                    evidence: evidence, reason: reason, deadline: try parsed(deadline, { try? TaskDeadline.parse($0).get() })))
        }
        self.entries = entries
    }
}
