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

        // One task per agency: its agency.yaml, its year folders and its reports. Everything a
        // task finds stays with that agency, so results come out in slug order whatever the timing.
        let slugs = subfolders(of: content)
        let loaded = Mutex([(Agency, [Finding])?](repeating: nil, count: slugs.count))
        DispatchQueue.concurrentPerform(iterations: slugs.count) { index in
            let result = loadAgencyFolder(content: content, slug: slugs[index], visit: visit, reuse: reuse)
            loaded.withLock { $0[index] = result }
        }
        var agencies: [Agency] = []
        for case let (agency, agencyFindings)? in loaded.withLock({ $0 }) {
            agencies.append(agency)
            findings += agencyFindings
        }
        return Site(root: root, config: config, agencies: agencies, findings: findings)
    }

    private static func loadAgencyFolder(
        content: URL, slug: String, visit: (@Sendable (Report, Agency) -> Report)?, reuse: (@Sendable (String, Agency, Int) -> Report?)?
    ) -> (Agency, [Finding]) {
        var findings: [Finding] = []
        let folder = content.appendingPathComponent(slug)
        let folderPath = folder.path
        let (name, kind, parent) = loadAgency(folder: folder, path: "Content/\(slug)", into: &findings)
        let bare = Agency(slug: slug, name: name, kind: kind, parent: parent, reports: [])
        var reports: [Report] = []
        for entry in subfolders(of: folder) {
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
            let report = ReportLoader.load(folder: folderPath + "/" + entry, path: path, agency: slug, year: year)
            reports.append(visit.map { $0(report, bare) } ?? report)
        }
        return (Agency(slug: slug, name: name, kind: kind, parent: parent, reports: reports), findings)
    }

    /// Visible subfolders, sorted, so that output order never depends on the file system.
    static func subfolders(of url: URL) -> [String] {
        let folder = url.path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { name in
            var info = stat()
            // stat(2) on a plain path: URL building cost more than the system call.
            return !name.hasPrefix(".") && stat(folder + "/" + name, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
        }.sorted()
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
        case .success(let read): file = read
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
