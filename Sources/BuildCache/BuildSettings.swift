import Diagnostics
import Foundation
import Publish
import SiteModel
import Typesetting

/// Everything a build depends on besides the reports and agencies: the nianbao version, the
/// options, nianbao.yaml, the theme's files and the print fonts. A cache written under other
/// settings is not used.
public enum BuildSettings {
    /// What a report's findings depend on besides its files and agency: nianbao, nianbao.yaml
    /// (the allowed contacts, say) and the year. `check` trusts cached findings under this key.
    public static func validationKey(root: URL) -> String {
        let config = FileManager.default.contents(atPath: root.appendingPathComponent("nianbao.yaml").path)
        let lines = [
            "format \(BuildCache.format)", "nianbao \(NianbaoVersion.current)", "binary \(executable)", "year \(PublicationDate.today.year)",
            "config " + (config.map { SHA256.hex($0) } ?? "none"),
        ]
        return SHA256.hex(Data(lines.joined(separator: "\n").utf8))
    }

    /// The running executable's size, inode and times: a rebuilt nianbao of the same version
    /// (a developer's, a patched package) does not trust what another binary cached.
    static let executable: String = (CachedInput.signature(of: "/proc/self/exe")?.values ?? []).map(String.init).joined(separator: " ")

    public static func key(
        root: URL, makePDFs: Bool, themeFiles: [InputDigest.File], taskLists: [InputDigest.File], fonts: FontSet?
    ) -> String {
        // The year too: whether a report's year is in the future depends on it.
        var lines = [
            "format \(BuildCache.format)", "nianbao \(NianbaoVersion.current)", "binary \(executable)", "pdf \(makePDFs)",
            "year \(PublicationDate.today.year)",
        ]
        let config = FileManager.default.contents(atPath: root.appendingPathComponent("nianbao.yaml").path)
        lines.append("config " + (config.map { SHA256.hex($0) } ?? "none"))
        lines += themeFiles.sorted { $0.label < $1.label }.map { "theme \($0.sha256) \($0.label)" }
        // Task lists: their titles and deadlines are on every report page that reports on them.
        lines += taskLists.sorted { $0.label < $1.label }.map { "tasks \($0.sha256) \($0.label)" }
        for face in fonts?.faces ?? [] {
            lines.append("font \(face.path)#\(face.index) \(CachedInput.signature(of: face.path)?.values ?? [])")
        }
        if let fonts {
            lines.append("roles " + FontSet.Role.allCases.map { "\($0.rawValue)=\(fonts.face(for: $0))" }.joined(separator: ",")
                + " fallbacks \(fonts.fallbacks)")
        }
        return SHA256.hex(Data(lines.joined(separator: "\n").utf8))
    }
}
