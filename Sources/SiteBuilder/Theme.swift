import DefaultTheme
import Diagnostics
import Foundation
import Publish
import Rendering
import SiteModel
import Templates

/// A theme: Mustache templates and static assets, looked up through a chain of folders so that a
/// site can override one template without copying the rest.
///
/// The chain for `theme: name` is `Themes/name/` in the site, then the themes its `theme.yaml`
/// names with `extends:`, then the site's own `Themes/default/`, then the default theme nianbao
/// ships with. The first folder holding a file wins.
public struct Theme: Sendable {
    /// The pages every theme must be able to render.
    public static let requiredTemplates = [
        "layout", "index", "agency", "report", "search", "print", "not-found", "task-table", "task-list", "compliance",
    ]

    public let name: String
    /// The folders searched, most specific first.
    public let folders: [URL]
    let library: TemplateLibrary
    /// Each template's file as users know it, for findings.
    let files: [String: String]
    /// The templates a render stopped at a limit of (`TemplateLimits`), this build.
    let stopped = StoppedTemplates()
    /// Asset paths relative to `assets/`, each with the file that provides it and the path it is
    /// published at: stylesheets and scripts get the first eight hex digits of their SHA-256 in
    /// their name, so servers may cache them for a year.
    public let assets: [(path: String, file: URL, published: String)]
    /// For templates: `style_css` → `assets/style.0a1b2c3d.css`. Made once: every page asks.
    public let assetNames: TemplateValue

    init(name: String, folders: [URL], library: TemplateLibrary, files: [String: String] = [:], assets: [(path: String, file: URL, published: String)]) {
        (self.name, self.folders, self.library, self.files, self.assets) = (name, folders, library, files, assets)
        assetNames = .map(
            Dictionary(
                uniqueKeysWithValues: assets.map {
                    ($0.path.replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: "/", with: "_"), .text($0.published))
                }))
    }

    /// Renders `template` with `context`.
    func render(_ template: String, _ context: TemplateValue) -> String {
        // Once a page of this template has stopped at a limit, the build will not be published
        // (or, with --allow-errors, with that finding): its other pages are not worth the wait,
        // as each would run into the same limit. Pages of other templates are still made.
        guard !stopped.stopped(page: template), let rendered = library.render(context, template: template) else { return "" }
        if let partial = rendered.stoppedIn { stopped.note(partial, page: template) }
        return rendered.text
    }

    /// An error finding for each template a render stopped at a limit of: its pages are cut
    /// short, so the build must not publish them.
    func limitFindings() -> [Finding] {
        let limits = library.limits
        return stopped.names.map { template in
            Rule.themeTemplate.finding(
                "模板「\(template)」渲染时超出限制（嵌套 \(limits.depth) 层、\(limits.steps) 步或 \(limits.bytes >> 20) MB 文字），页面不完整",
                gist: "template \(template) stopped at a rendering limit", at: SourceLocation(file: files[template] ?? "\(template).mustache"),
                hint: "多半是 {{>部分模板}} 或 {{$块}} 引用了自身：递归须经由数据中逐层变短的列表结束。")
        }
    }

    /// Loads the theme named in the site's configuration (`default` when none is), reporting
    /// missing themes and templates, and template syntax errors, as findings.
    /// `limits` bound each page's render (`TemplateLimits`); tests make them small.
    public static func load(for site: Site, builtIn: URL? = BuiltInTheme.folder, limits: TemplateLimits = .standard) -> (Theme?, [Finding]) {
        let name = site.config["theme"]?.value ?? BuiltInTheme.name
        var findings: [Finding] = []
        let folders = chain(name, site: site, builtIn: builtIn, findings: &findings)
        var templates: [String: (URL, String)] = [:]  // name -> file, relative path for messages
        var assets: [String: URL] = [:]
        for folder in folders.reversed() {  // most specific last, so it wins
            for file in files(in: folder.appendingPathComponent("templates"), shownAs: display(folder, site) + "/templates", into: &findings)
            where file.hasSuffix(".mustache") {
                templates[String(file.dropLast(".mustache".count))] =
                    (folder.appendingPathComponent("templates/" + file), display(folder, site) + "/templates/" + file)
            }
            for file in files(in: folder.appendingPathComponent("assets"), shownAs: display(folder, site) + "/assets", into: &findings) {
                assets[file] = folder.appendingPathComponent("assets/" + file)
            }
        }
        // `{{name}}` escapes by `HTML.escape`, which scans bytes: the five characters and
        // entities of the Mustache specification.
        var library = TemplateLibrary(escape: HTML.escape, limits: limits)
        for (template, (url, shown)) in templates.sorted(by: { $0.key < $1.key }) {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                findings.append(
                    Rule.themeTemplate.finding(
                        "模板「\(template)」无法读取（不是 UTF-8 文本）", gist: "template \(template) is unreadable",
                        at: SourceLocation(file: shown)))
                continue
            }
            do {
                try library.register(text, named: template)
            } catch {
                findings.append(
                    Rule.themeTemplate.finding(
                        "模板「\(template)」无法解析：\(error.message)", gist: "template \(template) does not parse",
                        at: SourceLocation(file: shown, line: error.line, column: error.column), hint: "出错的行：\(error.lineText)"))
            }
        }
        for required in requiredTemplates where templates[required] == nil {
            findings.append(
                Rule.themeMissing.finding(
                    "主题「\(name)」缺少模板 \(required).mustache", gist: "theme \(name) has no \(required) template",
                    at: site.config["theme"]?.location ?? SourceLocation(file: "nianbao.yaml"),
                    hint: "查找过的文件夹：" + folders.map { display($0, site) }.joined(separator: "、")))
        }
        guard findings.isEmpty else { return (nil, findings) }
        let theme = Theme(
            name: name, folders: folders, library: library, files: templates.mapValues(\.1),
            assets: assets.sorted { $0.key < $1.key }.map { ($0.key, $0.value, Self.publishedPath($0.key, $0.value)) })
        return (theme, [])
    }

    static func publishedPath(_ path: String, _ file: URL) -> String {
        let name = path as NSString
        guard ["css", "js"].contains(name.pathExtension), let data = FileManager.default.contents(atPath: file.path) else {
            return "assets/" + path
        }
        return "assets/" + name.deletingPathExtension + "." + SHA256.hex(data).prefix(8) + "." + name.pathExtension
    }

    /// The folders of the chain that exist, most specific first.
    private static func chain(_ name: String, site: Site, builtIn: URL?, findings: inout [Finding]) -> [URL] {
        var folders: [URL] = []
        var next: String? = name
        var seen: Set<String> = []
        while let current = next, seen.insert(current).inserted {
            let folder = site.root.appendingPathComponent("Themes/" + current)
            next = nil
            if FileManager.default.fileExists(atPath: folder.path) {
                folders.append(folder)
                next = ThemeManifest.extends(in: folder, shownAs: "Themes/" + current, findings: &findings)
            } else if current != BuiltInTheme.name {
                findings.append(
                    Rule.themeMissing.finding(
                        "找不到主题「\(current)」：没有 Themes/\(current)/ 文件夹", gist: "theme \(current) not found",
                        at: site.config["theme"]?.location ?? SourceLocation(file: "nianbao.yaml"),
                        hint: "新建 Themes/\(current)/templates/ 放入要改动的模板，或把 theme 改为 default。"))
            }
        }
        let siteDefault = site.root.appendingPathComponent("Themes/" + BuiltInTheme.name)
        if !folders.contains(siteDefault), FileManager.default.fileExists(atPath: siteDefault.path) {
            folders.append(siteDefault)
        }
        if let builtIn { folders.append(builtIn) }
        return folders
    }

    /// Regular files below `folder`, as sorted relative paths.
    /// The regular files under `folder` (shown in messages as `shown`). Anything else that is
    /// not a folder — a named pipe, a socket, a device — is left out with a finding: reading a
    /// named pipe would wait for a writer forever.
    private static func files(in folder: URL, shownAs shown: String, into findings: inout [Finding]) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var found: [String] = []
        while let path = walker.nextObject() as? String {
            guard !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            var info = stat()
            guard stat(folder.appendingPathComponent(path).path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFREG: found.append(path)
            case S_IFDIR: continue
            default:
                findings.append(
                    Rule.fileNotRegular.finding(
                        "这里应当是普通文件，却是命名管道、套接字或设备文件，不会读取", gist: "not a regular file",
                        at: SourceLocation(file: shown + "/" + path), hint: "删除它，在原处放入普通文件。"))
            }
        }
        return found.sorted()
    }

    /// A folder as users know it: relative to the site where it is inside it.
    private static func display(_ folder: URL, _ site: Site) -> String {
        let root = site.root.standardizedFileURL.path + "/"
        let path = folder.standardizedFileURL.path
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : "(nianbao 自带主题) " + path
    }
}

/// `theme.yaml`: the one key nianbao reads from it is `extends`.
enum ThemeManifest {
    static func extends(in folder: URL, shownAs path: String, findings: inout [Finding]) -> String? {
        let url = folder.appendingPathComponent("theme.yaml")
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return SiteLoader.readMapping(url, path: path + "/theme.yaml", into: &findings)?["extends"]?.value
    }
}
