import BuildCache
import Diagnostics
import Foundation
import OutputFolder
import PrintReport
import Publish
import SiteBuilder
import SiteModel
import Typesetting
import Validation

/// `nianbao build` from start to end, for the command and the preview server: load, validate,
/// load the theme and fonts, build into a staging folder, and replace the output folder only when
/// nothing stops it. With the build cache, reports whose files have not changed are neither
/// read, checked nor rendered again (`IncrementalState`).
public enum BuildPipeline {
    public struct Options: Sendable {
        public var root: URL
        public var output: URL
        public var allowErrors = false
        /// Refuse the whole build when any report has an error, instead of withholding that report.
        public var allOrNothing = false
        public var makePDFs = true
        /// Read and write the build cache (`.nianbao-cache/`).
        public var useCache = true
        /// Leave the site and the cache in memory when `run` returns, for a process about to
        /// exit: freeing them object by object took a quarter of a second at 20,000 reports, and
        /// the system takes the memory back at exit at once. Never for the preview server.
        public var keepsMemoryUntilExit = false
        /// Wait for another build of the site to end (`BuildLock`); false gives up at once.
        public var waitsForOtherBuilds = true
        /// Told what the build waits for, for the person who started it.
        public var notice: @Sendable (String) -> Void = { _ in }

        public init(root: URL, output: URL, allowErrors: Bool = false, makePDFs: Bool = true, useCache: Bool = true) {
            self.root = root
            self.output = output
            self.allowErrors = allowErrors
            self.makePDFs = makePDFs
            self.useCache = useCache
        }
    }

    /// How much a build did.
    public struct Work: Sendable {
        /// Reports rendered: all in a full build.
        public let rendered: Int
        /// Files written: all in a full build, the changed ones in an incremental one.
        public let written: Int
        /// Whether the build started from the cache.
        public let incremental: Bool
        /// Why the cache was not used, for a full build.
        public let cacheNote: String?
        /// The report folders left out because they have errors (`Content/<agency>/<year>`).
        public var withheld: [String] = []
    }

    public enum Outcome: Sendable {
        /// The output folder was replaced or updated.
        case built(findings: [Finding], reports: Int, paths: [String], work: Work)
        /// Error findings outside any report, or any error with `allOrNothing`: nothing was written.
        case refused(findings: [Finding], reports: Int)
    }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// The site cannot be read (exit 74).
        case unreadable(String)
        /// The output folder may not be replaced (exit 1).
        case outputRefused(String)
        /// Writing failed (exit 74).
        case write(String)
        /// Another build of the site holds the lock (exit 75).
        case locked(String)

        public var description: String {
            switch self {
            case .unreadable(let message), .outputRefused(let message), .write(let message), .locked(let message): message
            }
        }
    }

    /// Runs the build; `lap` is told when each phase ends (for `NIANBAO_TIMINGS`). A process
    /// that builds again and again passes the same `session` each time, and `changes`, what
    /// changed since the last build, when it knows.
    public static func run(
        _ options: Options, session: BuildSession? = nil, changes: InputChanges = .unknown, lap: (String) -> Void = { _ in }
    ) throws(Failure) -> Outcome {
        if let problem = OutputLocation.problem(output: options.output, root: options.root) { throw .outputRefused(problem) }
        let lock = try BuildLock(root: options.root, wait: options.waitsForOtherBuilds, notice: options.notice)
        defer { withExtendedLifetime(lock) {} }
        var configFindings: [Finding] = []
        let config = SiteLoader.loadConfig(root: options.root, into: &configFindings)
        let (theme, themeFindings) = Theme.load(for: Site(root: options.root, config: config, agencies: [], findings: []))
        var fonts: FontSet?
        var extraFindings = themeFindings
        if options.makePDFs {
            let (loadedFonts, fontFindings) = PrintFonts.load(config, root: options.root)
            fonts = loadedFonts
            extraFindings += fontFindings
        }
        lap("theme+fonts")
        var state = IncrementalState(options: options, theme: theme, fonts: fonts, session: session)
        lap("cache")
        var loaded = try state.load(changes: changes)
        lap("load")
        var checked = state.validate(loaded)
        var findings = checked.findings + extraFindings
        lap("validate")
        // A report with errors is withheld and the others are published, unless the site wants
        // all or nothing; an error that belongs to no report stops the whole build.
        let withholds = !options.allowErrors && !options.allOrNothing
        var withholding = withholds ? Withholding(findings) : Withholding()
        let hasErrors = findings.contains { $0.severity == .error }
        guard let theme, options.allowErrors || !hasErrors || (withholds && !withholding.stopsEverything) else {
            return .refused(findings: findings.sortedForReport(), reports: loaded.reports.count)
        }
        if !withholding.isEmpty, state.isIncremental {
            // The cache describes the published site; a withheld report changes what that is.
            state.forget("reports withheld")
            loaded = try state.load()
            checked = state.validate(loaded)
            findings = checked.findings + extraFindings
            withholding = Withholding(findings)
        }
        var result: BuildResult
        var commit: (String) throws(OutputFolderError) -> Void
        var abort: () -> Void
        var notice: OutputFolderNotice?
        var published = loaded
        var carried: [OutputFile] = []
        while true {
            published = loaded.withholding(withholding.folders)
            carried = PreviousOutput.files(in: options.output, under: withholding.outputPrefixes)
            var publishedFindings = findings.filter { !withholding.covers($0.location.file) }
            (result, commit, abort, notice) = try writeOrRebuild(
                &published, carried: carried, loaded: &loaded, checked: &checked, findings: &publishedFindings, extraFindings: extraFindings,
                withholding: withholding, theme: theme, fonts: fonts, state: &state, options: options, lap: lap)
            // An error the build itself finds (a link broken by a withheld report) withholds
            // its report too, and the site is built again without it.
            var grown = withholding
            grown.add(result.findings)
            guard withholds, grown != withholding, !grown.stopsEverything else { break }
            abort()
            withholding = grown
            findings += result.findings.filter { $0.severity == .error }
        }
        lap("sort findings")
        let withheld = withholding.reports(of: loaded)
        findings = (findings + result.findings + (notice.map { noticeFindings($0, options: options) } ?? [])
            + Withholding.findings(withheld, carried: carried, errors: findings + result.findings)).sortedForReport()
        guard options.allowErrors || !findings.contains(where: { $0.severity == .error }) || (withholds && !Withholding(findings).stopsEverything)
        else {
            abort()
            return .refused(findings: findings, reports: loaded.reports.count)
        }
        let buildID = result.siteFiles.first { $0.path == "deploy/manifest.json" }?.sha256 ?? ""
        do {
            try commit(buildID)
        } catch {
            throw .write(error.description)
        }
        lap("commit")
        // Pages cut short at a template limit (published only with --allow-errors) are not kept
        // for the next build: it renders them again and reports the template again.
        let cutShort = result.findings.contains { $0.rule == Rule.themeTemplate.id }
        let saved = cutShort ? nil : state.save(published, result: result, checked: checked, buildID: buildID)
        if let session, let saved, let folder = state.folder {
            session.keep(
                published, read: result.rendered, cache: saved, folder: folder, files: result.fileList, listing: state.inputListing)
        }
        lap("save cache")
        let work = Work(
            rendered: result.rendered.count, written: result.written.count, incremental: state.isIncremental, cacheNote: state.note,
            withheld: withheld)
        let outcome = Outcome.built(findings: findings, reports: loaded.reports.count, paths: result.paths, work: work)
        let leftovers = Leftovers((state, loaded, checked, result))
        if options.keepsMemoryUntilExit {
            _ = Unmanaged.passRetained(leftovers)
        } else if session != nil {
            // The preview server answers as soon as the build is done; freeing what it made
            // (a tenth of a rebuild at 20,000 reports) happens on another thread.
            DispatchQueue.global(qos: .utility).async {
                withExtendedLifetime(leftovers) {}
                #if os(Linux)
                    // Hands freed pages back: after a full build of 20,000 reports the heap is
                    // gigabytes of holes, and the next builds in this process ran slower in it.
                    releaseFreedMemory()
                #endif
            }
        }
        return outcome
    }

    /// `write`, and when the previous output cannot be patched, everything read, checked and
    /// written again.
    private static func writeOrRebuild(
        _ published: inout Site, carried: [OutputFile], loaded: inout Site, checked: inout IncrementalState.Checked,
        findings: inout [Finding], extraFindings: [Finding], withholding: Withholding, theme: Theme, fonts: FontSet?,
        state: inout IncrementalState, options: Options, lap: (String) -> Void
    ) throws(Failure) -> (BuildResult, (String) throws(OutputFolderError) -> Void, () -> Void, OutputFolderNotice?) {
        do {
            return try write(published, carried: carried, findings: findings, theme: theme, fonts: fonts, state: state, options: options, lap: lap)
        } catch let unavailable as IncrementalBuildUnavailable {
            state.forget("the previous output cannot be patched: \(unavailable.reason)")
            loaded = try state.load()
            checked = state.validate(loaded)
            findings = (checked.findings + extraFindings).filter { !withholding.covers($0.location.file) }
            published = loaded.withholding(withholding.folders)
            do {
                return try write(published, carried: carried, findings: findings, theme: theme, fonts: fonts, state: state, options: options, lap: lap)
            } catch let error as Failure {
                throw error
            } catch {
                throw .write("\(error)")
            }
        } catch let error as Failure {
            throw error
        } catch {
            throw .write("\(error)")
        }
    }

    /// Builds into a staging folder (full build) or an update folder (incremental build) and
    /// returns how to commit or abandon it.
    private static func write(
        _ site: Site, carried: [OutputFile], findings: [Finding], theme: Theme, fonts: FontSet?, state: IncrementalState, options: Options,
        lap: (String) -> Void
    ) throws -> (BuildResult, (String) throws(OutputFolderError) -> Void, () -> Void, OutputFolderNotice?) {
        // The manifest's digest of the inputs is worked out beside the rendering: an incremental
        // build renders on one core, and the listing of 64,000 inputs took 20 ms on its own.
        let inputDigest = BackgroundValue { [state] in state.inputDigest(site, theme: theme) }
        // Done before returning, even on failure: it notes its listing in the ledger, which a
        // full build after a failed incremental one starts again from.
        defer { _ = inputDigest.value }
        if let previous = state.previous {
            let update: OutputUpdate
            do {
                update = try OutputUpdate(updating: options.output)
            } catch {
                throw Failure.write(error.description)
            }
            do {
                let result = try SiteBuilder.build(
                    site, findings: findings, theme: theme, fonts: fonts, previous: previous, inputDigest: { inputDigest.value },
                    lap: lap, into: update.write)
                // A link inside the output cannot be replaced by a real folder without the files
                // under it that this build did not write: the whole site is built instead.
                let links = update.linksOnTheWay()
                if !links.isEmpty { throw IncrementalBuildUnavailable(reason: "symbolic links in the output folder: " + links.joined(separator: ", ")) }
                return (result, { id throws(OutputFolderError) in try update.commit(buildID: id) }, update.abort, nil)
            } catch {
                update.abort()
                if error is IncrementalBuildUnavailable { throw error }
                throw Failure.write((error as? OutputFolderError)?.description ?? "读取主题资源失败：\(error.localizedDescription)")
            }
        }
        // Files go out as they are made: into a staging folder, or, over a previous build's
        // output, into an update folder (files already there with the same bytes are left be).
        // The output is changed only when the build has succeeded.
        let replacement: any OutputReplacement
        do {
            replacement = try OutputFolder.replacement(of: options.output)
        } catch {
            if case .write = error { throw Failure.write(error.description) }
            throw Failure.outputRefused(error.description)
        }
        do {
            let result = try SiteBuilder.build(
                site, findings: findings, theme: theme, fonts: fonts, carried: carried, inputDigest: { inputDigest.value }, lap: lap,
                into: replacement.write)
            return (
                result, { id throws(OutputFolderError) in try replacement.commit(buildID: id) }, replacement.abort,
                (replacement as? OutputUpdate)?.notices
            )
        } catch {
            replacement.abort()
            throw Failure.write((error as? OutputFolderError)?.description ?? "读取主题资源失败：\(error.localizedDescription)")
        }
    }
}

/// The warnings of what a full build found in the output folder that nianbao did not write.
private func noticeFindings(_ notice: OutputFolderNotice, options: BuildPipeline.Options) -> [Finding] {
    let root = options.root.standardizedFileURL.path + "/"
    let output = options.output.standardizedFileURL.path
    let shown = output.hasPrefix(root) ? String(output.dropFirst(root.count)) : output
    var findings = notice.links.map { link in
        Rule.outputLink.finding(
            "\(shown)/\(link) 是符号链接：nianbao 不经由链接写入；生成的文件要放到它所在的位置时，链接已被删除并以真实文件夹代替，否则保留",
            gist: "symbolic link inside the output folder: never written through", at: SourceLocation(file: shown + "/" + link))
    }
    if !notice.foreignFiles.isEmpty {
        let listed = notice.foreignFiles.prefix(10).joined(separator: "、") + (notice.foreignFiles.count > 10 ? " 等" : "")
        findings.append(
            Rule.outputForeignFile.finding(
                "\(shown)/ 中有 \(notice.foreignFiles.count) 个文件不是 nianbao 生成的，已保留：\(listed)",
                gist: "\(notice.foreignFiles.count) files in the output folder were not written by nianbao; kept",
                at: SourceLocation(file: shown + "/" + notice.foreignFiles[0]),
                hint: "把它们移到站点的 static/ 文件夹（相对路径不变），nianbao 会原样复制到 \(shown)/ 并列入清单。"))
    }
    return findings
}

#if os(Linux)
    /// Asks the allocator serving this process to hand freed memory back to the system: glibc's
    /// `malloc_trim(3)` trims every arena (the test runner links glibc's allocator only); where
    /// the executable links mimalloc (nianbao does), `mi_collect` collects only this thread's
    /// heap and mimalloc's caches, and the pages the build's threads freed go back through the
    /// page reset `serve` turns on (`MemoryTuning.forServer`).
    private func releaseFreedMemory() {
        typealias Collect = @convention(c) (Bool) -> Void
        typealias Trim = @convention(c) (Int) -> Int32
        let process = dlopen(nil, RTLD_NOW)
        defer { if let process { dlclose(process) } }
        if let collect = dlsym(process, "mi_collect") {
            unsafeBitCast(collect, to: Collect.self)(true)
        } else if let trim = dlsym(process, "malloc_trim") {
            _ = unsafeBitCast(trim, to: Trim.self)(0)
        }
    }
#endif
