import BuildCache
import Diagnostics
import Foundation
import SiteModel
import Validation

/// `nianbao check` with the findings the last build cached: a report whose files and agency are
/// unchanged is not read or checked again, provided nianbao, nianbao.yaml and the year are the
/// same (`BuildSettings.validationKey`). Rules across reports always run. Without a usable cache
/// it is exactly `Validator.check`.
public enum CachedCheck {
    public static func run(root: URL, output: URL) throws(SiteLoadError) -> (site: Site, findings: [Finding], reused: Int) {
        guard case .success(let cache) = BuildCache.load(from: BuildCache.folder(root: root, output: output)),
            cache.validationKey == BuildSettings.validationKey(root: root)
        else {
            let (site, findings) = try Validator.check(root: root)
            return (site, findings, 0)
        }
        let ledger = InputLedger()
        let records = cache.reports
        let (site, findings) = try Validator.check(
            root: root, reuse: IncrementalState.reuse(records, ledger: ledger, root: SiteDirectory(root.path)),
            reusedFindings: { records[$0.folder]?.findings ?? [] })
        return (site, findings, ledger.reusedCount)
    }
}
