import Diagnostics
import Foundation
import Publish

#if canImport(Glibc)
    import Glibc
#endif

/// The site's `static/` folder: files published as they are, at the same relative path under
/// the output folder (a site-verification file, `.well-known/`, a downloadable form). They are
/// listed in the manifest like every other file, so the output folder holds nothing a build
/// cannot make again. Only regular files are copied: a link could lead anywhere on the machine.
enum StaticFiles {
    static let folder = "static"

    /// The files under `static/` of the site at `root`, by output path, and the findings for
    /// what cannot be copied.
    static func read(root: URL) -> (files: [OutputFile], findings: [Finding]) {
        let base = root.appendingPathComponent(folder).path
        guard RegularFile.type(base) == S_IFDIR else { return ([], []) }
        var (files, findings) = ([OutputFile](), [Finding]())
        var pending = [""]
        while let relative = pending.popLast() {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: relative.isEmpty ? base : base + "/" + relative)) ?? []
            for name in names.sorted() {
                let path = relative.isEmpty ? name : relative + "/" + name
                let shown = SourceLocation(file: folder + "/" + path)
                switch RegularFile.type(base + "/" + path) {
                case S_IFDIR: pending.append(path)
                case S_IFREG where !name.utf8.contains(0x0A):
                    if let data = RegularFile.read(base + "/" + path) {
                        files.append(OutputFile(path: path, contents: data))
                    } else {
                        findings.append(Rule.staticFile.finding("无法读取 static/\(path)（或超过 64 MB）", gist: "static file unreadable", at: shown))
                    }
                case S_IFLNK:
                    findings.append(Rule.staticFile.finding("static/\(path) 是符号链接，不复制", gist: "symbolic link in static/: not copied", at: shown))
                default:
                    findings.append(Rule.staticFile.finding("static/\(path) 不是普通文件，不复制", gist: "not a regular file: not copied", at: shown))
                }
            }
        }
        return (files, findings)
    }

    /// The files of `files` that would take the place of a generated file or folder (`taken`:
    /// every path the build makes), as findings; the others, to publish.
    static func publishable(_ files: [OutputFile], besides taken: Set<String>) -> (files: [OutputFile], findings: [Finding]) {
        let takenFolders = Set(taken.flatMap { path in path.indices.filter { path[$0] == "/" }.map { String(path[..<$0]) } })
        var (kept, findings) = ([OutputFile](), [Finding]())
        for file in files {
            let prefixes = file.path.indices.filter { file.path[$0] == "/" }.map { String(file.path[..<$0]) }
            if taken.contains(file.path) || takenFolders.contains(file.path) || prefixes.contains(where: taken.contains)
                || file.path == ".nianbao-output"
            {
                findings.append(
                    Rule.staticFile.finding(
                        "static/\(file.path) 与 nianbao 生成的文件同名，不复制", gist: "static file would replace a generated file",
                        at: SourceLocation(file: folder + "/" + file.path)))
            } else {
                kept.append(file)
            }
        }
        return (kept, findings)
    }
}
