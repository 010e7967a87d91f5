import Mustache
import Rendering

/// How `{{name}}` is escaped in every template: by `HTML.escape`, which scans bytes. The
/// library's own escaping walks Characters and looks each up in a dictionary, and took 4 % of a
/// full build's CPU. The five characters escaped, and their entities, are the same.
struct TemplateEscaping: MustacheContentType {
    /// Put before each template's text. On a line of its own it is standalone and writes
    /// nothing; parse errors are a line further down, which `Theme.load` takes back.
    static let pragma = "{{% CONTENT_TYPE: NIANBAO_HTML}}\n"

    /// Registers the content type the pragma names, once per process.
    static let registered: Void = MustacheContentTypes.register(TemplateEscaping(), named: "NIANBAO_HTML")

    func escapeText(_ text: String) -> String { HTML.escape(text) }
}
