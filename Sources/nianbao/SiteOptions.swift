import ArgumentParser
import Foundation

/// The site a command works on.
struct SiteOptions: ParsableArguments {
    @Option(name: [.short, .long], help: "站点根目录（含 nianbao.yaml 和 Content/）(site root)")
    var source: String = "."

    var root: URL { URL(fileURLWithPath: source, isDirectory: true).standardizedFileURL }
}

/// Exit codes of DESIGN §1 beyond ArgumentParser's own (0 success, 64 usage).
enum Exit {
    /// Findings at error level, or warnings with --strict.
    static let findings = ExitCode(1)
    /// The site could not be read.
    static let io = ExitCode(74)
    /// Another build of the site is running (`build --no-wait`).
    static let busy = ExitCode(75)
}

/// Writes to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data(("nianbao: " + message + "\n").utf8))
}
