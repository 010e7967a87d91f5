import Diagnostics
import Foundation
@testable import SiteModel
import Testing

/// Reading YAML is linear in the input: a file of n keys under one map (a hostile or broken
/// file) is checked in time proportional to n. The duplicate-key check went by linear search,
/// and 40,000 keys under one table of `tables.yaml` took 51 s to check.
@Suite struct LinearYAMLTests {
    /// `tables.yaml` whose first table holds `count` keys under one map, each an unknown row
    /// label (so each is a finding), in the plain YAML the fast reader takes.
    static func tables(keys count: Int) -> String {
        var text = "二、主动公开政府信息情况:\n"
        for index in 0..<count { text += "  项目\(index): 1\n" }
        return text
    }

    /// A top-level map of `count` keys that only libyaml reads (a quoted key with an escape).
    static func escapedKeys(_ count: Int) -> String {
        var text = ""
        for index in 0..<count { text += "\"项目\\t\(index)\": 1\n" }
        return text
    }

    static func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// The time of `body` for the larger input over that for the smaller, measured one after
    /// the other in the same test: a bound relative to the machine's speed at the time, which
    /// holds on a loaded machine. Linear reading gives about 10; quadratic about 100. The
    /// smaller input is timed three times and its slowest run taken, so that a lucky short
    /// run cannot make a linear reader look quadratic.
    static func ratio(small: String, large: String, _ body: (String) -> Void) -> (Double, Double) {
        body(small)  // warm up: the forms, the label tables
        let smallTime = (0..<3).map { _ in seconds { body(small) } }.max()!
        let largeTime = seconds { body(large) }
        return (largeTime / smallTime, largeTime)
    }

    /// The issue's file: 40,000 rows under one table. Ten times fewer keys than below, as the
    /// table reader matches each unknown label against the form's (a finding with a suggestion
    /// each), which costs far more per key than reading the YAML.
    @Test("40,000 keys under one table of tables.yaml take less than 25 times as long as 4,000")
    func manyRowsUnderOneTable() {
        var counted = 0
        let (ratio, took) = Self.ratio(small: Self.tables(keys: 4_000), large: Self.tables(keys: 40_000)) { text in
            counted = TablesLoader.load(text, file: "t.yaml", year: 2024).1.filter { $0.rule == Rule.cellUnknown.id }.count
        }
        #expect(counted == 40_000, "every unknown row is still reported")
        #expect(ratio < 25, "40,000 keys took \(ratio)× the time of 4,000 (\(took) s)")
    }

    @Test("100,000 keys under one map, through the fast reader and through libyaml, take less than 25 times as long as 10,000")
    func manyKeysUnderOneMap() {
        for (small, large) in [
            (Self.tables(keys: 10_000), Self.tables(keys: 100_000)), (Self.escapedKeys(10_000), Self.escapedKeys(100_000)),
        ] {
            var keys = 0
            let (ratio, took) = Self.ratio(small: small, large: large) { text in
                guard case .success(let root?) = YAMLDocument.parse(text, file: "t.yaml") else { return }
                keys = (root.mapping?.first?.value.mapping ?? root.mapping)?.count ?? 0
            }
            #expect(keys == 100_000)
            #expect(ratio < 25, "100,000 keys took \(ratio)× the time of 10,000 (\(took) s)")
        }
        // The first shape is the fast reader's, the second libyaml's: both readers are timed.
        guard case .document = YAMLFastPath.parse(Self.tables(keys: 100)) else { Issue.record("fast reader declined"); return }
        guard case .unsupported = YAMLFastPath.parse(Self.escapedKeys(100)) else { Issue.record("fast reader accepted"); return }
    }

    @Test("a duplicate key is still reported at its first occurrence, in small and large maps, by both readers",
          arguments: [5, 31, 32, 33, 40, 5000])
    func duplicateKeys(count: Int) throws {
        let repeated = count / 2
        for escaped in [false, true] {
            var lines = (0..<count).map { escaped ? "\"k\\t\($0)\": 1" : "k\($0): 1" }
            lines.append(escaped ? "\"k\\t\(repeated)\": 2" : "k\(repeated): 2")
            let text = lines.joined(separator: "\n") + "\n"
            #expect(YAMLFastPathTests.agrees(text))
            guard case .failure(let finding) = YAMLDocument.parse(text, file: "t.yaml") else {
                Issue.record("duplicate key not reported among \(count) keys (escaped: \(escaped))")
                continue
            }
            #expect(finding.rule == Rule.yamlSyntax.id)
            #expect(finding.location == Diagnostics.SourceLocation(file: "t.yaml", line: repeated + 1, column: 1))
            #expect(finding.message.contains("重复的键") && finding.message.contains("第 \(count + 1) 行再次出现"), "\(finding.message)")
        }
    }

    @Test("keys are compared by their bytes, as before: a decomposed é is not a precomposed é, however large the map")
    func keysComparedByBytes() {
        for count in [3, 100] {
            var index = YAMLKeyIndex()
            for key in 0..<count { #expect(index.insert("k\(key)", at: .init(line: key + 1, column: 1)) == nil) }
            #expect(index.insert("caf\u{E9}", at: .init(line: count + 1, column: 1)) == nil)
            #expect(index.insert("cafe\u{301}", at: .init(line: count + 2, column: 1)) == nil)
            #expect(index.insert("caf\u{E9}", at: .init(line: count + 3, column: 1)) == .init(line: count + 1, column: 1))
            #expect(index.insert("k0", at: .init(line: count + 4, column: 1)) == .init(line: 1, column: 1))
        }
    }
}
