/// One defect found in a site: what is wrong, where, and how to put it right.
public struct Finding: Error, Sendable, Hashable, Codable {
    /// The stable rule id, e.g. `arith-column-balance`; `nianbao explain` takes it.
    public var rule: String
    public var severity: Severity
    /// What is wrong, in Chinese.
    public var message: String
    /// The English gist, for CI readers.
    public var gist: String
    public var location: SourceLocation
    /// The cell the finding is about, if any.
    public var cell: String?
    /// For arithmetic: the value the identity requires and the value found.
    public var expected: String?
    public var found: String?
    /// For arithmetic: how the two sides are made up, e.g. 「一 859 + 二 18」.
    public var terms: [String]
    /// How to fix it, in Chinese.
    public var hint: String?

    public init(
        rule: String, severity: Severity, message: String, gist: String, location: SourceLocation,
        cell: String? = nil, expected: String? = nil, found: String? = nil, terms: [String] = [], hint: String? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.gist = gist
        self.location = location
        self.cell = cell
        self.expected = expected
        self.found = found
        self.terms = terms
        self.hint = hint
    }
}

extension Array where Element == Finding {
    /// Findings in the order users read them: by file, then position, then rule.
    public func sortedForReport() -> [Finding] {
        sorted { ($0.location, $0.rule, $0.message) < ($1.location, $1.rule, $1.message) }
    }

    public func count(_ severity: Severity) -> Int { lazy.filter { $0.severity == severity }.count }
}
