/// Why a template does not parse, and where: a theme author fixes it from this alone.
public struct TemplateSyntaxError: Error, Sendable, Equatable {
    public enum Problem: Sendable, Equatable {
        /// `{{/name}}` closes another section than the one open (`expected`), or none.
        case closesAnotherSection(found: String, expected: String?)
        /// A section or parent still open at the end of the template.
        case unclosedSection(String)
        /// A tag without its closing delimiter, or a name with characters names cannot have.
        case unfinishedTag
        /// `{{=<% %>=}}` malformed.
        case badDelimiters
        /// `{{%…}}` other than `CONTENT_TYPE: HTML` or `CONTENT_TYPE: TEXT`.
        case unknownPragma
        /// A function on `{{$block}}`.
        case functionOnBlock
        /// Inside `{{<parent}}…{{/parent}}`, anything but `{{$block}}` overrides.
        case notABlockInParent
        /// More than a hundred sections inside one another.
        case nestedTooDeep
    }

    public let problem: Problem
    /// 1-based, counted in characters.
    public let line: Int
    public let column: Int
    /// The text of that line, to show with the message.
    public let lineText: String

    /// What is wrong, in Chinese, for the finding's message.
    public var message: String {
        switch problem {
        case .closesAnotherSection(let found, let expected?): "{{/\(found)}} 与打开的 {{#\(expected)}} 不对应"
        case .closesAnotherSection(let found, nil): "{{/\(found)}} 没有对应的 {{#\(found)}}"
        case .unclosedSection(let name): "{{#\(name)}} 没有关闭：缺少 {{/\(name)}}"
        case .unfinishedTag: "标签没有结束，或名称含有不允许的字符（只能用字母、数字和 . - _ ? * ( )）"
        case .badDelimiters: "分隔符设置 {{=… …=}} 格式不对"
        case .unknownPragma: "只支持 {{%CONTENT_TYPE: HTML}} 和 {{%CONTENT_TYPE: TEXT}}"
        case .functionOnBlock: "{{$块}} 的名称不能带函数"
        case .notABlockInParent: "{{<父模板}} 与 {{/父模板}} 之间只能有 {{$块}}…{{/块}}"
        case .nestedTooDeep: "段落嵌套超过 \(TemplateParser.maximumDepth) 层"
        }
    }
}
