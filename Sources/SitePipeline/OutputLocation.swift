import Foundation

/// Where an output folder may not be: inside what nianbao reads (`Content/`, `Themes/`,
/// `static/`) or keeps (`.nianbao-cache/`), the site folder itself, or a folder that holds the
/// site. Generated pages inside `Content/` were read back as content by the next `check`.
enum OutputLocation {
    /// Why `output` cannot be the output folder of the site at `root`, or nil if it can be.
    static func problem(output: URL, root: URL) -> String? {
        let target = resolved(output)
        let site = resolved(root)
        if target == site {
            return "输出文件夹不能是站点根目录本身 \(site)。(the output folder cannot be the site folder)"
        }
        if site.hasPrefix(target + "/") || target == "/" {
            return "输出文件夹 \(target) 包含站点 \(site)，会覆盖或删除站点内容。(the output folder holds the site)"
        }
        for reserved in ["Content", "Themes", "static", ".nianbao-cache"] {
            let folder = site + "/" + reserved
            if target == folder || target.hasPrefix(folder + "/") {
                return "输出文件夹 \(target) 位于站点的 \(reserved)/ 中：生成的文件会被当作站点的输入读回。请选用 \(reserved)/ 以外的文件夹（默认为 Output）。(the output folder is inside \(reserved)/, which nianbao reads)"
            }
        }
        return nil
    }

    /// The absolute path of `url` with links resolved, for as much of it as exists (the output
    /// folder and its parents may not exist yet).
    static func resolved(_ url: URL) -> String {
        var existing = url.standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        let base = existing.resolvingSymlinksInPath().path
        return ([base == "/" ? "" : base] + rest).joined(separator: "/")
    }
}
