import Diagnostics

/// A value from a YAML file with where it was written.
public struct Located<Value: Sendable>: Sendable {
    public let value: Value
    public let location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// The YAML block between `---` lines at the top of `report.md`.
public struct FrontMatter: Sendable {
    /// Scalar values by key, with positions.
    public let fields: [String: Located<String>]
    /// Where the block starts (line 1), or the start of the file if there is none.
    public let location: SourceLocation
    /// Whether the file has a front-matter block at all.
    public let isPresent: Bool
    /// False where the block could not be parsed (a `yaml-syntax` finding says why).
    public var isReadable: Bool = true

    public subscript(_ key: String) -> Located<String>? { fields[key] }

    /// Splits `text` into front matter and body. `bodyLineOffset` is the number of lines
    /// before the body, so body positions can be mapped back to the file.
    static func split(_ text: String, file: String) -> (FrontMatter, body: Substring, bodyLineOffset: Int, [Finding]) {
        let start = SourceLocation(file: file)
        let absent = FrontMatter(fields: [:], location: start, isPresent: false)
        guard text.utf8.starts(with: "---\n".utf8) else { return (absent, text[...], 0, []) }
        // Walk the UTF-8 view: Character indices would segment every CJK grapheme on the way.
        let utf8 = text.utf8
        var lineCount = 1
        var index = utf8.index(utf8.startIndex, offsetBy: 4)
        let yamlStart = index
        while index < utf8.endIndex {
            let lineEnd = utf8[index...].firstIndex(of: 0x0A) ?? utf8.endIndex
            let line = utf8[index..<lineEnd]
            lineCount += 1
            if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) {
                let yaml = String(text[yamlStart..<index])
                let body = lineEnd < utf8.endIndex ? text[utf8.index(after: lineEnd)...] : ""
                let (fields, findings) = parseFields(yaml, file: file)
                var front = FrontMatter(fields: fields, location: start, isPresent: true)
                front.isReadable = findings.isEmpty
                return (front, body, lineCount, findings)
            }
            index = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : utf8.endIndex
        }
        let finding = Rule.frontMatterMissing.finding(
            "头信息没有结束标记「---」", gist: "front matter is not closed", at: start,
            hint: "在头信息最后一行之后加一行 ---")
        return (absent, text[...], 0, [finding])
    }

    private static func parseFields(_ yaml: String, file: String) -> ([String: Located<String>], [Finding]) {
        switch YAMLDocument.parse(yaml, file: file, lineOffset: 1) {
        case .failure(let finding): return ([:], [finding])
        case .success(nil): return ([:], [])
        case .success(let root?):
            guard let mapping = root.mapping else {
                return ([:], [Rule.yamlShape.finding("头信息应当是「键: 值」的列表", gist: "front matter must be a mapping",
                                                     at: root.location(in: file, lineOffset: 1))])
            }
            var fields: [String: Located<String>] = [:]
            for (key, value) in mapping {
                guard let name = key.string else { continue }
                fields[name] = Located(value.string ?? "", at: value.location(in: file, lineOffset: 1))
            }
            return (fields, [])
        }
    }
}
