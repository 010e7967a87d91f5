import Diagnostics
import Publish
import SiteBuilder
import SiteModel

/// What `build` leaves out of the site because it has errors (issue 24): one report's errors
/// never hold back the others. An error in a report's folder withholds that report; one in an
/// agency's folder outside its years (agency.yaml) withholds the agency; any other error (the
/// configuration, the theme, a shared task list, a page no report owns) stops the whole build.
struct Withholding: Equatable {
    /// Report folders (`Content/<agency>/<year>`) and agency folders (`Content/<agency>`).
    private(set) var folders: Set<String> = []
    /// Whether an error belongs to no report or agency.
    private(set) var stopsEverything = false

    init(_ findings: [Finding] = []) { add(findings) }

    var isEmpty: Bool { folders.isEmpty && !stopsEverything }

    mutating func add(_ findings: [Finding]) {
        for finding in findings where finding.severity == .error {
            guard let folder = Self.folder(of: finding.location.file) else {
                stopsEverything = true
                continue
            }
            folders.insert(folder)
        }
    }

    /// The report folder (`Content/<agency>/<year>`) or agency folder (`Content/<agency>`) that
    /// `file` lies in; nil outside them (nianbao.yaml, Themes/, Content/_tasks/).
    static func folder(of file: String) -> String? {
        let parts = file.pathParts(omittingEmpty: true)
        guard parts.count >= 2, parts[0] == "Content", !parts[1].hasPrefix("_") else { return nil }
        return parts.prefix(parts.count >= 3 && isYear(parts[2]) ? 3 : 2).joined(separator: "/")
    }

    /// Whether `file` lies in a withheld folder: its findings are not published either (their
    /// messages may quote what the report must not publish, such as a phone number).
    func covers(_ file: String) -> Bool {
        guard let folder = Self.folder(of: file) else { return false }
        return folders.contains(folder) || folders.contains(folder.pathParts().prefix(2).joined(separator: "/"))
    }

    /// The folders of the reports withheld: each folder given, and every report of an agency given.
    func reports(of site: Site) -> [String] {
        var withheld = folders.filter { $0.pathParts(omittingEmpty: true).count == 3 }
        for agency in site.agencies where folders.contains("Content/" + agency.slug) {
            withheld.formUnion(agency.reports.map(\.folder))
        }
        return withheld.sorted()
    }

    /// Where the withheld folders' pages are in the output: `<agency>/<year>/` or `<agency>/`.
    var outputPrefixes: [String] { folders.sorted().map { String($0.dropFirst("Content/".count)) + "/" } }

    /// One `report-withheld` finding per withheld report, saying whether its previous version
    /// stays up (`carried` holds its page) or it is left out of the site.
    static func findings(_ withheld: [String], carried: [OutputFile], errors: [Finding]) -> [Finding] {
        let pages = Set(carried.map(\.path))
        var byFolder: [String: [Finding]] = [:]
        for error in errors where error.severity == .error {
            if let folder = folder(of: error.location.file) { byFolder[folder, default: []].append(error) }
        }
        return withheld.map { folder in
            let page = String(folder.dropFirst("Content/".count)) + "/index.html"
            let kept = pages.contains(page)
            let own = byFolder[folder] ?? []
            let agency = byFolder[folder.pathParts().prefix(2).joined(separator: "/")] ?? []
            func listed(_ errors: [Finding]) -> String { Array(Set(errors.map(\.rule))).sorted().prefix(3).joined(separator: "、") }
            let why = own.isEmpty ? "本机关有 \(agency.count) 个错误（\(listed(agency))）" : "本报告有 \(own.count) 个错误（\(listed(own))）"
            let message =
                kept
                ? "\(why)，本次未发布；上次发布的版本（Output/\(page) 及打印页、PDF、数据）原样保留，但不列入本次生成的目录、订阅和站点地图"
                : "\(why)，未发布：不出现在目录、订阅和站点地图中"
            return Rule.reportWithheld.finding(
                message + "。改正错误后再次运行 nianbao build 即可发布。",
                gist: kept ? "withheld for its errors; the previously published version stays" : "withheld for its errors; never published",
                at: SourceLocation(file: folder + "/report.md"))
        }
    }

    private static func isYear(_ name: String) -> Bool { name.utf8.count == 4 && name.utf8.allSatisfy { (0x30...0x39).contains($0) } }
}
