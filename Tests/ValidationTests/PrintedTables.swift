import SiteModel
import Testing

/// Shared by the tests of tables as offices print them.
enum PrintedTables {
    /// The tables of the one report of `site`.
    static func tables(_ site: TestSite) throws -> ReportTables {
        try #require(try site.loaded().site.reports.first?.tables)
    }
}
