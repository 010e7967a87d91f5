import Foundation

extension SiteLoader {
    /// `previous` with the reports in `folders` read again from their folders, for a process that
    /// knows exactly which report files changed since it loaded the site (the preview server,
    /// told by the file system). Agencies, the configuration and task lists are kept as they were,
    /// so the caller must only use this when none of their files changed and no report folder was
    /// added or removed. A roll-up above a report read again is read and summed again too.
    /// Returns the site and every folder read.
    public static func reload(_ folders: Set<String>, in previous: Site) -> (site: Site, read: Set<String>) {
        let read = withRollUpsAbove(folders, in: previous)
        guard !read.isEmpty else { return (previous, []) }
        let options = TextFile.Options(previous.config)
        let root = previous.root.path
        var agencies = previous.agencies
        var rollupsRead: Set<String> = []
        for agencyIndex in agencies.indices {
            let agency = agencies[agencyIndex]
            for reportIndex in agency.reports.indices where read.contains(agency.reports[reportIndex].folder) {
                let report = agency.reports[reportIndex]
                let rollsUp = agency.rollsUp(report.year)
                agencies[agencyIndex].reports[reportIndex] = ReportLoader.load(
                    folder: root + "/" + report.folder, path: report.folder, agency: agency.slug, year: report.year,
                    tablesOptional: rollsUp, options: options)
                if rollsUp { rollupsRead.insert(report.folder) }
            }
        }
        let site = previous.replacing(agencies: agencies)
        guard !rollupsRead.isEmpty else { return (site, read) }
        let summed = RollUp.apply(to: site, folders: rollupsRead, fullTables: RollUp.reading(root: previous.root, config: previous.config))
        return (summed, read)
    }

    /// `folders` and every roll-up that sums one of them, directly or through another roll-up.
    static func withRollUpsAbove(_ folders: Set<String>, in site: Site) -> Set<String> {
        let rollups = site.reports.filter { !$0.rollupSources.isEmpty }
        var all = folders
        var grew = true
        while grew {
            grew = false
            for rollup in rollups where !all.contains(rollup.folder) && rollup.rollupSources.contains(where: all.contains) {
                all.insert(rollup.folder)
                grew = true
            }
        }
        return all
    }
}
