/// Raw HTML in the narrative. cmark-gfm's safe mode leaves all of it out (and its tag filter
/// would neutralise `<script>`, `<iframe>`, `<style>` and the like even if it did not); these few
/// inline tags without attributes are kept, because writers use them for 上标、下标 and the like
/// and nothing in them can run. Everything else is left out, and the validator says so.
public enum RawHTML {
    /// The tags kept, without attributes.
    public static let allowedTags: Set<String> = ["sup", "sub", "br", "u", "ins", "del", "mark", "small", "strong", "em", "b", "i", "s"]

    /// The tag `literal` writes, normalised (`<sup>`, `</sup>`, `<br>`), when it is an allowed
    /// tag with no attribute; nil otherwise.
    public static func allowed(_ literal: String) -> String? {
        var text = Substring(literal)
        guard text.hasPrefix("<"), text.hasSuffix(">") else { return nil }
        text = text.dropFirst().dropLast()
        let closing = text.hasPrefix("/")
        if closing { text = text.dropFirst() }
        if text.hasSuffix("/") { text = text.dropLast() }
        let name = text.trimmingSuffix(while: { $0 == " " }).lowercased()
        guard allowedTags.contains(name), name.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        if name == "br" { return closing ? nil : "<br>" }
        return closing ? "</\(name)>" : "<\(name)>"
    }
}

extension Substring {
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var text = self
        while let last = text.last, predicate(last) { text = text.dropLast() }
        return text
    }
}
