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
    /// That build's sorted files and manifest, and the listing of its inputs.
    private var keptFiles: FileList?
    private var keptListing: InputListing?
    /// The list of the build the cache describes, being read back from its manifest while the
    /// site loads (`fileList(in:of:)`).
    private var readingFileList: BackgroundValue<FileList?>?

    var isIncremental: Bool { previous != nil }

    init(options: BuildPipeline.Options, theme: Theme?, fonts: FontSet?, session: BuildSession? = nil) {
        self.options = options
        // The static folder's files count as the theme's: a change rebuilds everything.
        themeFiles = InputDigest.theme(theme?.folders ?? []) + InputDigest.staticFiles(root: options.root)
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
            keptListing = kept.listing
            return
        }
        switch BuildCache.load(from: folder) {
        case .failure(let unusable): note = unusable.description
        case .success(let loaded) where loaded.settings != settings: note = "nianbao, its options, nianbao.yaml, the theme or the fonts changed"
        case .success(let loaded) where OutputFolder.buildID(of: options.output) != loaded.buildID: note = "the output folder is not the one the cache describes"
        case .success(let loaded):
            cache = loaded
            let output = options.output
            readingFileList = BackgroundValue { Self.fileList(in: output, of: loaded) }
        }
    }

    mutating func forget(_ reason: String) {
        cache = nil
        readingFileList = nil
        previous = nil
        keptSite = nil
        keptFiles = nil
        keptListing = nil
        note = reason
    }

    /// Loads the site, taking unchanged reports from the cache. With the site the last build of
    /// this process kept, and `changes` naming only report files, only those reports are read.
    mutating func load(changes: InputChanges = .unknown) throws(BuildPipeline.Failure) -> Site {
        if let keptSite, let cache, let changed = changes.reportFolders(where: { cache.reports[$0] != nil }),
            let site = reload(changed, in: keptSite, cache: cache)
        {
            return site
        }
        keptSite = nil
        ledger.reset()
        let records = cache?.reports ?? [:]
        let ledger = self.ledger
        // Without a cache nothing is reused, but the digests are still noted: the manifest's
        // input digest is made from them either way, so both builds give the same one.
        let directory = SiteDirectory(options.root.path)
        let reuse = Self.reuse(records, ledger: ledger, root: directory)
        let site: Site
        do {
            site = try SiteLoader.load(root: options.root, reuse: reuse)
        } catch {
            throw .unreadable(error.description)
        }
        let (agencies, previousInputs) = (site.agencies, cache?.agencyInputs ?? [:])
        let read = Mutex([CachedInput?](repeating: nil, count: agencies.count))
        DispatchQueue.concurrentPerform(iterations: agencies.count) { index in
            let label = "Content/\(agencies[index].slug)/agency.yaml"
            let input = CachedInput.read(label, in: directory, previous: previousInputs[label])
            read.withLock { $0[index] = input }
        }
        agencyInputs = Dictionary(minimumCapacity: agencies.count)
        for case let input? in read.withLock({ $0 }) { agencyInputs[input.label] = input }
        guard let cache else { return site }
        let (renewed, reused) = (ledger.renewed, ledger.reusedCount)
        if site.reports.map(\.folder) != cache.order || renewed.count + reused != cache.order.count
            || agencyInputs.mapValues(\.sha256) != cache.agencyInputs.mapValues(\.sha256)
        {
            forget("agencies or reports were added, removed or renamed, or an agency.yaml changed")
            return try load()
        }
        if reused * 2 < cache.order.count {
            forget("most reports changed")
            return try load()
        }
        guard start(from: cache, renewed: renewed) else {
            forget("tokens.bin does not hold the search tokens")
            return try load()
        }
        return site
    }

    /// The previous build to patch, with the search tokens and summaries of the reports to
    /// render again (`renewed`); false when `tokens.bin` does not hold those tokens.
    private mutating func start(from cache: BuildCache, renewed: Set<String>) -> Bool {
        var (ranges, earlier): ([String: Range<Int>], [String: Report]) = ([:], [:])
        for folder in renewed {
            guard let record = cache.reports[folder] else { return false }
            (ranges[folder], earlier[folder]) = (record.tokens, record.summary)
        }
        guard let tokens = TokenFile.read(ranges, in: folder!) else { return false }
        previous = PreviousBuild(
            output: options.output, renewed: renewed, artifacts: { cache.reports[$0]?.artifacts }, earlier: earlier, tokens: tokens,
            siteFiles: cache.siteFiles, links: cache.links, digests: cache.digests,
            // The manifest is read once: a read-back that found it unusable is not tried again.
            fileList: keptFiles ?? (readingFileList.map(\.value) ?? Self.fileList(in: options.output, of: cache)))
        return true
    }

    /// The list of the build the cache describes, read back from the manifest it left in the
    /// output folder: patching it spares sorting and writing 100,000 entries again.
    private static func fileList(in output: URL, of cache: BuildCache) -> FileList? {
        guard let bytes = CacheFile.read(output.appendingPathComponent("deploy/manifest.json").path, regularOnly: true) else { return nil }
        return FileList(manifest: bytes, buildID: cache.buildID, siteFiles: cache.siteFiles)
    }

    /// The kept site with the reports of `changed` whose files now differ read again (and the
    /// roll-ups above them); the others are reused without a look at their files. Nil when the
    /// tokens of those reports cannot be read (the caller then loads as usual).
    private mutating func reload(_ changed: Set<String>, in kept: Site, cache: BuildCache) -> Site? {
        let root = SiteDirectory(options.root.path)
        var inputs: [String: [CachedInput]] = [:]
        var differ: Set<String> = []
        for folder in changed {
            guard let old = cache.reports[folder] else { return nil }
            let now = Self.read(folder: folder, in: root, previous: old)
            inputs[folder] = now
            if now.map(\.sha256) != old.inputs.map(\.sha256) { differ.insert(folder) }
        }
        let (site, read) = SiteLoader.reload(differ, in: kept)
        for folder in read.subtracting(changed) {
            inputs[folder] = Self.read(folder: folder, in: root, previous: cache.reports[folder])
        }
        ledger.replace(base: cache.reports, changed: inputs, renewed: read)
        agencyInputs = cache.agencyInputs
        guard start(from: cache, renewed: read) else { return nil }
        return site
    }

    /// The files of a report folder the cache records.
    static let reportInputs = ["report.md", "tables.yaml", "tasks.yaml"]

    /// The loader's question for each report folder: the cached report when its files and
    /// agency are as they were (and, for a roll-up, the files of every report it sums), else nil
    /// (the folder is read). Every report's digests are noted.
    static func reuse(_ records: [String: CachedReport], ledger: InputLedger, root: SiteDirectory) -> @Sendable (String, Agency, Int) -> Report? {
        { (_: String, agency: Agency, year: Int) -> Report? in
            let folder = "Content/\(agency.slug)/\(year)"
            let old = records[folder]
            let inputs = read(folder: folder, in: root, previous: old)
            guard let old, old.inputs.map(\.sha256) == inputs.map(\.sha256), old.agency == CachedReport.agencyIdentity(agency),
                !agency.rollsUp(year) || sourcesUnchanged(old, records: records, root: root)
            else {
                ledger.record(folder, inputs, as: .renewed)
                return nil
            }
            ledger.record(folder, inputs, as: old.inputs == inputs ? .reused : .touched)
            return old.summary
        }
    }

    private static func read(folder: String, in root: SiteDirectory, previous: CachedReport?) -> [CachedInput] {
        reportInputs.map { (name: String) -> CachedInput in
            let label = folder + "/" + name
            return CachedInput.read(label, in: root, previous: previous?.inputs.first { $0.label == label })
        }
    }

    /// Whether the reports a cached roll-up summed, and those they summed, have the files they had.
    private static func sourcesUnchanged(_ rollup: CachedReport, records: [String: CachedReport], root: SiteDirectory) -> Bool {
        var pending = rollup.summary.rollupSources
        var seen: Set<String> = [rollup.folder]
        while let folder = pending.popLast() {
            guard seen.insert(folder).inserted else { continue }
            guard let record = records[folder] else { return false }
            let now = read(folder: folder, in: root, previous: record)
            guard now.map(\.sha256) == record.inputs.map(\.sha256) else { return false }
            pending += record.summary.rollupSources
        }
        return true
    }

    /// Validates the reports read, reusing the cached findings of the others.
    func validate(_ site: Site) -> Checked {
        let (cache, renewed) = (previous == nil ? nil : cache, ledger.renewed)
        let (all, perReport, crossYear) = Validator.validate(
            site, reusing: { renewed.contains($0) ? nil : cache?.reports[$0]?.findings },
            crossYear: previous == nil ? nil : cache?.crossYear)
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

    /// The manifest's digest of the inputs, from the digests gathered while loading: the files
    /// the build reads, whether or not it has a cache, and no others (a note or a draft left
    /// in Content/ is not an input).
    func inputDigest(_ site: Site, theme: Theme) -> String {
        var others = themeFiles + taskListFiles
        if let config = FileManager.default.contents(atPath: options.root.appendingPathComponent("nianbao.yaml").path) {
            others.append(InputDigest.File(label: "nianbao.yaml", sha256: SHA256.hex(config)))
        }
        let inputs = ledger.inputs
        // The listing the last build of this process made, with the digests of the reports
        // read again in place, when no other file changed (an incremental build's do not).
        if isIncremental, let kept = keptListing, kept.others == others,
            let listing = kept.replacing(
                ledger.renewed.flatMap { folder in (inputs[folder] ?? []).map(\.digestFile) })
        {
            ledger.keep(listing)
            return listing.digest
        }
        // Content/<agency>/… in label order as they are listed: agencies by the bytes of
        // "<slug>/", then each year's report.md, tables.yaml and tasks.yaml, then agency.yaml.
        var inOrder: [InputDigest.File] = []
        inOrder.reserveCapacity(site.agencies.count * 16)
        // (For ASCII names, String's order is the bytes'; other names make `combine` sort all.)
        for (_, agency) in site.agencies.map({ ($0.slug + "/", $0) }).sorted(by: { $0.0 < $1.0 }) {
            for report in agency.reports {
                for input in inputs[report.folder] ?? [] where !input.sha256.isEmpty {
                    inOrder.append(input.digestFile)
                }
            }
            if let input = agencyInputs["Content/\(agency.slug)/agency.yaml"], !input.sha256.isEmpty {
                inOrder.append(input.digestFile)
            }
        }
        let listing = InputDigest.listing(inOrder: inOrder, others: others)
        ledger.keep(listing)
        return listing.digest
    }

    /// The listing of the inputs this build made, for the next build of the process.
    var inputListing: InputListing? { ledger.listing }

    /// Writes the cache for the next build and returns it as written. A failure is not an error:
    /// the next build is a full one.
    func save(_ site: Site, result: BuildResult, checked: Checked, buildID: String) -> BuildCache? {
        guard let folder else { return nil }
        let cells = CellSelection(Validator.crossReportCells.union(SiteBuilder.listedCells))
        guard let ranges = try? TokenFile.write(result.tokens, to: folder, appending: isIncremental) else { return nil }
        let inputs = ledger.inputs
        var cache =
            (isIncremental ? self.cache : nil)
            ?? BuildCache(settings: settings, buildID: buildID, order: [], reports: [:], agencyInputs: [:], siteFiles: [], links: LinkRecord())
        cache.settings = settings
        cache.buildID = buildID
        cache.validationKey = BuildSettings.validationKey(root: options.root)
        // (An incremental build has the previous build's reports, in its order.)
        if !isIncremental { cache.order = site.reports.map(\.folder) }
        cache.agencyInputs = agencyInputs
        cache.siteFiles = result.siteFiles
        cache.links = result.links
        cache.digests = result.digests
        cache.crossYear = checked.crossYear
        // An incremental build changes the records of the reports it rendered, and the inputs of
        // those whose files were touched; the others are written back byte for byte.
        let (renewed, touched) = (ledger.renewed, ledger.touched)
        for agency in site.agencies {
            for report in agency.reports {
                let folder = report.folder
                let isRenewed = !isIncremental || renewed.contains(folder)
                guard isRenewed || touched.contains(folder) else { continue }
                let fresh = inputs[folder] ?? []
                if !isRenewed, let old = cache.reports[folder] {
                    cache.update(
                        CachedReport(
                            folder: old.folder, inputs: fresh, agency: old.agency, summary: old.summary, findings: old.findings,
                            artifacts: old.artifacts, tokens: old.tokens))
                    continue
                }
                guard let artifacts = result.artifacts[folder], let tokens = ranges[folder] else { return nil }
                cache.update(
                    CachedReport(
                        folder: folder, inputs: fresh, agency: CachedReport.agencyIdentity(agency), summary: report.keeping(cells),
                        findings: checked.perReport[folder] ?? [], artifacts: artifacts, tokens: tokens))
            }
        }
        cache.prune()
        guard let saved = try? cache.save(to: folder) else { return nil }
        CacheFolders.record(options.output, in: folder)
        CacheFolders.prune(besides: folder, marker: OutputFolder.marker)
        return saved
    }
}

/// The digests of each report's files as the loader meets them (from several threads), and
/// which reports the cache supplied.
final class InputLedger: Sendable {
    /// How the build came by a report.
    enum Use { case renewed, reused, touched }

    /// The inputs of every report: those recorded, else those of the cache's record (`base`).
    struct Inputs: Sendable {
        fileprivate var recorded: [String: [CachedInput]] = [:]
        fileprivate var base: [String: CachedReport] = [:]

        subscript(folder: String) -> [CachedInput]? { recorded[folder] ?? base[folder]?.inputs }
    }

    private struct State {
        var inputs = Inputs()
        /// Reports read from their files: to be checked and rendered again.
        var renewed: Set<String> = []
        /// Reports taken from the cache whose files were touched (same digests, other stat).
        var touched: Set<String> = []
        var reusedCount = 0
        /// The listing of every input, once the build has made it (`IncrementalState.inputDigest`).
        var listing: InputListing?
    }

    private let state = Mutex(State())

    func reset() { state.withLock { $0 = State() } }

    /// Everything at once, for a build that knew the inputs of every report beforehand: those of
    /// the cache's records, but `changed` for the folders it names; `renewed` are read again.
    func replace(base: [String: CachedReport], changed: [String: [CachedInput]], renewed: Set<String>) {
        let touched = Set(changed.filter { !renewed.contains($0.key) && base[$0.key]?.inputs != $0.value }.keys)
        state.withLock {
            $0 = State(
                inputs: Inputs(recorded: changed, base: base), renewed: renewed, touched: touched,
                reusedCount: base.count - renewed.count)
        }
    }

    func record(_ folder: String, _ inputs: [CachedInput], as use: Use) {
        state.withLock {
            $0.inputs.recorded[folder] = inputs
            switch use {
            case .renewed: $0.renewed.insert(folder)
            case .touched:
                $0.touched.insert(folder)
                $0.reusedCount += 1
            case .reused: $0.reusedCount += 1
            }
        }
    }

    func keep(_ listing: InputListing) { state.withLock { $0.listing = listing } }

    var inputs: Inputs { state.withLock { $0.inputs } }
    var listing: InputListing? { state.withLock { $0.listing } }
    var renewed: Set<String> { state.withLock { $0.renewed } }
    /// Reports the cache supplied, touched or not.
    var reusedCount: Int { state.withLock { $0.reusedCount } }
    var touched: Set<String> { state.withLock { $0.touched } }
}

extension CachedInput {
    /// Its line of the manifest's input digest.
    fileprivate var digestFile: InputDigest.File { InputDigest.File(label: label, sha256: sha256) }
}
