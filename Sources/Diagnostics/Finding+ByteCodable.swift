import ByteCoding

// Findings are kept in the build cache with the report they belong to.

extension SourceLocation: ByteCodable {
    public func encode(to writer: inout ByteWriter) {
        writer.write(interned: file)
        writer.write(line)
        writer.write(column)
    }

    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(file: try reader.internedString(), line: try reader.int(), column: try reader.int())
    }
}

extension Finding: ByteCodable {
    public func encode(to writer: inout ByteWriter) {
        writer.write(interned: rule)
        writer.write(severity.rawValue)
        writer.write(message)
        writer.write(gist)
        writer.write(location)
        writer.write(cell)
        writer.write(expected)
        writer.write(found)
        writer.write(terms)
        writer.write(hint)
    }

    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        let rule = try reader.internedString()
        let offset = reader.offset
        guard let severity = Severity(rawValue: try reader.string()) else { throw ByteReader.Malformed(offset: offset) }
        self.init(
            rule: rule, severity: severity, message: try reader.string(), gist: try reader.string(),
            location: try reader.value(), cell: try reader.optionalString(), expected: try reader.optionalString(),
            found: try reader.optionalString(), terms: try reader.array(), hint: try reader.optionalString())
    }
}
