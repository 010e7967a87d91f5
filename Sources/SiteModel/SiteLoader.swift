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
        let options = TextFile.Options(config)

        // One task per agency: its agency.yaml, its year folders and its reports. Everything a
        // task finds stays with that agency, so results come out in slug order whatever the timing.
        // Folders starting with `_` hold data that is not an agency (`_tasks`).
        let slugs = subfolders(of: content, path: "Content", into: &findings).filter { !$0.hasPrefix("_") }
        let loaded = Mutex([(Agency, [Finding], [String])?](repeating: nil, count: slugs.count))
        let contentPath = content.path  // plain strings below: URL operations cost more than the files' reads
        DispatchQueue.concurrentPerform(iterations: slugs.count) { index in
            let result = loadAgencyFolder(content: contentPath, slug: slugs[index], options: options, visit: visit, reuse: reuse)
            loaded.withLock { $0[index] = result }
        }
        var agencies: [Agency] = []
        // Roll-ups read from their folders are summed below; those the cache gave were summed before.
        var rollupsRead: Set<String> = []
        for case let (agency, agencyFindings, read)? in loaded.withLock({ $0 }) {
            agencies.append(agency)
            findings += agencyFindings
            rollupsRead.formUnion(read)
        }
        findings += duplicateAgencies(agencies)
        let (taskLists, taskFindings) = TaskListLoader.loadAll(content: content, options: options)
        let site = Site(root: root, config: config, agencies: agencies, findings: findings + taskFindings, taskLists: taskLists)
        guard agencies.contains(where: { !$0.rollup.isEmpty }) else { return site }
        return RollUp.apply(to: site, folders: rollupsRead, fullTables: RollUp.reading(root: root, config: config))
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
        content: String, slug: String, options: TextFile.Options, visit: (@Sendable (Report, Agency) -> Report)?,
        reuse: (@Sendable (String, Agency, Int) -> Report?)?
    ) -> (Agency, [Finding], [String]) {
        var findings: [Finding] = []
        var rollupsRead: [String] = []
        let folderPath = content + "/" + slug
        let (name, kind, parent, rollup) = loadAgency(folderPath: folderPath, path: "Content/\(slug)", into: &findings)
        let bare = Agency(slug: slug, name: name, kind: kind, parent: parent, rollup: rollup, reports: [])
        var reports: [Report] = []
        for entry in subfolders(atPath: folderPath, path: "Content/\(slug)", into: &findings) {
            let path = "Content/\(slug)/\(entry)"
            // The name must be the year as written: `0123` or `+123` would be read as 123, and
            // the report's files looked for under a folder that does not exist.
            guard let year = Self.year(named: entry) else {
                findings.append(Rule.agencyConfig.finding(
                    "文件夹「\(entry)」不是年度（应为四位数字，如 2024）", gist: "folder is not a year",
                    at: SourceLocation(file: path), hint: "年度报告放在 Content/\(slug)/<年度>/ 中。", severity: .warning))
                continue
            }
            if let reused = reuse?(folderPath + "/" + entry, bare, year) {
                reports.append(reused)
                continue
            }
            let report = ReportLoader.load(
                folder: folderPath + "/" + entry, path: path, agency: slug, year: year, tablesOptional: bare.rollsUp(year), options: options)
            if bare.rollsUp(year) { rollupsRead.append(path) }
            reports.append(visit.map { $0(report, bare) } ?? report)
        }
        let years = Set(reports.map(\.year))
        for declared in rollup where !years.contains(declared.value) {
            findings.append(Rule.rollupChildren.finding(
                "agency.yaml 声明\(declared.value)年度为汇总，但没有 Content/\(slug)/\(declared.value)/ 文件夹", gist: "roll-up year has no report",
                at: declared.location, hint: "用 `nianbao new \(slug) \(declared.value)` 建立该年度报告，或从 rollup 中删去该年度。"))
        }
        return (Agency(slug: slug, name: name, kind: kind, parent: parent, rollup: rollup, reports: reports), findings, rollupsRead)
    }

    /// Visible subfolders, sorted, so that output order never depends on the file system. A
    /// symbolic link to a folder is followed only when it stays inside `Content/`; one that
    /// leads out is left out with a finding (`path` is the folder's site-relative path).
    static func subfolders(of url: URL, path: String, into findings: inout [Finding]) -> [String] {
        subfolders(atPath: url.path, path: path, into: &findings)
    }

    /// The same, of the folder at the file-system path `folder`. A folder whose name is not
    /// UTF-8 (a GB18030 name made on a Chinese Windows) cannot be named in a path, a URL or a
    /// message as text: it is left out with a finding that names it by its bytes, rather than
    /// read under a garbled name and silently missing from the count.
    static func subfolders(atPath folder: String, path: String, into findings: inout [Finding]) -> [String] {
        let (named, undecodable) = entries(of: folder)
        for name in undecodable where UndecodableName.isFolder(name, in: folder) {
            findings.append(UndecodableName.finding(name, in: path))
        }
        return named.filter { name, type in
            // The type readdir(3) gives saves a system call per entry (24,000 at 4,000 agencies);
            // links, and file systems that do not say, are asked with lstat(2).
            guard !name.hasPrefix(".") else { return false }
            if type == DT_DIR { return true }
            if type == DT_REG { return false }
            var info = stat()
            guard lstat(folder + "/" + name, &info) == 0 else { return false }
            if info.st_mode & S_IFMT == S_IFLNK {
                let at = SourceLocation(file: path + "/" + name)
                guard let target = resolved(folder + "/" + name), stat(target, &info) == 0 else {
                    findings.append(
                        Rule.fileUnreadable.finding(
                            "符号链接「\(name)」指向的位置不存在", gist: "dangling symbolic link", at: at, hint: "删除该链接，或把内容复制到这里。"))
                    return false
                }
                guard let content = contentRoot(of: folder, path: path).flatMap(resolved), target.hasPrefix(content + "/") else {
                    findings.append(
                        Rule.fileUnreadable.finding(
                            "符号链接「\(name)」指向站点之外（\(target)），不会读取", gist: "symbolic link out of the site",
                            at: at, hint: "把文件夹复制到 Content/ 中，不要用指向站点之外的符号链接。"))
                    return false
                }
            }
            return info.st_mode & S_IFMT == S_IFDIR
        }.map(\.name).sorted()
    }

    /// The names in a folder with their types as readdir(3) reports them (`DT_UNKNOWN` where
    /// the file system does not say), and apart, the bytes of the names that are not UTF-8;
    /// empty when it cannot be read.
    private static func entries(of folder: String) -> (named: [(name: String, type: Int32)], undecodable: [[UInt8]]) {
        guard let directory = opendir(folder) else { return ([], []) }
        defer { closedir(directory) }
        var entries: [(name: String, type: Int32)] = []
        var undecodable: [[UInt8]] = []
        while let entry = readdir(directory) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            guard let name = String(validating: bytes, as: UTF8.self) else {
                undecodable.append(bytes)
                continue
            }
            if name == "." || name == ".." { continue }
            entries.append((name, Int32(entry.pointee.d_type)))
        }
        return (entries, undecodable)
    }

    /// The `Content` folder above `folder`, whose site-relative path is `path`.
    private static func contentRoot(of folder: String, path: String) -> String? {
        let depth = path.split(separator: "/").count - 1  // "Content" is 0, "Content/a" is 1
        var root = Substring(folder)
        while root.count > 1, root.hasSuffix("/") { root = root.dropLast() }
        for _ in 0..<max(depth, 0) {
            guard let slash = root.lastIndex(of: "/") else { return nil }
            root = root[..<slash]
        }
        return root.isEmpty ? "/" : String(root)
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

    /// Reads `agency.yaml` in `folder` (whose site-relative path is `path`): name, kind, parent
    /// and the years it rolls up.
    public static func loadAgency(folder: URL, path: String, into findings: inout [Finding])
        -> (Located<String>?, AgencyKind?, Located<String>?, [Located<Int>])
    {
        loadAgency(folderPath: folder.path, path: path, into: &findings)
    }

    /// `loadAgency(folder:…)` for the folder at the file-system path `folderPath`: building URLs
    /// for each of 4,000 agencies cost more than reading their files.
    static func loadAgency(folderPath: String, path: String, into findings: inout [Finding])
        -> (Located<String>?, AgencyKind?, Located<String>?, [Located<Int>])
    {
        let file = path + "/agency.yaml"
        let location = folderPath + "/agency.yaml"
        guard access(location, F_OK) == 0 else {
            findings.append(Rule.agencyConfig.finding(
                "机关文件夹缺少 agency.yaml", gist: "agency.yaml is missing", at: SourceLocation(file: file),
                hint: "新建 \(file)，写明 name: 机关全称 和 kind: \(AgencyKind.choices)。"))
            return (nil, nil, nil, [])
        }
        guard let nodes = readNodes(atPath: location, path: file, into: &findings) else { return (nil, nil, nil, []) }
        let fields = scalars(nodes, in: file)
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
        return (name, kind, fields["parent"], rollupYears(nodes["rollup"], file: file, into: &findings))
    }

    /// A year as folders and `rollup:` write it: four digits, the first not 0 (`0123`, `+123`
    /// and `-123` would read as numbers, and the year's files be looked for under another name).
    static func year(named text: String) -> Int? {
        guard text.utf8.count == 4, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }), !text.hasPrefix("0") else { return nil }
        return Int(text)
    }

    /// `rollup: [2023, 2024]` (or one year): the years whose tables sum the child agencies'.
    private static func rollupYears(_ node: YAMLNode?, file: String, into findings: inout [Finding]) -> [Located<Int>] {
        guard let node, !node.isNullLike else { return [] }
        var years: [Located<Int>] = []
        var seen: Set<Int> = []  // not a search of `years`: a hostile list of 100,000 years stays linear
        for item in node.sequence ?? [node] {
            guard let text = item.string, let year = Self.year(named: text) else {
                findings.append(Rule.agencyConfig.finding(
                    "rollup 应当列出年度，如 [2023, 2024]", gist: "rollup must list years", at: item.location(in: file),
                    hint: "rollup 所列年度的统计表由下级机关（parent 为本机关）的统计表逐格相加而成。"))
                continue
            }
            if !seen.insert(year).inserted {
                findings.append(Rule.agencyConfig.finding(
                    "rollup 中\(year)年度写了两次", gist: "rollup year listed twice", at: item.location(in: file), severity: .warning))
                continue
            }
            years.append(Located(year, at: item.location(in: file)))
        }
        return years
    }

    /// A small YAML file of `key: value` lines, as scalars with positions.
    public static func readMapping(_ url: URL, path: String, into findings: inout [Finding]) -> [String: Located<String>]? {
        readNodes(url, path: path, into: &findings).map { scalars($0, in: path) }
    }

    private static func scalars(_ nodes: [String: YAMLNode], in path: String) -> [String: Located<String>] {
        nodes.mapValues { Located($0.string ?? "", at: $0.location(in: path)) }
    }

    /// A small YAML mapping's values by key, as nodes.
    static func readNodes(_ url: URL, path: String, into findings: inout [Finding]) -> [String: YAMLNode]? {
        readNodes(atPath: url.path, path: path, into: &findings)
    }

    /// The same, for the file at the file-system path `location`.
    static func readNodes(atPath location: String, path: String, into findings: inout [Finding]) -> [String: YAMLNode]? {
        let file: TextFile
        switch TextFile.read(location, path: path) {
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
            return root.fields
        }
    }
}
