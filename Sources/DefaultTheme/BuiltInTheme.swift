import Foundation

/// Where the default theme nianbao ships with is on disk.
public enum BuiltInTheme {
    /// The name a site's `theme:` uses for it, and the theme every other theme falls back to.
    public static let name = "default"

    /// The folder of the built-in default theme: `NIANBAO_THEMES/default` when that variable is
    /// set, else the resource bundle SwiftPM puts beside the executable. Nil when neither exists
    /// (a binary copied without its bundle); a site's own `Themes/default` still works then.
    public static var folder: URL? {
        // Bundle.module would stop the process when the bundle is missing; look for it by hand.
        var candidates: [URL] = []
        if let themes = ProcessInfo.processInfo.environment["NIANBAO_THEMES"], !themes.isEmpty {
            candidates.append(URL(fileURLWithPath: themes).appendingPathComponent(name))
        }
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            candidates.append(
                executable.deletingLastPathComponent().appendingPathComponent("nianbao_DefaultTheme.resources")
                    .appendingPathComponent(name))
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("templates").path) }
    }
}
