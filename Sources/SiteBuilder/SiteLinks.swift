import Diagnostics
import Foundation
import SiteModel
import Synchronization

extension SiteBuilder {
    /// Checks the links of the pages this build made. With the previous build's record, the other
    /// pages keep what was found on them, and only their links into pages made anew are checked
    /// again. A broken link written in report.md is placed there.
    static func checkLinks(
        _ scanned: ScanningWriter.Scanned, paths: [String], site: Site, website: Website, previous: PreviousBuild?
    ) -> LinkRecord {
        // `paths` are sorted; an incremental build checks the links of a few pages only.
        var checker = LinkChecker(
            paths: paths, baseURL: website.baseURL, basePath: website.basePath, sorted: previous != nil && scanned.pages.count < 1000)
        checker.readIDs = previous?.ids(ofPage:)
        for page in scanned.pages { checker.addPage(page.path, ids: page.ids) }
        // Found from the page's path when a link is broken: a table of every report's page cost
        // more than the check itself in a one-edit rebuild.
        let agencies = Dictionary(site.agencies.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        @Sendable func report(on path: String) -> Report? {
            let parts = path.split(separator: "/")
            guard parts.count == 3, let year = Int(parts[1]), String(year) == parts[1], let agency = agencies[String(parts[0])] else {
                return nil
            }
            return agency.reports.first { $0.year == year }
        }
        @Sendable func location(_ link: LinkChecker.Link, on path: String) -> SourceLocation {
            if let report = report(on: path),
                let found = report.document.location(ofText: "](" + link.value, file: report.reportFile, skip: 2)
            {
                return found
            }
            return SourceLocation(file: "Output/" + path, line: link.line, column: 1)
        }
        var record = LinkRecord()
        let made = Set(scanned.pages.map(\.path))
        // Pages are checked in parallel: the checker is read-only from here.
        let checked = Mutex([(findings: [Finding], fragments: [FragmentLink])](repeating: ([], []), count: scanned.pages.count))
        let frozen = checker
        DispatchQueue.concurrentPerform(iterations: scanned.pages.count) { index in
            let page = scanned.pages[index]
            var findings: [Finding] = []
            var fragments: [FragmentLink] = []
            for link in page.links {
                let target = frozen.target(of: link.value, from: page.path)
                let problem = frozen.problem(target)
                if case .file(let path, let fragment) = target, !fragment.isEmpty, path != page.path {
                    let at = location(link, on: page.path)
                    fragments.append(
                        FragmentLink(
                            page: page.path, href: link.value, target: path, location: at,
                            finding: frozen.finding(link.value, on: page.path, at: at, problem: problem)))
                } else if problem != nil,
                    let finding = frozen.finding(link.value, on: page.path, at: location(link, on: page.path), problem: problem)
                {
                    findings.append(finding)
                }
            }
            checked.withLock { $0[index] = (findings, fragments) }
        }
        for (page, result) in zip(scanned.pages, checked.withLock { $0 }) {
            if !result.findings.isEmpty { record.findings[page.path] = result.findings }
            record.fragmentLinks += result.fragments
        }
        if let previous {
            for (page, findings) in previous.links.findings where !made.contains(page) { record.findings[page] = findings }
            for var link in previous.links.fragmentLinks where !made.contains(link.page) {
                if made.contains(link.target) { link.finding = checker.finding(link.href, on: link.page, at: link.location) }
                record.fragmentLinks.append(link)
            }
        }
        record.fragmentLinks.sort { ($0.page, $0.location, $0.href) < ($1.page, $1.location, $1.href) }
        return record
    }
}
