import BuildCache
import Foundation
import Publish
import SiteBuilder
import SiteModel
import Synchronization

/// What a long-running process (the preview server) keeps from one build to the next, so that
/// the next build neither reads the build cache from disk nor walks the whole site: the cache as
/// saved, the site as loaded, its sorted files, manifest and input listing, and what `stat` said
/// of the cache files then. A build that is told exactly which files changed
/// (`InputChanges.paths`) and finds the cache files as it left them starts from these; anything
/// else builds as `nianbao build` does.
public final class BuildSession: Sendable {
    struct Kept: Sendable {
        let cache: BuildCache
        let stamp: [Int64]
        let site: Site
        let files: FileList?
        let listing: InputListing?
    }

    private let kept = Mutex<Kept?>(nil)

    public init() {}

    /// What the last build left, if it is still what the cache folder holds.
    func take(folder: URL) -> Kept? {
        kept.withLock { kept in
            defer { kept = nil }
            guard let found = kept, found.stamp == BuildCache.stamp(of: folder) else { return nil }
            return found
        }
    }

    /// Keeps the cache a build saved and its site, each report in `read` (those the build read
    /// from their files) as the cache summarises it, what a build reading the cache would load:
    /// the full reports are not held.
    func keep(_ site: Site, read: [String], cache: BuildCache, folder: URL, files: FileList?, listing: InputListing?) {
        let read = Set(read)
        let agencies = site.agencies.map { agency in
            guard agency.reports.contains(where: { read.contains($0.folder) }) else { return agency }
            return Agency(
                slug: agency.slug, name: agency.name, kind: agency.kind, parent: agency.parent, rollup: agency.rollup,
                reports: agency.reports.map { read.contains($0.folder) ? cache.reports[$0.folder]?.summary ?? $0 : $0 })
        }
        let value = Kept(
            cache: cache, stamp: BuildCache.stamp(of: folder), site: site.replacing(agencies: agencies), files: files, listing: listing)
        kept.withLock { $0 = value }
    }
}
