import Diagnostics
import Yams

/// Parses YAML into a node tree with positions, turning parse errors into findings.
enum YAMLDocument {
    /// The root node of `text`, or the finding that says where the YAML is broken.
    /// `lineOffset` shifts positions for YAML embedded in a larger file (front matter).
    static func parse(_ text: String, file: String, lineOffset: Int = 0) -> Result<Node?, Finding> {
        if let tab = tabIndentation(text) {
            return .failure(Rule.yamlSyntax.finding(
                "缩进使用了制表符（Tab）", gist: "tab used for indentation",
                at: SourceLocation(file: file, line: tab + lineOffset, column: 1), hint: "YAML 的缩进只能用空格。"))
        }
        do {
            // The basic resolver: nianbao reads every scalar as text and parses numbers itself, and the
            // default resolver's regular expressions cost a third of a check.
            return .success(try Yams.compose(yaml: text, .basic, .default, .utf8))
        } catch let error as YamlError {
            return .failure(finding(for: error, file: file, lineOffset: lineOffset))
        } catch {
            return .failure(Rule.yamlSyntax.finding(
                "YAML 无法解析：\(error)", gist: "YAML parse error", at: SourceLocation(file: file, line: 1 + lineOffset)))
        }
    }

    /// The first line (1-based) indented with a tab; libyaml's own message for this is cryptic.
    private static func tabIndentation(_ text: String) -> Int? {
        var line = 1
        var atLineStart = true
        for byte in text.utf8 {
            if byte == 0x0A { line += 1; atLineStart = true; continue }
            if atLineStart && byte == 0x09 { return line }
            if byte != 0x20 { atLineStart = false }
        }
        return nil
    }

    private static func finding(for error: YamlError, file: String, lineOffset: Int) -> Finding {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let where_ = context.map { "（\($0.text)）" } ?? ""
            return Rule.yamlSyntax.finding(
                "YAML 语法错误：\(problem)\(where_)", gist: "YAML syntax error: \(problem)",
                at: SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column),
                hint: "检查该行及上一行的缩进、冒号后的空格和引号是否配对。")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let mark = context.mark
            return Rule.yamlSyntax.finding(
                "同一层中有重复的键：\(duplicates.joined(separator: "、"))", gist: "duplicate keys in mapping",
                at: SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column),
                hint: "每个标签在同一层只能出现一次；删除或合并重复的键。")
        default:
            return Rule.yamlSyntax.finding(
                "YAML 无法解析：\(error)", gist: "YAML parse error", at: SourceLocation(file: file, line: 1 + lineOffset))
        }
    }
}

extension Node {
    /// The node's position in `file`, shifted by `lineOffset`.
    func location(in file: String, lineOffset: Int = 0) -> SourceLocation {
        SourceLocation(file: file, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }
}
