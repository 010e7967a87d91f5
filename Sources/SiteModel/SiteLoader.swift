import Diagnostics
import Foundation
import ReportForm
import Synchronization

/// Why a site could not be loaded at all (as opposed to findings in its files).
public enum SiteLoadError: Error, Sendable, CustomStringConvertible {
    case contentMissing(String)

    public var description: String {
        switch self {
        case .contentMissing(let path):
            "找不到 Content/ 文件夹：\(path)\n(no Content/ folder; run nianbao in the site root, or pass --source <folder>; `nianbao new <agency> <year>` creates one)"
        }
    }
}

/// Loads a site: configuration, agencies and every report (reports in parallel).
public enum SiteLoader {
    /// Loads the site. `visit`, if given, sees each report (with its agency, whose `reports` is
    /// still empty) as soon as it is read, on the loading thread, and returns what the site keeps
    /// of it: `check` validates there and keeps only what rules across reports need, so a large
    /// site is never held in memory whole. `reuse`, if given, is asked first for each report
    /// folder (its file-system path, with the agency as read): a report it returns (the build
    /// cache's copy of one whose files have not changed) is taken instead of reading the folder.
    public static func load(
        root: URL, visit: (@Sendable (Report, Agency) -> Report)? = nil, reuse: (@Sendable (String, Agency, Int) -> Report?)? = nil
    ) throws(SiteLoadError) -> Site {
        let content = root.appendingPathComponent("Content")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .contentMissing(content.path)
        }
        var findings: [Finding] = []
        let config = loadConfig(root: root, into: &findings)
        let options = TextFile.Options(acceptGB18030: config["accept_gb18030"]?.value == "true")

        // One task per agency: its agency.yaml, its year folders and its reports. Everything a
        // task finds stays with that agency, so results come out in slug order whatever the timing.
        let slugs = subfolders(of: content, path: "Content", into: &findings)
        let loaded = Mutex([(Agency, [Finding])?](repeating: nil, count: slugs.count))
        DispatchQueue.concurrentPerform(iterations: slugs.count) { index in
            let result = loadAgencyFolder(content: content, slug: slugs[index], options: options, visit: visit, reuse: reuse)
            loaded.withLock { $0[index] = result }
        }
        var agencies: [Agency] = []
        for case let (agency, agencyFindings)? in loaded.withLock({ $0 }) {
            agencies.append(agency)
            findings += agencyFindings
        }
        findings += duplicateAgencies(agencies)
        return Site(root: root, config: config, agencies: agencies, findings: findings)
    }

    /// Folder names that differ only in case (one URL on a case-insensitive server or disk),
    /// names unfit for URLs, and two folders for one agency name.
    static func duplicateAgencies(_ agencies: [Agency]) -> [Finding] {
        var findings: [Finding] = []
        var byFolded: [String: String] = [:]
        var byName: [String: String] = [:]
        for agency in agencies {
            let at = SourceLocation(file: "Content/\(agency.slug)")
            let folded = agency.slug.lowercased()
            if let other = byFolded[folded] {
                findings.append(
                    Rule.agencyConfig.finding(
                        "机关文件夹「\(agency.slug)」与「\(other)」只差大小写，发布后网址会冲突", gist: "agency folders differ only in case",
                        at: at, hint: "合并或改名其中一个文件夹；文件夹名用小写字母、数字和连字符。"))
            } else {
                byFolded[folded] = agency.slug
            }
            if !agency.slug.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "." }) {
                findings.append(
                    Rule.agencyConfig.finding(
                        "机关文件夹名「\(agency.slug)」会出现在网址中，应只用小写字母、数字和连字符", gist: "agency folder name unfit for URLs",
                        at: at, hint: "例如 jiangyu-tax。", severity: .warning))
            }
            if let name = agency.name?.value {
                if let other = byName[name] {
                    findings.append(
                        Rule.agencyConfig.finding(
                            "机关「\(name)」有两个文件夹：\(other) 和 \(agency.slug)", gist: "two folders for one agency name",
                            at: agency.name?.location ?? at, hint: "同一机关的各年度报告放在同一个文件夹中。", severity: .warning))
                } else {
                    byName[name] = agency.slug
                }
            }
        }
        return findings
    }

    private static func loadAgencyFolder(
        content: URL, slug: String, options: TextFile.Options, visit: (@Sendable (Report, Agency) -> Report)?,
        reuse: (@Sendable (String, Agency, Int) -> Report?)?
    ) -> (Agency, [Finding]) {
        var findings: [Finding] = []
        let folder = content.appendingPathComponent(slug)
        let folderPath = folder.path
        let (name, kind, parent) = loadAgency(folder: folder, path: "Content/\(slug)", into: &findings)
        let bare = Agency(slug: slug, name: name, kind: kind, parent: parent, reports: [])
        var reports: [Report] = []
        for entry in subfolders(of: folder, path: "Content/\(slug)", into: &findings) {
            let path = "Content/\(slug)/\(entry)"
            guard entry.count == 4, let year = Int(entry), entry.allSatisfy(\.isASCII) else {
                findings.append(Rule.agencyConfig.finding(
                    "文件夹「\(entry)」不是年度（应为四位数字，如 2024）", gist: "folder is not a year",
                    at: SourceLocation(file: path), hint: "年度报告放在 Content/\(slug)/<年度>/ 中。", severity: .warning))
                continue
            }
            if let reused = reuse?(folderPath + "/" + entry, bare, year) {
                reports.append(reused)
                continue
            }
            let report = ReportLoader.load(folder: folderPath + "/" + entry, path: path, agency: slug, year: year, options: options)
            reports.append(visit.map { $0(report, bare) } ?? report)
        }
        return (Agency(slug: slug, name: name, kind: kind, parent: parent, reports: reports), findings)
    }

    /// Visible subfolders, sorted, so that output order never depends on the file system. A
    /// symbolic link to a folder is followed only when it stays inside `Content/`; one that
    /// leads out is left out with a finding (`path` is the folder's site-relative path).
    static func subfolders(of url: URL, path: String, into findings: inout [Finding]) -> [String] {
        let folder = url.path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { name in
            var info = stat()
            // lstat(2) on a plain path: URL building cost more than the system call.
            guard !name.hasPrefix("."), lstat(folder + "/" + name, &info) == 0 else { return false }
            if info.st_mode & S_IFMT == S_IFLNK {
                let at = SourceLocation(file: path + "/" + name)
                guard let target = resolved(folder + "/" + name), stat(target, &info) == 0 else {
                    findings.append(
                        Rule.fileUnreadable.finding(
                            "符号链接「\(name)」指向的位置不存在", gist: "dangling symbolic link", at: at, hint: "删除该链接，或把内容复制到这里。"))
                    return false
                }
                guard let content = contentRoot(of: url, path: path).flatMap(resolved), target.hasPrefix(content + "/") else {
                    findings.append(
                        Rule.fileUnreadable.finding(
                            "符号链接「\(name)」指向站点之外（\(target)），不会读取", gist: "symbolic link out of the site",
                            at: at, hint: "把文件夹复制到 Content/ 中，不要用指向站点之外的符号链接。"))
                    return false
                }
            }
            return info.st_mode & S_IFMT == S_IFDIR
        }.sorted()
    }

    /// The `Content` folder above `url`, whose site-relative path is `path`.
    private static func contentRoot(of url: URL, path: String) -> String? {
        let depth = path.split(separator: "/").count - 1  // "Content" is 0, "Content/a" is 1
        var root = url
        for _ in 0..<max(depth, 0) { root = root.deletingLastPathComponent() }
        return root.path
    }

    private static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    public static func loadConfig(root: URL, into findings: inout [Finding]) -> SiteConfig {
        let url = root.appendingPathComponent("nianbao.yaml")
        guard FileManager.default.fileExists(atPath: url.path) else { return .empty }
        guard let fields = readMapping(url, path: "nianbao.yaml", into: &findings) else { return .empty }
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) where !SiteConfig.keys.contains(key) {
            let suggestion = LabelMatcher.suggestion(for: key, among: SiteConfig.keys)
            findings.append(Rule.siteConfig.finding(
                "nianbao.yaml 中有无法识别的键「\(key)」", gist: "unknown key \(key) in nianbao.yaml",
                at: SourceLocation(file: "nianbao.yaml", line: value.location.line, column: 1),
                hint: suggestion.map { "您是否想写「\($0)」？" } ?? "可用的键：" + SiteConfig.keys.joined(separator: "、"),
                severity: .warning))
        }
        return SiteConfig(fields: fields, file: "nianbao.yaml")
    }

    /// Reads `agency.yaml` in `folder` (whose site-relative path is `path`): name, kind, parent.
    public static func loadAgency(folder: URL, path: String, into findings: inout [Finding])
        -> (Located<String>?, AgencyKind?, Located<String>?)
    {
        let file = path + "/agency.yaml"
        let url = folder.appendingPathComponent("agency.yaml")
        guard FileManager.default.fileExists(atPath: url.path) else {
            findings.append(Rule.agencyConfig.finding(
                "机关文件夹缺少 agency.yaml", gist: "agency.yaml is missing", at: SourceLocation(file: file),
                hint: "新建 \(file)，写明 name: 机关全称 和 kind: \(AgencyKind.choices)。"))
            return (nil, nil, nil)
        }
        guard let fields = readMapping(url, path: file, into: &findings) else { return (nil, nil, nil) }
        let name = fields["name"].flatMap { $0.value.isEmpty ? nil : $0 }
        if name == nil {
            findings.append(Rule.agencyConfig.finding(
                "agency.yaml 缺少 name（机关全称）", gist: "agency name missing", at: SourceLocation(file: file)))
        }
        var kind: AgencyKind?
        if let written = fields["kind"] {
            kind = AgencyKind(rawValue: written.value)
            if kind == nil {
                findings.append(Rule.agencyConfig.finding(
                    "kind 只能是\(AgencyKind.allCases.map { "「\($0.rawValue)」" }.joined(separator: "或"))，这里是「\(written.value)」", gist: "invalid agency kind",
                    at: written.location, found: written.value, hint: "\(AgencyKind.deadlines)。"))
            }
        } else {
            findings.append(Rule.agencyConfig.finding(
                "agency.yaml 缺少 kind（\(AgencyKind.choices)）", gist: "agency kind missing", at: SourceLocation(file: file),
                hint: "kind 决定公布时限：\(AgencyKind.deadlines)。"))
        }
        return (name, kind, fields["parent"])
    }

    /// A small YAML file of `key: value` lines, as scalars with positions.
    public static func readMapping(_ url: URL, path: String, into findings: inout [Finding]) -> [String: Located<String>]? {
        let file: TextFile
        switch TextFile.read(url.path, path: path) {
        case .success(let read):
            file = read
            findings += read.findings
        case .failure(let finding):
            findings.append(finding)
            return nil
        }
        switch YAMLDocument.parse(file.text, file: path) {
        case .failure(let finding):
            findings.append(finding)
            return nil
        case .success(nil): return [:]
        case .success(let root?):
            guard let mapping = root.mapping else {
                findings.append(Rule.yamlShape.finding("应当是「键: 值」的列表", gist: "expected a mapping", at: root.location(in: path)))
                return nil
            }
            var fields: [String: Located<String>] = [:]
            for (key, value) in mapping {
                if let name = key.string { fields[name] = Located(value.string ?? "", at: value.location(in: path)) }
            }
            return fields
        }
    }
}
