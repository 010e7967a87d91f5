import Foundation
import Testing

/// Script injection: payloads written wherever a writer or an administrator can write text end
/// up inert in every built page, feed and data file.
@Suite struct ContentSafetyTests {
    /// Classic cross-site scripting payloads (OWASP's filter-evasion list, shortened).
    static let payloads = [
        "<script>alert(1)</script>",
        "\"><script>alert(2)</script>",
        "'><img src=x onerror=alert(3)>",
        "<svg onload=alert(4)>",
        "<iframe src=\"javascript:alert(5)\"></iframe>",
        "<a href=\"javascript:alert(6)\">点我</a>",
        "<style>body{background:url(javascript:alert(7))}</style>",
        "<sup onclick=alert(8)>1</sup>",
        "<body onload=alert(9)>",
        "</title><script>alert(10)</script>",
        "{{{page.title}}}<!--",
    ]

    struct Tag: CustomStringConvertible {
        let name: String
        var attributes: [String: String] = [:]
        var description: String { "<\(name) \(attributes)>" }
    }

    /// The start tags of `html` with their attributes, read as a browser tokenizes them (text,
    /// comments and attribute values are skipped over, so an escaped payload inside them is not
    /// mistaken for markup). Bytes, not characters: every delimiter is ASCII.
    static func tags(in html: String) -> [Tag] {
        let bytes = Array(html.utf8)
        var tags: [Tag] = []
        var index = 0
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C }
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        func isNameByte(_ byte: UInt8) -> Bool {
            !isSpace(byte) && byte != UInt8(ascii: "=") && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "/")
                && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "'")
        }
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            if bytes[index...].starts(with: Array("<!--".utf8)) {
                index += 4
                while index + 2 < bytes.count, !(bytes[index] == UInt8(ascii: "-") && bytes[index + 1] == UInt8(ascii: "-") && bytes[index + 2] == UInt8(ascii: ">")) {
                    index += 1
                }
                index += 3
                continue
            }
            index += 1
            guard index < bytes.count, isLetter(bytes[index]) else { continue }
            let nameStart = index
            while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
            var tag = Tag(name: text(nameStart..<index).lowercased())
            while index < bytes.count, bytes[index] != UInt8(ascii: ">") {
                let byte = bytes[index]
                if isSpace(byte) || byte == UInt8(ascii: "/") || !isNameByte(byte) && byte != UInt8(ascii: "=") {
                    index += 1
                    continue
                }
                let attributeStart = index
                while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
                let attribute = text(attributeStart..<index).lowercased()
                var value = ""
                if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                    index += 1
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                        let quote = bytes[index]
                        let valueStart = index + 1
                        index = valueStart
                        while index < bytes.count, bytes[index] != quote { index += 1 }
                        value = text(valueStart..<min(index, bytes.count))
                        index += 1
                    } else {
                        let valueStart = index
                        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                        value = text(valueStart..<index)
                    }
                }
                if !attribute.isEmpty { tag.attributes[attribute] = value }
            }
            tags.append(tag)
        }
        return tags
    }

    @Test("payloads in front matter, agency.yaml, nianbao.yaml and the narrative run nowhere in Output")
    func payloadsAreInert() throws {
        let site = try ScratchSite()
        try site.copySample(agency: "qingshan-tax")
        let joined = Self.payloads.joined(separator: " ")
        // YAML double-quoted scalars hold any of the payloads.
        func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        try site.write(
            "nianbao.yaml",
            "name: \(quoted("门户网站" + Self.payloads[1]))\ndomain: www.example.gov.cn\nbase_url: https://www.example.gov.cn/zfxxgk/\ncolumn: \(quoted("年报" + Self.payloads[2]))\n")
        try site.write("Content/qingshan-tax/agency.yaml", "name: \(quoted("青山县税务局" + Self.payloads[3]))\nkind: 部门\n")
        let report = "Content/qingshan-tax/2023/report.md"
        var text = try site.read(report)
        text = text.replacingOccurrences(of: "title: 国家税务总局青山县税务局2023年政府信息公开工作年度报告", with: "title: \(quoted("年报" + Self.payloads[9]))")
        text = text.replacingOccurrences(of: "索引号: 001000102/2024-00001", with: "索引号: \(quoted(Self.payloads[0]))")
        text += "\n" + Self.payloads.joined(separator: "\n\n") + "\n\n"
        text += "[链接](javascript:alert(11)) [链接](JaVaScRiPt:alert(12)) [链接](data:text/html;base64,PHNjcmlwdD4=) ![图](x\" onerror=\"alert(13))\n"
        text += "[标题](https://www.example.gov.cn/ \"\\\" onmouseover=alert(14) \\\"\") 行内 \(joined)\n"
        try site.write(report, text)
        // Errors are expected (raw HTML is reported); the pages are built anyway to inspect them.
        let result = try Nianbao.run(["build", "-s", site.root.path, "--allow-errors", "--no-pdf"], environment: ["NIANBAO_TODAY": "2026-11-29"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("narrative-raw-html"))
        let output = site.root.appendingPathComponent("Output")
        var checked = 0
        for (path, data) in BuildCommandTests.snapshot(output) where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            checked += 1
            var problems: [String] = []
            let tags = Self.tags(in: String(decoding: data, as: UTF8.self))
            // The theme's one <body>, without attributes, and the agency page's chart are the only ones.
            if tags.filter({ $0.name == "body" }).count > 1 { problems.append("a second <body>") }
            for tag in tags {
                if tag.name == "body", !tag.attributes.isEmpty { problems.append("\(tag)") }
                if tag.name == "svg", tag.attributes["aria-labelledby"] != "chart-title" { problems.append("\(tag)") }
                // The only scripts are the theme's own files, loaded by src.
                if tag.name == "script", tag.attributes["src"]?.contains("assets/") != true { problems.append("\(tag)") }
                if ["iframe", "style", "object", "embed", "frame", "base"].contains(tag.name) { problems.append("\(tag)") }
                for (name, value) in tag.attributes {
                    let scheme = value.trimmingCharacters(in: .whitespaces).lowercased()
                    if name.hasPrefix("on") || ["javascript:", "vbscript:", "data:text"].contains(where: scheme.hasPrefix) {
                        problems.append("\(tag)")
                    }
                }
            }
            #expect(problems.isEmpty, "\(path): \(problems)")
        }
        // The data files are not HTML; the search script puts their text into the page as text.
        let script = try String(contentsOf: Nianbao.repositoryRoot.appendingPathComponent("Themes/default/assets/search.js"), encoding: .utf8)
        #expect(!script.contains("innerHTML") && !script.contains("insertAdjacentHTML") && !script.contains("document.write"))
        #expect(checked > 10)
        // The payloads are shown as text where they were written as text.
        let page = String(decoding: try Data(contentsOf: output.appendingPathComponent("qingshan-tax/2023/index.html")), as: UTF8.self)
        #expect(page.contains("&lt;/title&gt;&lt;script&gt;alert(10)&lt;/script&gt;"))
        #expect(page.contains("<sup>") || !text.contains("<sup>1</sup>"))
    }
}
