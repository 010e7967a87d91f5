import BuildCache
import Diagnostics
import Foundation
import OutputFolder
import Publish
import SiteBuilder
import SiteModel
import Synchronization
import Typesetting
import Validation

/// The build cache's part in one build: whether the previous build can be started from, which
/// reports are reused, and the records to keep for the next build.
///
/// A build is incremental only when the cache was written under the same settings
/// (`BuildSettings`), the output folder is the one that build left (its marker's build id), and
/// the site has the same agencies and reports with the same agency.yaml files. Otherwise, or when
/// most reports changed, it is a full build, and `note` says why.
struct IncrementalState {
    let options: BuildPipeline.Options
    let themeFiles: [InputDigest.File]
    /// `Content/_tasks/`, read once: the settings key and the manifest's input digest both need it.
    let taskListFiles: [InputDigest.File]
    let settings: String
    let folder: URL?
    private(set) var cache: BuildCache?
    private(set) var note: String?
    private(set) var previous: PreviousBuild?
    private(set) var agencyInputs: [String: CachedInput] = [:]
    private let ledger = InputLedger()
    /// The site as the last build of this process loaded it, when the cache is the one that
    /// build saved (`BuildSession`).
    private var keptSite: Site?
    /// That build's sorted files and manifest.
    private var keptFiles: FileList?

    var isIncremental: Bool { previous != nil }

    init(options: BuildPipeline.Options, theme: Theme?, fonts: FontSet?, session: BuildSession? = nil) {
        self.options = options
        themeFiles = InputDigest.theme(theme?.folders ?? [])
        taskListFiles = InputDigest.taskLists(root: options.root)
        settings = BuildSettings.key(
            root: options.root, makePDFs: options.makePDFs, themeFiles: themeFiles, taskLists: taskListFiles, fonts: fonts)
        folder = options.useCache ? BuildCache.folder(root: options.root, output: options.output) : nil
        guard let folder else { return }
        if let kept = session?.take(folder: folder), kept.cache.settings == settings,
            OutputFolder.buildID(of: options.output) == kept.cache.buildID
        {
            cache = kept.cache
            keptSite = kept.site
            keptFiles = kept.files
            return
        }
        switch BuildCache.load(from: folder) {
        case .failure(let unusable): note = unusable.description
        case .success(let loaded) where loaded.settings != settings: note = "nianbao, its options, nianbao.yaml, the theme or the fonts changed"
        case .success(let loaded) where OutputFolder.buildID(of: options.output) != loaded.buildID: note = "the output folder is not the one the cache describes"
        case .success(let loaded): cache = loaded
        }
    }

    mutating func forget(_ reason: String) {
        cache = nil
        previous = nil
        keptSite = nil
        keptFiles = nil
        note = reason
    }

    /// Loads the site, taking unchanged reports from the cache. With the site the last build of
    /// this process kept, and `changes` naming only report files, only those reports are read.
    mutating func load(changes: InputChanges = .unknown) throws(BuildPipeline.Failure) -> Site {
        if let keptSite, let cache {
            let reports = Set(cache.order)
            if let changed = changes.reportFolders(in: reports), let site = reload(changed, of: reports, in: keptSite, cache: cache) {
                return site
            }
        }
        keptSite = nil
        ledger.reset()
        let records = cache?.reports ?? [:]
        let ledger = self.ledger
        let reuse = folder == nil ? nil : Self.reuse(records, ledger: ledger, root: options.root.path)
        let site: Site
        do {
            site = try SiteLoader.load(root: options.root, reuse: reuse)
        } catch {
            throw .unreadable(error.description)
        }
        guard folder != nil else { return site }
        agencyInputs = [:]
        let root = options.root.path  // plain strings: URL building cost more than the stat
        for agency in site.agencies {
            let label = "Content/\(agency.slug)/agency.yaml"
            agencyInputs[label] = CachedInput.read(root + "/" + label, label: label, previous: cache?.agencyInputs[label])
        }
        guard let cache else { return site }
        let reused = ledger.reused
        if site.reports.map(\.folder) != cache.order || agencyInputs.mapValues(\.sha256) != cache.agencyInputs.mapValues(\.sha256) {
            forget("agencies or reports were added, removed or renamed, or an agency.yaml changed")
            return try load()
        }
        if reused.count * 2 < cache.order.count {
            forget("most reports changed")
            return try load()
        }
        guard start(from: cache, reused: reused) else {
            forget("tokens.bin does not hold the search tokens")
            return try load()
        }
        return site
    }

    /// The previous build to patch, with the search tokens of the reports not reused; false
    /// when `tokens.bin` does not hold them.
    private mutating func start(from cache: BuildCache, reused: Set<String>) -> Bool {
        let ranges = cache.reports.filter { !reused.contains($0.key) }.mapValues(\.tokens)
        guard let tokens = TokenFile.read(ranges, in: folder!) else { return false }
        previous = PreviousBuild(
            output: options.output, reused: reused, reports: cache.reports.mapValues(\.artifacts), tokens: tokens,
            siteFiles: cache.siteFiles, links: cache.links, digests: cache.digests, fileList: keptFiles)
        return true
    }

    /// The kept site with the reports of `changed` whose files now differ read again (and the
    /// roll-ups above them); the others are reused without a look at their files. Nil when the
    /// tokens of those reports cannot be read (the caller then loads as usual).
    private mutating func reload(_ changed: Set<String>, of reports: Set<String>, in kept: Site, cache: BuildCache) -> Site? {
        let root = options.root.path
        var inputs = cache.reports.mapValues(\.inputs)
        var differ: Set<String> = []
        for folder in changed {
            guard let old = cache.reports[folder] else { return nil }
            let now = Self.read(folder: folder, at: root + "/" + folder, previous: old)
            inputs[folder] = now
            if now.map(\.sha256) != old.inputs.map(\.sha256) { differ.insert(folder) }
        }
        let (site, read) = SiteLoader.reload(differ, in: kept)
        for folder in read.subtracting(changed) {
            inputs[folder] = Self.read(folder: folder, at: root + "/" + folder, previous: cache.reports[folder])
        }
        let reused = reports.subtracting(read)
        ledger.replace(inputs: inputs, reused: reused)
        agencyInputs = cache.agencyInputs
        guard start(from: cache, reused: reused) else { return nil }
        return site
    }

    /// The files of a report folder the cache records.
    static let reportInputs = ["report.md", "tables.yaml", "tasks.yaml"]

    /// The loader's question for each report folder: the cached report when its files and
    /// agency are as they were (and, for a roll-up, the files of every report it sums), else nil
    /// (the folder is read). Every report's digests are noted.
    static func reuse(_ records: [String: CachedReport], ledger: InputLedger, root: String) -> @Sendable (String, Agency, Int) -> Report? {
        { (path: String, agency: Agency, year: Int) -> Report? in
            let folder = "Content/\(agency.slug)/\(year)"
            let old = records[folder]
            let inputs = read(folder: folder, at: path, previous: old)
            guard let old, old.inputs.map(\.sha256) == inputs.map(\.sha256), old.agency == CachedReport.agencyIdentity(agency),
                !agency.rollsUp(year) || sourcesUnchanged(old, records: records, root: root)
            else {
                ledger.record(folder, inputs, reused: false)
                return nil
            }
            ledger.record(folder, inputs, reused: true)
            return old.summary
        }
    }

    private static func read(folder: String, at path: String, previous: CachedReport?) -> [CachedInput] {
        reportInputs.map { (name: String) -> CachedInput in
            let label = folder + "/" + name
            return CachedInput.read(path + "/" + name, label: label, previous: previous?.inputs.first { $0.label == label })
        }
    }

    /// Whether the reports a cached roll-up summed, and those they summed, have the files they had.
    private static func sourcesUnchanged(_ rollup: CachedReport, records: [String: CachedReport], root: String) -> Bool {
        var pending = rollup.summary.rollupSources
        var seen: Set<String> = [rollup.folder]
        while let folder = pending.popLast() {
            guard seen.insert(folder).inserted else { continue }
            guard let record = records[folder] else { return false }
            let now = read(folder: folder, at: root + "/" + folder, previous: record)
            guard now.map(\.sha256) == record.inputs.map(\.sha256) else { return false }
            pending += record.summary.rollupSources
        }
        return true
    }

    /// Validates the reports read, reusing the cached findings of the others.
    func validate(_ site: Site) -> Checked {
        let (cache, reused) = (previous == nil ? nil : cache, ledger.reused)
        let (all, perReport, crossYear) = Validator.validate(
            site, reusing: { reused.contains($0) ? cache?.reports[$0]?.findings : nil }, crossYear: previous == nil ? nil : cache?.crossYear)
        return Checked(findings: all, perReport: perReport, crossYear: crossYear)
    }

    /// The findings of a build's checks, and those the cache keeps for the next build.
    struct Checked {
        let findings: [Finding]
        /// The own findings of each report checked again, by folder.
        let perReport: [String: [Finding]]
        /// The findings of the rules across years, by agency, where there are any.
        let crossYear: [String: [Finding]]
    }

    /// The manifest's digest of the inputs, from the digests gathered while loading; nil
    /// without the cache (the builder then reads the inputs itself).
    func inputDigest(_ site: Site, theme: Theme) -> String? {
        guard folder != nil else { return nil }
        var others = themeFiles + taskListFiles
        if let config = FileManager.default.contents(atPath: options.root.appendingPathComponent("nianbao.yaml").path) {
            others.append(InputDigest.File(label: "nianbao.yaml", sha256: SHA256.hex(config)))
        }
        // Content/<agency>/… in label order as they are listed: agencies by the bytes of
        // "<slug>/", then each year's report.md, tables.yaml and tasks.yaml, then agency.yaml.
        let inputs = ledger.inputs
        var inOrder: [InputDigest.File] = []
        inOrder.reserveCapacity(inputs.count * Self.reportInputs.count + site.agencies.count)
        // (For ASCII names, String's order is the bytes'; other names make `combine` sort all.)
        for (_, agency) in site.agencies.map({ ($0.slug + "/", $0) }).sorted(by: { $0.0 < $1.0 }) {
            for report in agency.reports {
                for input in inputs[report.folder] ?? [] where !input.sha256.isEmpty {
                    inOrder.append(InputDigest.File(label: input.label, sha256: input.sha256))
                }
            }
            if let input = agencyInputs["Content/\(agency.slug)/agency.yaml"], !input.sha256.isEmpty {
                inOrder.append(InputDigest.File(label: input.label, sha256: input.sha256))
            }
        }
        return InputDigest.combine(inOrder: inOrder, others: others)
    }

    /// Writes the cache for the next build and returns it as written. A failure is not an error:
    /// the next build is a full one.
    func save(_ site: Site, result: BuildResult, checked: Checked, buildID: String) -> BuildCache? {
        guard let folder else { return nil }
        let cells = Validator.crossReportCells.union(SiteBuilder.listedCells)
        guard let ranges = try? TokenFile.write(result.tokens, to: folder, appending: isIncremental) else { return nil }
        let agencies = Dictionary(site.agencies.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        let inputs = ledger.inputs
        // An incremental build changes the records of the reports it rendered; the others are
        // written back byte for byte.
        var cache =
            (isIncremental ? self.cache : nil)
            ?? BuildCache(settings: settings, buildID: buildID, order: [], reports: [:], agencyInputs: [:], siteFiles: [], links: LinkRecord())
        cache.settings = settings
        cache.buildID = buildID
        cache.validationKey = BuildSettings.validationKey(root: options.root)
        cache.order = site.reports.map(\.folder)
        cache.agencyInputs = agencyInputs
        cache.siteFiles = result.siteFiles
        cache.links = result.links
        cache.digests = result.digests
        cache.crossYear = checked.crossYear
        for report in site.reports {
            let fresh = inputs[report.folder] ?? []
            if let old = cache.reports[report.folder], ranges[report.folder] == nil {
                // Reused: only the stat part of its inputs may have changed (a touched file).
                if old.inputs != fresh {
                    cache.update(
                        CachedReport(
                            folder: old.folder, inputs: fresh, agency: old.agency, summary: old.summary, findings: old.findings,
                            artifacts: old.artifacts, tokens: old.tokens))
                }
                continue
            }
            guard let artifacts = result.artifacts[report.folder], let tokens = ranges[report.folder], let agency = agencies[report.agency]
            else { return nil }
            cache.update(
                CachedReport(
                    folder: report.folder, inputs: fresh, agency: CachedReport.agencyIdentity(agency), summary: report.keeping(cells: cells),
                    findings: checked.perReport[report.folder] ?? [], artifacts: artifacts, tokens: tokens))
        }
        cache.prune()
        return try? cache.save(to: folder)
    }
}

/// The digests of each report's files as the loader meets them (from several threads), and
/// which reports the cache supplied.
final class InputLedger: Sendable {
    private let state = Mutex<(inputs: [String: [CachedInput]], reused: Set<String>)>(([:], []))

    func reset() { state.withLock { $0 = ([:], []) } }

    /// Everything at once, for a build that knew the inputs of every report beforehand.
    func replace(inputs: [String: [CachedInput]], reused: Set<String>) { state.withLock { $0 = (inputs, reused) } }

    func record(_ folder: String, _ inputs: [CachedInput], reused: Bool) {
        state.withLock {
            $0.inputs[folder] = inputs
            if reused { $0.reused.insert(folder) }
        }
    }

    var inputs: [String: [CachedInput]] { state.withLock { $0.inputs } }
    var reused: Set<String> { state.withLock { $0.reused } }
}
