import Diagnostics
import Foundation
import SiteModel
import TrueType
import Typesetting

/// The faces of the printed report: chosen in nianbao.yaml (`print_font_body`, `_title`,
/// `_heading`, `_subheading`: a file path, `path#index` for one face of a .ttc, or a family name),
/// else the Debian fonts that come closest to GB/T 9704's faces.
public enum PrintFonts {
    /// A default face: its family name and the file it usually comes in.
    struct Choice {
        let family: String
        let file: String
        let package: String
    }

    /// 宋体 for the body and title (AR PL UMing), 黑体 for 一、 headings (WenQuanYi Zen Hei), 楷体
    /// for （一） headings (AR PL UKai). Debian has no free 仿宋 or 小标宋 with TrueType outlines.
    static let defaults: [FontSet.Role: Choice] = [
        .body: Choice(family: "AR PL UMing CN", file: "uming.ttc", package: "fonts-arphic-uming"),
        .title: Choice(family: "AR PL UMing CN", file: "uming.ttc", package: "fonts-arphic-uming"),
        .heading: Choice(family: "WenQuanYi Zen Hei", file: "wqy-zenhei.ttc", package: "fonts-wqy-zenhei"),
        .subheading: Choice(family: "AR PL UKai CN", file: "ukai.ttc", package: "fonts-arphic-ukai"),
    ]
    /// Tried for characters the chosen face lacks: the widest CJK coverage, then Latin symbols.
    static let fallbacks = [
        Choice(family: "WenQuanYi Zen Hei", file: "wqy-zenhei.ttc", package: "fonts-wqy-zenhei"),
        Choice(family: "AR PL UMing CN", file: "uming.ttc", package: "fonts-arphic-uming"),
        Choice(family: "DejaVu Sans", file: "DejaVuSans.ttf", package: "fonts-dejavu-core"),
    ]
    public static let folders = ["/usr/share/fonts", "/usr/local/share/fonts", NSHomeDirectory() + "/.fonts", NSHomeDirectory() + "/.local/share/fonts"]

    /// The site's print fonts, or findings saying what is missing and how to install it.
    public static func load(_ config: SiteConfig, root: URL, folders: [String] = folders) -> (FontSet?, [Finding]) {
        var faces: [FontFace] = []
        var roles: [FontSet.Role: Int] = [:]
        var findings: [Finding] = []
        var files: [String]?  // every font file under the folders, found once if needed
        func index(of face: FontFace) -> Int {
            if let existing = faces.firstIndex(where: { $0.path == face.path && $0.index == face.index }) { return existing }
            faces.append(face)
            return faces.count - 1
        }
        var found: [String: FontFace?] = [:]  // the same face serves several roles and the fallbacks
        func find(_ family: String, hint: String?) -> FontFace? {
            let key = family + "|" + (hint ?? "")
            if let known = found[key] { return known }
            if files == nil { files = Self.fontFiles(in: folders) }
            let candidates = (files ?? []).filter { hint == nil || ($0 as NSString).lastPathComponent == hint }
            let face = candidates.lazy.compactMap { FontFace.face(at: $0, family: family) }.first
            found[key] = face
            return face
        }
        for role in FontSet.Role.allCases {
            let key = "print_font_" + role.rawValue
            if let written = config[key] {
                switch resolve(written.value, root: root, find: { find($0, hint: nil) }) {
                case .success(let face): roles[role] = index(of: face)
                case .failure(let error):
                    findings.append(
                        Rule.printFontMissing.finding(
                            "\(key)：\(error.description)", gist: "print font \(written.value) is not usable",
                            at: written.location))
                }
            } else if let choice = defaults[role], let face = find(choice.family, hint: choice.file) {
                roles[role] = index(of: face)
            }
        }
        let fallbackFaces = fallbacks.compactMap { find($0.family, hint: $0.file) }.map(index(of:))
        guard findings.isEmpty else { return (nil, findings) }
        if roles[.body] == nil {
            let fallback = fallbackFaces.first { faces[$0].glyph(for: "中") != nil }
            guard let fallback else {
                let packages = Set(defaults.values.map(\.package)).sorted().joined(separator: " ")
                return (nil, [
                    Rule.printFontMissing.finding(
                        "找不到中文 TrueType 字体，无法生成 PDF", gist: "no CJK TrueType font found for the PDF",
                        at: config["print_font_body"]?.location ?? SourceLocation(file: "nianbao.yaml"),
                        hint: "apt-get install \(packages)；或用 --no-pdf 跳过 PDF。")
                ])
            }
            roles[.body] = fallback
        }
        return (FontSet(faces: faces, roles: roles, fallbacks: fallbackFaces), [])
    }

    /// A path (relative to the site), `path#index`, or a family name.
    static func resolve(_ value: String, root: URL, find: (String) -> FontFace?) -> Result<FontFace, FontError> {
        var path = value
        var number = 0
        if let hash = value.lastIndex(of: "#"), let parsed = Int(value[value.index(after: hash)...]) {
            path = String(value[..<hash])
            number = parsed
        }
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
        if FileManager.default.fileExists(atPath: url.path) {
            return Result { () throws(FontError) in try FontFace.face(at: url.path, index: number) }
        }
        if let face = find(value) { return .success(face) }
        return .failure(.unreadable(value))
    }

    /// Every .ttf and .ttc file under the font folders, sorted.
    static func fontFiles(in folders: [String]) -> [String] {
        var found: [String] = []
        for folder in folders {
            guard let walker = FileManager.default.enumerator(atPath: folder) else { continue }
            while let path = walker.nextObject() as? String {
                let lower = path.lowercased()
                if lower.hasSuffix(".ttf") || lower.hasSuffix(".ttc") { found.append(folder + "/" + path) }
            }
        }
        return found.sorted()
    }
}
