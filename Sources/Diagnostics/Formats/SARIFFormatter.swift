/// Findings as a SARIF 2.1.0 log, the format code-scanning dashboards read.
public enum SARIFFormatter {
    struct Log: Encodable {
        let schema = "https://json.schemastore.org/sarif-2.1.0.json"
        let version = "2.1.0"
        let runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }

    struct Run: Encodable {
        let tool: Tool
        let columnKind = "unicodeCodePoints"
        let results: [Result]
    }

    struct Tool: Encodable { let driver: Driver }

    struct Driver: Encodable {
        let name = "nianbao"
        let version: String
        let rules: [RuleDescriptor]
    }

    struct Text: Encodable { let text: String }

    struct RuleDescriptor: Encodable {
        let id: String
        let name: String
        let shortDescription: Text
        let fullDescription: Text
        let help: Text
        let defaultConfiguration: Configuration
        let properties: [String: String]
    }

    struct Configuration: Encodable { let level: String }

    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int
        let level: String
        let message: Text
        let locations: [Location]
        let properties: [String: String]
    }

    struct Location: Encodable { let physicalLocation: PhysicalLocation }

    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region
    }

    struct ArtifactLocation: Encodable {
        let uri: String
        let uriBaseId = "%SRCROOT%"
    }

    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    public static func format(_ report: FindingReport, toolVersion: String) -> String {
        let rules = Rule.all
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let descriptors = rules.map { rule in
            RuleDescriptor(
                id: rule.id, name: rule.id, shortDescription: Text(text: rule.title), fullDescription: Text(text: rule.checks),
                help: Text(text: rule.fix + "\n依据：" + rule.basis), defaultConfiguration: Configuration(level: level(rule.severity)),
                properties: ["family": rule.family.rawValue])
        }
        let results = report.findings.map { finding in
            var properties = ["gist": finding.gist]
            properties["cell"] = finding.cell
            properties["expected"] = finding.expected
            properties["found"] = finding.found
            properties["hint"] = finding.hint
            return Result(
                ruleId: finding.rule, ruleIndex: index[finding.rule] ?? 0, level: level(finding.severity),
                message: Text(text: finding.message),
                locations: [Location(physicalLocation: PhysicalLocation(
                    artifactLocation: ArtifactLocation(uri: finding.location.file),
                    region: Region(startLine: finding.location.line, startColumn: finding.location.column)))],
                properties: properties)
        }
        let log = Log(runs: [Run(tool: Tool(driver: Driver(version: toolVersion, rules: descriptors)), results: results)])
        return JSONFormatter.encode(log)
    }
}
