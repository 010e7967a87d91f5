import CMarkGFM
import Foundation

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

    /// `cmark_parser_finish`, one parser at a time. cmark-gfm marks an extension's inline
    /// characters (strikethrough's `~`) in one table shared by the process while a parser reads
    /// its inlines, and clears them when it is done: a parser finishing on another thread cleared
    /// `~` under this one, and `~~删~~` came out as text (seen in CI). Block parsing (`feed`)
    /// touches no shared state and stays parallel.
    public static func finish(_ parser: OpaquePointer) -> OpaquePointer? {
        inlines.lock()
        defer { inlines.unlock() }
        return cmark_parser_finish(parser)
    }

    private static let inlines = NSLock()
}
