import CMarkGFM

/// cmark-gfm's extensions, registered once for the whole process.
///
/// Registration writes a global list and is not thread-safe, so every module that parses
/// Markdown goes through this one lazily initialised value (Swift runs it exactly once, whichever
/// thread comes first); two separate registrations raced in parallel tests and an extension went
/// missing.
public enum GFMExtensions {
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Attaches the extensions named to `parser`, registering them first if needed.
    public static func attach(_ names: [String], to parser: OpaquePointer) {
        precondition(registered)
        for name in names {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
    }
}
