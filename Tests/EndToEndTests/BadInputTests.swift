import Foundation
import Testing

/// Broken files get one clear finding each, never a crash.
@Suite("bad input")
struct BadInputTests {
    struct Findings: Decodable {
        struct Location: Decodable { let file: String; let line: Int }
        struct Finding: Decodable { let rule: String; let message: String; let location: Location }
        let findings: [Finding]
    }

    static let cases: [(name: String, bytes: [UInt8], rule: String, says: String)] = [
        ("malformed YAML", Array("二、主动公开政府信息情况:\n  第二十条第（一）项: [1, 2\n".utf8), "yaml-syntax", "YAML 语法错误"),
        ("binary file", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A, 0x0A], "file-binary", "NUL"),
        ("empty file", [], "file-empty", "文件为空"),
        // 「二、主动公开」 in GB18030.
        ("GB18030 file", [0xB6, 0xFE, 0xA1, 0xA2, 0xD6, 0xF7, 0xB6, 0xAF, 0xB9, 0xAB, 0xBF, 0xAA, 0x3A, 0x20, 0x31, 0x0A],
         "file-encoding", "GB18030"),
    ]

    @Test("tables.yaml that is broken", arguments: 0..<4)
    func brokenTables(index: Int) throws {
        let (_, bytes, rule, says) = Self.cases[index]
        let site = try ScratchSite()
        try site.copySample(agency: "qingshan-tax")
        let path = "Content/qingshan-tax/2023/tables.yaml"
        try site.write(path, Data(bytes))
        let result = try Nianbao.run(["check", "-s", site.root.path, "--format", "json"])
        #expect(result.status == 1)
        #expect(!result.stderr.contains("Fatal error"))
        let findings = try JSONDecoder().decode(Findings.self, from: Data(result.stdout.utf8)).findings
        let mine = findings.filter { $0.location.file == path }
        #expect(mine.count == 1)
        #expect(mine.first?.rule == rule)
        #expect(mine.first?.message.contains(says) == true)
        // The broken report's other file and the other reports are still checked.
        #expect(!findings.contains { $0.location.file.hasPrefix("Content/qingshan-tax/2024") })
    }

    @Test("the text output of a GB18030 file names the encoding and the conversion")
    func gbText() throws {
        let site = try ScratchSite()
        try site.copySample(agency: "qingshan-tax")
        try site.write("Content/qingshan-tax/2022/report.md", Data(Self.cases[3].bytes))
        let result = try Nianbao.run(["check", "-s", site.root.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("GB18030/GBK"))
        #expect(result.stdout.contains("iconv -f GB18030 -t UTF-8"))
    }
}
