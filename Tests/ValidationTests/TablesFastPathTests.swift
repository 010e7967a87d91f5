import Foundation
import ReportForm
import Scaffold
@testable import SiteModel
import Testing

/// The direct table reader must never disagree with the full one: wherever it answers, the full
/// reader finds nothing to report and reads the same values at the same places.
@Suite struct TablesFastPathTests {
    /// Nil where the fast reader declines or agrees; else what differs.
    static func disagreement(_ text: String, year: Int) -> String? {
        let file = "Content/a/\(year)/tables.yaml"
        guard let fast = TablesFastPath.read(text, file: file, form: .required(forReportYear: year)) else { return nil }
        let (full, findings) = TablesLoader.readInFull(text, file: file, year: year)
        guard findings.isEmpty else { return "the full reader found \(findings.map(\.rule))" }
        guard let full else { return "the full reader read no tables" }
        guard full.form.version == ReportForm.required(forReportYear: year).version else { return "read as another edition" }
        guard full.tableLocations == fast.tableLocations else { return "table locations \(full.tableLocations) ≠ \(fast.tableLocations)" }
        var tables = ReportTables(file: file, form: full.form, cellValues: fast.values, collapsedRows: [:], tableLocations: fast.tableLocations)
        tables.fillOmittedTotals()
        for index in full.form.cells.indices where full.value(at: index) != tables.value(at: index) {
            return "\(full.form.cells[index].id): \(String(describing: full.value(at: index))) ≠ \(String(describing: tables.value(at: index)))"
        }
        return nil
    }

    static func filledTemplate(_ version: FormVersion, year: Int) -> String {
        var values: [CellID: String] = [:]
        for (index, cell) in ReportForm.edition(version).cells.enumerated() {
            values[cell.id] = cell.kind.scale > 0 && index % 3 == 0 ? "\(index).5" : String(index % 17)
        }
        return TablesTemplate.yaml(for: .edition(version), year: year, values: values)
    }

    @Test("reads the templates of both editions and every shipped tables.yaml itself, as the full reader does")
    func shippedFiles() throws {
        for (version, year) in [(FormVersion.trial2019, 2020), (.revised2021, 2024)] {
            let text = Self.filledTemplate(version, year: year)
            #expect(TablesFastPath.read(text, file: "t.yaml", form: .edition(version)) != nil, "declined the \(year) template")
            #expect(Self.disagreement(text, year: year) == nil)
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let walker = FileManager.default.enumerator(at: root.appendingPathComponent("Content"), includingPropertiesForKeys: nil)
        var read = 0
        while let url = walker?.nextObject() as? URL {
            guard url.lastPathComponent == "tables.yaml", let year = Int(url.deletingLastPathComponent().lastPathComponent) else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(Self.disagreement(text, year: year) == nil, "\(url.path)")
            if TablesFastPath.read(text, file: "t.yaml", form: .required(forReportYear: year)) != nil { read += 1 }
        }
        #expect(read >= 13, "the sample's tables are all as the form asks")
    }

    @Test("declines what the full reader has something to say about", arguments: [
        ("（一）予以公开: [0, 0, 0, 0, 0, 0, 0]", "（一）予以公开: [0, 0, 0, 0, 0]"),  // values missing
        ("（一）予以公开: [0, 0, 0, 0, 0, 0, 0]", "（一）予以公开: [0, 0, 0, 0, 0, 0, -1]"),
        ("（一）予以公开: [0, 0, 0, 0, 0, 0, 0]", "（一）予以公开: [0, 0, 0, 0, 0, 0, 0.5]"),
        ("（一）予以公开: [0, 0, 0, 0, 0, 0, 0]", "（一）予以公开:  [0, 0, 0, 0, 0, 0, 0]\n    （一）予以公开: [0, 0, 0, 0, 0, 0, 0]"),
        ("（一）予以公开", "（一)予以公开"),  // a variant label
        ("（一）予以公开: [0, 0, 0, 0, 0, 0, 0]", ""),  // a row left out
        ("结果维持: 0", "结果维持: ~"),
        ("结果维持: 0", "结果维持: 0 0"),
        ("结果维持: 0", "结果维持: 1e3"),
    ])
    func declines(_ edit: (String, String)) throws {
        var values: [CellID: String] = [:]
        for cell in ReportForm.revised2021.cells { values[cell.id] = "0" }
        let text = TablesTemplate.yaml(for: .revised2021, year: 2024, values: values)
        let range = try #require(text.range(of: edit.0))
        let edited = text.replacingCharacters(in: range, with: edit.1)
        let answered = TablesFastPath.read(edited, file: "t.yaml", form: .revised2021) != nil
        #expect(!answered, "\(edit)")
        #expect(!TablesLoader.readInFull(edited, file: "t.yaml", year: 2024).1.isEmpty)
    }

    @Test("random edits of a filled-in tables.yaml never make it disagree with the full reader")
    func mutations() {
        let pieces = [" ", "  ", ":", ": ", "#", " #", "'", "[", "]", ",", "-", "\n", "x", "中", "（", "）", "0", "1", ".", "5",
                      "~", "、", "1.25", "\u{3000}", "总计"]
        var random = SeededRandom(seed: 0x2545_F491_4F6C_DD1D)
        var disagreements: [String] = []
        var accepted = 0
        for (version, year) in [(FormVersion.trial2019, 2020), (.revised2021, 2024)] {
            let base = Array(Self.filledTemplate(version, year: year).unicodeScalars)
            for _ in 0..<2000 {
                var text = base
                for _ in 0..<(1 + random.next(3)) {
                    let at = random.next(text.count)
                    switch random.next(4) {
                    case 0: text.removeSubrange(at..<min(text.count, at + 1 + random.next(4)))
                    case 1:  // a whole line removed or repeated
                        let start = text[..<at].lastIndex(of: "\n").map { $0 + 1 } ?? 0
                        let end = text[at...].firstIndex(of: "\n").map { $0 + 1 } ?? text.count
                        if random.next(2) == 0 { text.removeSubrange(start..<end) } else { text.insert(contentsOf: text[start..<end], at: end) }
                    default: text.insert(contentsOf: pieces[random.next(pieces.count)].unicodeScalars, at: at)
                    }
                }
                let string = String(String.UnicodeScalarView(text))
                if TablesFastPath.read(string, file: "t.yaml", form: .edition(version)) != nil { accepted += 1 }
                if let problem = Self.disagreement(string, year: year) { disagreements.append(problem + "\n" + string) }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(2))")
        #expect(accepted > 150, "the direct reader should still take harmless edits (\(accepted))")
    }
}
