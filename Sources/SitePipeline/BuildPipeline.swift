import Diagnostics
import Foundation
import OutputFolder
import PrintReport
import SiteBuilder
import SiteModel
import Typesetting
import Validation

/// `nianbao build` from start to end, for the command and the preview server: load, validate,
/// load the theme and fonts, build into a staging folder, and replace the output folder only when
/// nothing stops it.
public enum BuildPipeline {
    public struct Options: Sendable {
        public var root: URL
        public var output: URL
        public var allowErrors = false
        public var makePDFs = true

        public init(root: URL, output: URL, allowErrors: Bool = false, makePDFs: Bool = true) {
            self.root = root
            self.output = output
            self.allowErrors = allowErrors
            self.makePDFs = makePDFs
        }
    }

    public enum Outcome: Sendable {
        /// The output folder was replaced.
        case built(findings: [Finding], reports: Int, paths: [String])
        /// Error findings: nothing was written.
        case refused(findings: [Finding], reports: Int)
    }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// The site cannot be read (exit 74).
        case unreadable(String)
        /// The output folder may not be replaced (exit 1).
        case outputRefused(String)
        /// Writing failed (exit 74).
        case write(String)

        public var description: String {
            switch self {
            case .unreadable(let message), .outputRefused(let message), .write(let message): message
            }
        }
    }

    /// Runs the build; `lap` is told when each phase ends (for `NIANBAO_TIMINGS`).
    public static func run(_ options: Options, lap: (String) -> Void = { _ in }) throws(Failure) -> Outcome {
        let loaded: Site
        do {
            loaded = try SiteLoader.load(root: options.root)
        } catch {
            throw .unreadable(error.description)
        }
        lap("load")
        var findings = Validator.validate(loaded)
        lap("validate")
        let (theme, themeFindings) = Theme.load(for: loaded)
        findings += themeFindings
        var fonts: FontSet?
        if options.makePDFs {
            let (loadedFonts, fontFindings) = PrintFonts.load(loaded.config, root: options.root)
            fonts = loadedFonts
            findings += fontFindings
        }
        lap("theme+fonts")
        guard let theme, options.allowErrors || !findings.contains(where: { $0.severity == .error }) else {
            return .refused(findings: findings.sortedForReport(), reports: loaded.reports.count)
        }
        // Files go to a staging folder beside the output as they are made; the output is
        // replaced only when the build has succeeded.
        let staging: StagingFolder
        do {
            staging = try StagingFolder(replacing: options.output)
        } catch {
            if case .write = error { throw .write(error.description) }
            throw .outputRefused(error.description)
        }
        let result: BuildResult
        do {
            result = try SiteBuilder.build(loaded, findings: findings, theme: theme, fonts: fonts, into: staging.write)
        } catch {
            staging.abort()
            throw .write((error as? OutputFolderError)?.description ?? "读取主题资源失败：\(error.localizedDescription)")
        }
        lap("render+write")
        findings = (findings + result.findings).sortedForReport()
        guard options.allowErrors || !findings.contains(where: { $0.severity == .error }) else {
            staging.abort()
            return .refused(findings: findings, reports: loaded.reports.count)
        }
        do {
            try staging.commit()
        } catch {
            throw .write(error.description)
        }
        lap("commit")
        return .built(findings: findings, reports: loaded.reports.count, paths: result.paths)
    }
}
