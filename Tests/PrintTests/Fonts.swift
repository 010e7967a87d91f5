import Foundation
import PrintReport
import SiteModel
import Testing
import Typesetting
import Diagnostics

/// The Debian fonts the tests set type with, loaded once.
enum TestFonts {
    static let underCI = ProcessInfo.processInfo.environment["CI"] != nil
    static let loaded: FontSet? = PrintFonts.load(.empty, root: URL(fileURLWithPath: "/")).0
    /// Whether the default fonts are installed (`.ci/run` installs them; elsewhere tests skip).
    static let available = loaded != nil || underCI

    static func fonts() throws -> FontSet { try #require(loaded, "install fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei") }
}

/// Choosing fonts when none are installed.
@Suite struct FontChoiceTests {
    @Test("with no CJK font at all, one error naming the packages to install")
    func noFonts() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-nofonts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let (fonts, findings) = PrintFonts.load(.empty, root: empty, folders: [empty.path])
        #expect(fonts == nil)
        #expect(findings.count == 1)
        #expect(findings.first?.rule == "print-font-missing")
        #expect(findings.first?.severity == .error)
        #expect(findings.first?.hint?.contains("apt-get install fonts-arphic-ukai fonts-arphic-uming fonts-wqy-zenhei") == true)
    }
}
