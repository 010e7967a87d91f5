import Foundation
import Testing

/// The bad-input corpus (Tests/EndToEndTests/BadInput/<case>/: files laid over the sample
/// agency, and expect.json), plus the cases that cannot be committed as files (a 100 MB file,
/// symbolic links out of the site). Every case: the expected finding at its file and line, the
/// expected exit code, no crash, and an Output/ from an earlier good build left exactly as it was.
@Suite("bad-input corpus")
struct BadInputCorpusTests {
    struct Expect: Decodable {
        let command: String
        let exit: Int32
        let file: String
        let rule: String?
        let line: Int?
    }

    struct Findings: Decodable {
        struct Location: Decodable {
            let file: String
            let line: Int
            let column: Int
        }
        struct Finding: Decodable {
            let rule: String
            let location: Location
        }
        let findings: [Finding]
    }

    static let corpus = Nianbao.repositoryRoot.appendingPathComponent("Tests/EndToEndTests/BadInput")
    static let names = ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).sorted()

    /// The sample agency, built once without problems: what every case starts from.
    static func goodSite() throws -> ScratchSite {
        let site = try ScratchSite()
        try site.copySample(agency: "qingshan-tax")
        try site.write("nianbao.yaml", try String(contentsOf: Nianbao.repositoryRoot.appendingPathComponent("nianbao.yaml"), encoding: .utf8))
        let built = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"], environment: ["NIANBAO_TODAY": "2026-11-29"])
        #expect(built.status == 0, "\(built.stdout)\(built.stderr)")
        return site
    }

    /// Runs `expect.command` on `site` after `damage`, and checks the outcome.
    func run(_ expect: Expect, on site: ScratchSite, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let output = site.root.appendingPathComponent("Output")
        let before = BuildCommandTests.snapshot(output)
        let arguments = [expect.command, "-s", site.root.path, "--format", "json"] + (expect.command == "build" ? ["--no-pdf"] : [])
        let result = try Nianbao.run(arguments, environment: ["NIANBAO_TODAY": "2026-11-29"])
        #expect(result.status == expect.exit, "\(result.stdout.prefix(2000))\(result.stderr)", sourceLocation: sourceLocation)
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Crash"), sourceLocation: sourceLocation)
        let findings = try JSONDecoder().decode(Findings.self, from: Data(result.stdout.utf8)).findings
        if let rule = expect.rule {
            let matching = findings.filter { $0.rule == rule && $0.location.file == expect.file }
            #expect(!matching.isEmpty, "no \(rule) at \(expect.file): \(findings.map { "\($0.rule)@\($0.location.file):\($0.location.line)" })", sourceLocation: sourceLocation)
            if let line = expect.line {
                #expect(matching.contains { $0.location.line == line }, "\(matching.map(\.location.line)) ≠ \(line)", sourceLocation: sourceLocation)
            }
        } else {
            #expect(!findings.contains { $0.location.file == expect.file }, "\(findings.map(\.rule))", sourceLocation: sourceLocation)
        }
        // A build refused whole (and any check) leaves the previous output as it was, and nothing beside it.
        let unrefused = BuildCommandTests.snapshot(output)  // (`expect.command` may have built)
        let strict = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf", "--all-or-nothing"], environment: ["NIANBAO_TODAY": "2026-11-29"])
        #expect(!strict.stderr.contains("Fatal error"), sourceLocation: sourceLocation)
        if strict.status != 0 {
            #expect(strict.status == 1 || strict.status == 74, sourceLocation: sourceLocation)
            #expect(BuildCommandTests.snapshot(output) == unrefused, "Output changed", sourceLocation: sourceLocation)
        }
        // By default the other reports are published, and a report withheld for its errors keeps
        // the files it was published with, byte for byte.
        let build = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"], environment: ["NIANBAO_TODAY": "2026-11-29"])
        #expect(!build.stderr.contains("Fatal error"), sourceLocation: sourceLocation)
        if build.status != 0 {
            #expect(build.status == 1 || build.status == 74, sourceLocation: sourceLocation)
            let parts = expect.file.split(separator: "/")
            if parts.count >= 3, parts[0] == "Content", Int(parts[2]) != nil {
                let prefix = "\(parts[1])/\(parts[2])/"
                let published = BuildCommandTests.snapshot(output).filter { $0.key.hasPrefix(prefix) }
                #expect(published == before.filter { $0.key.hasPrefix(prefix) }, "\(prefix) changed", sourceLocation: sourceLocation)
            }
        }
        let strays = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains(".nianbao-") && $0 != ".nianbao-cache" }
        #expect(strays.isEmpty, "\(strays)", sourceLocation: sourceLocation)
    }

    @Test("the corpus folder holds its cases (a parameterized test over no case passes silently)")
    func corpusIsThere() {
        #expect(Self.names.count >= 40, "\(Self.corpus.path) holds \(Self.names.count) cases")
        for name in Self.names {
            #expect(FileManager.default.fileExists(atPath: Self.corpus.appendingPathComponent(name + "/expect.json").path), "\(name)")
        }
    }

    @Test("a case of the corpus", arguments: names)
    func corpusCase(name: String) throws {
        let folder = Self.corpus.appendingPathComponent(name)
        let expect = try JSONDecoder().decode(Expect.self, from: Data(contentsOf: folder.appendingPathComponent("expect.json")))
        let site = try Self.goodSite()
        let files = folder.appendingPathComponent("files")
        let walker = FileManager.default.enumerator(atPath: files.path)
        while let path = walker?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: files.appendingPathComponent(path).path, isDirectory: &isFolder), !isFolder.boolValue {
                try site.write(path, try Data(contentsOf: files.appendingPathComponent(path)))
            }
        }
        try run(expect, on: site)
    }

    @Test("a 100 MB report.md is refused before it is read")
    func hugeFile() throws {
        let site = try Self.goodSite()
        let path = "Content/qingshan-tax/2023/report.md"
        try site.write(path, Data(repeating: UInt8(ascii: "a"), count: 100 * 1024 * 1024))
        try run(Expect(command: "check", exit: 1, file: path, rule: "file-unreadable", line: 1), on: site)
    }

    @Test("symbolic links out of the site are not followed: a file, a year folder, an agency folder")
    func symbolicLinks() throws {
        let outside = try ScratchSite()
        try outside.copySample(agency: "qingshan-tax")
        for (link, target, reported) in [
            ("Content/qingshan-tax/2023/report.md", "/etc/passwd", "Content/qingshan-tax/2023/report.md"),
            ("Content/qingshan-tax/2019", outside.root.appendingPathComponent("Content/qingshan-tax/2022").path, "Content/qingshan-tax/2019"),
            ("Content/borrowed-tax", outside.root.appendingPathComponent("Content/qingshan-tax").path, "Content/borrowed-tax"),
        ] {
            let site = try Self.goodSite()
            let url = site.root.appendingPathComponent(link)
            try? FileManager.default.removeItem(at: url)
            try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
            try run(Expect(command: "check", exit: 1, file: reported, rule: "file-unreadable", line: 1), on: site)
        }
    }
}
