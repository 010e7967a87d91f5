import Diagnostics

/// Parses YAML into a node tree with positions, turning parse errors into findings.
enum YAMLDocument {
    /// The root node of `text`, or the finding that says where the YAML is broken.
    /// `lineOffset` shifts positions for YAML embedded in a larger file (front matter).
    static func parse(_ text: String, file: String, lineOffset: Int = 0) -> Result<YAMLNode?, Finding> {
        if case .document(let root) = YAMLFastPath.parse(text) { return .success(root) }
        if let tab = tabIndentation(text) {
            return .failure(Rule.yamlSyntax.finding(
                "缩进使用了制表符（Tab）", gist: "tab used for indentation",
                at: SourceLocation(file: file, line: tab + lineOffset, column: 1), hint: "YAML 的缩进只能用空格。"))
        }
        do {
            return .success(try YAMLReader.parse(text))
        } catch {
            let at = SourceLocation(file: file, line: error.line + lineOffset, column: error.column)
            switch error.kind {
            case .tag:
                return .failure(Rule.yamlTag.finding(
                    "YAML 标签「\(error.problem)」不被接受", gist: "YAML tag \(error.problem) refused", at: at, found: error.problem,
                    hint: "删去「\(error.problem)」，只写值本身（数字直接写数字，文字可加引号）；nianbao 不按标签转换数据。"))
            case .duplicateKey:
                return .failure(Rule.yamlSyntax.finding(
                    error.problem, gist: "duplicate keys in mapping", at: at, hint: "每个标签在同一层只能出现一次；删除或合并重复的键。"))
            case .syntax:
                let place = error.context.map { "（\($0)）" } ?? ""
                return .failure(Rule.yamlSyntax.finding(
                    "YAML 语法错误：\(error.problem)\(place)", gist: "YAML syntax error: \(error.problem)", at: at,
                    hint: "检查该行及上一行的缩进、冒号后的空格和引号是否配对。"))
            }
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
}
