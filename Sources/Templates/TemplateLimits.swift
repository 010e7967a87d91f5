/// How far one render may go. A template that includes itself (a partial through itself, a
/// block through its own override) or nests a list inside itself can grow without end, and
/// swift-mustache let it take the stack; here a render that reaches a limit stops writing and
/// says so (`RenderedTemplate.stoppedAtLimit`), and the build reports it.
public struct TemplateLimits: Sendable {
    /// Sections, partials and blocks open inside one another.
    public var depth: Int
    /// Nodes rendered: text, names, and each pass of a section.
    public var steps: Int
    /// Bytes written, indentation included.
    public var bytes: Int

    /// Far above any page nianbao makes: the largest page of 20,000 reports, the index, is 7 MB
    /// and a tenth of these steps (a test holds it there).
    public static let standard = TemplateLimits(depth: 256, steps: 20_000_000, bytes: 128 << 20)

    public init(depth: Int, steps: Int, bytes: Int) {
        (self.depth, self.steps, self.bytes) = (depth, steps, bytes)
    }
}

/// A template's text for one page, and whether a limit cut it short.
public struct RenderedTemplate: Sendable {
    public let text: String
    /// The template (the page's or a partial) being rendered when a limit stopped it; nil when
    /// none did.
    public let stoppedIn: String?
    /// The steps the render took (`TemplateLimits.steps`).
    public let steps: Int

    public var stoppedAtLimit: Bool { stoppedIn != nil }
}
