import Foundation
import ReportForm
import Scaffold
@testable import SiteModel
import Testing

/// The fast YAML reader must never disagree with libyaml: wherever it returns a tree, libyaml
/// returns the same tree (text, quoting, positions); wherever libyaml fails, it steps aside.
@Suite struct YAMLFastPathTests {
    static func same(_ a: YAMLNode, _ b: YAMLNode) -> Bool {
        guard a.position == b.position else { return false }
        switch (a, b) {
        case (.scalar(let x, let px, _), .scalar(let y, let py, _)): return x == y && px == py
        case (.sequence(let x, _), .sequence(let y, _)): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (.mapping(let x, _), .mapping(let y, _)):
            return x.count == y.count && zip(x, y).allSatisfy { same($0.key, $1.key) && same($0.value, $1.value) }
        default: return false
        }
    }

    /// Whether the fast reader agrees with libyaml on `text`; true also where it declines.
    static func agrees(_ text: String) -> Bool {
        guard case .document(let fast) = YAMLFastPath.parse(text) else { return true }
        let slow: YAMLNode?
        do { slow = try YAMLReader.parse(text) } catch { return false }
        switch (fast, slow) {
        case (nil, nil): return true
        case (let f?, let s?): return same(f, s)
        default: return false
        }
    }

    static var repositoryFiles: [URL] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let folders = ["Content", "Tests/ValidationTests/Fixtures"].map { root.appendingPathComponent($0) }
        var files = [root.appendingPathComponent("nianbao.yaml")]
        for folder in folders {
            let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                if url.pathExtension == "yaml" { files.append(url) }
            }
        }
        return files
    }

    @Test("agrees with libyaml on every YAML file in the repository, and reads the shipped tables itself")
    func repositoryFilesAgree() throws {
        let files = Self.repositoryFiles
        #expect(files.count > 20)
        for url in files {
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(Self.agrees(text), "\(url.path)")
            if url.path.contains("/Content/"), url.lastPathComponent == "tables.yaml" {
                guard case .document = YAMLFastPath.parse(text) else {
                    Issue.record("the fast reader declined \(url.path)")
                    continue
                }
            }
        }
    }

    @Test("agrees with libyaml on the templates of both form editions")
    func templatesAgree() {
        for year in [2020, 2024] {
            let text = TablesTemplate.yaml(for: .required(forReportYear: year), year: year)
            #expect(Self.agrees(text))
            guard case .document(let root?) = YAMLFastPath.parse(text) else {
                Issue.record("declined the \(year) template")
                continue
            }
            #expect(root.mapping?.count == 3)
        }
    }

    @Test("steps aside for YAML beyond its subset", arguments: [
        "a: [1, 2\n", "a: b: c\n", "- a\n", "a: &x 1\nb: *x\n", "a: |\n  text\n", "a: 'it''s'\n", "a: \"x\\ty\"\n",
        "a:\n", "a: 1\na: 2\n", "a: 1\n  b: 2\n", "---\na: 1\n", "a: {b: 1}\n", "a:\tb\n", "a: [1, 'x']\n", "? a\n: b\n",
        "a: 1\n b: 2\n", "a: b\n  c\n", "a: [1,]\n", "a: [1 # x]\n",
    ])
    func declines(_ text: String) {
        guard case .unsupported = YAMLFastPath.parse(text) else {
            Issue.record("accepted \(text.debugDescription)")
            return
        }
    }

    @Test("random edits of a filled-in tables.yaml never make it disagree with libyaml")
    func mutations() {
        var values: [CellID: String] = [:]
        for (index, cell) in ReportForm.revised2021.cells.enumerated() { values[cell.id] = String(index % 17) }
        let base = Array(TablesTemplate.yaml(for: .revised2021, year: 2024, values: values).unicodeScalars)
        let pieces = [" ", "  ", ":", ": ", "#", " #", "'", "\"", "[", "]", ",", "-", "\n", "x", "中", "{", "&", "*", "!",
                      "|", ">", "?", "%", "@", "`", "\\", "~", "0", "\u{85}", "\u{2028}", "\u{FEFF}", "\u{7}"]
        var random = SeededRandom(seed: 0x9E37_79B9_7F4A_7C15)
        var disagreements: [String] = []
        var accepted = 0
        for _ in 0..<3000 {
            var text = base
            for _ in 0..<(1 + random.next(3)) {
                let at = random.next(text.count)
                if random.next(3) == 0 {
                    text.removeSubrange(at..<min(text.count, at + 1 + random.next(4)))
                } else {
                    text.insert(contentsOf: pieces[random.next(pieces.count)].unicodeScalars, at: at)
                }
            }
            let string = String(String.UnicodeScalarView(text))
            if case .document = YAMLFastPath.parse(string) { accepted += 1 }
            if !Self.agrees(string) { disagreements.append(string) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(3))")
        #expect(accepted > 300, "the fast reader should still take harmless edits")
    }
}
