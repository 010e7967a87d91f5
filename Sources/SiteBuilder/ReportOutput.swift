import Diagnostics
import Foundation
import PrintReport
import SiteModel
import Typesetting

extension SiteBuilder {
    /// One report rendered: its files go to the writer at once; this keeps what the site's
    /// indexes need of it.
    struct ReportOutput {
        let folder: String
        let tokens: Set<String>
        let artifacts: ReportArtifacts

        init(
            agency: Agency, position: Int, website: Website, theme: Theme, fonts: FontSet?, taskLists: [TaskList], writer: ScanningWriter
        ) throws {
            let reports = agency.reports
            let report = reports[position]
            let title = ReportPage.title(report, agency: agency)
            let agencyName = agency.name?.value ?? agency.slug
            let taskList = report.tasks.flatMap { tasks in taskLists.first { $0.id == tasks.list.value } }
            let pdf = fonts.map {
                ReportPDF.make(
                    report, title: title, agencyName: agencyName, fonts: $0, producer: "nianbao \(NianbaoVersion.current)", taskList: taskList)
            }
            let page = ReportPage.render(
                report, agency: agency, previous: position > 0 ? reports[position - 1] : nil,
                next: position + 1 < reports.count ? reports[position + 1] : nil, website: website, theme: theme,
                pdfPages: pdf?.pages, taskList: taskList)
            let files = [
                OutputFile(SitePaths.report(agency.slug, report.year), text: page.html),
                OutputFile(SitePaths.reportFile(agency.slug, report.year, "print.html"), text: page.print),
                OutputFile(SitePaths.reportFile(agency.slug, report.year, "data.json"), text: OpenData.json(report, agency: agency) + "\n"),
                OutputFile(SitePaths.reportFile(agency.slug, report.year, "data.csv"), text: OpenData.csv(report, agency: agency)),
            ] + (pdf.map { [OutputFile(path: SitePaths.reportFile(agency.slug, report.year, "report.pdf"), contents: Data($0.pdf))] } ?? [])
            folder = report.folder
            let document = ReportListing.document(report, agency: agency)
            artifacts = ReportArtifacts(
                jsonForAll: OpenData.values(report, agency: agency), csvRows: OpenData.wideRow(report, agency: agency),
                files: try files.map { try writer.write($0) }, printFindings: pdf?.findings ?? [], listing: ReportArtifacts.listing(of: document.json))
            tokens = SearchIndex.tokens(of: document, text: page.text)
        }
    }

    /// What the pages and files listing every report are made of, gathered report by report in
    /// site order, from reports rendered now or kept from the previous build alike.
    struct ReportListing {
        let website: Website
        var entries: [Feeds.Entry] = []
        var pages: [(path: String, published: PublicationDate?)] = []
        var allJSON: [String] = []
        var allCSV = [CSVText.byteOrderMark + OpenData.wideHeader]

        init(website: Website) { self.website = website }

        /// Lists `report` and returns its search document.
        mutating func add(_ report: Report, agency: Agency) -> SearchIndex.Document {
            let path = SitePaths.report(agency.slug, report.year)
            let published = report.publicationDate
            let document = Self.document(report, agency: agency)
            entries.append(Feeds.Entry(path: path, title: document.title, agency: document.agency, published: published))
            pages.append((path, published))
            return document
        }

        /// Adds the report's rows of `data/all.*`.
        mutating func addData(_ artifacts: ReportArtifacts) {
            allJSON.append(artifacts.jsonForAll)
            allCSV.append(artifacts.csvRows)
        }

        static func document(_ report: Report, agency: Agency) -> SearchIndex.Document {
            SearchIndex.Document(
                url: SitePaths.link(from: SitePaths.home, to: SitePaths.report(agency.slug, report.year)),
                title: ReportPage.title(report, agency: agency), agency: agency.name?.value ?? agency.slug,
                published: report.publicationDate?.iso ?? "")
        }
    }
}
