import Foundation
import SiteModel
import Testing

/// `SiteLayout.paths(of:)`, which the task rules resolve evidence links against, names exactly
/// the pages and data files a build makes (assets, deployment files and search shards aside).
@Suite struct SiteLayoutTests {
    @Test("every page and data file of the sample's build is a known path, and every known path is built")
    func pathsMatchTheBuild() throws {
        let build = try BuiltSite.sample()
        let built = Set(build.files.keys.filter {
            !$0.hasPrefix("assets/") && !$0.hasPrefix("deploy/") && !$0.hasPrefix("search/shards/") && !$0.hasPrefix(".")
        })
        let known = SiteLayout.paths(of: build.site)
        #expect(built.subtracting(known).sorted() == [])
        // Known but not built: only the PDFs, which this in-memory build (no fonts) does not make.
        #expect(known.subtracting(built).allSatisfy { $0.hasSuffix("/report.pdf") }, "\(known.subtracting(built).sorted())")
    }
}
