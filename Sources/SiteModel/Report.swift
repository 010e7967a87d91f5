import Diagnostics
import ReportForm

/// One year's report of an agency.
///
/// Its fields live in one shared box, copied only when a copy is changed: a site of 20,000
/// reports is copied whole several times per build (`Site.reports`, the validator, the
/// builder), and copying each field took a retain per field per report.
public struct Report: Sendable {
    // Mutated only through `unique()`, so a box is never changed while another report shares it.
    private final class Storage: @unchecked Sendable {
        let agency: String
        let year: Int
        let folder: String
        let frontMatter: FrontMatter
        let document: ReportDocument
        /// Read once: every page and rule that lists reports asks for it.
        let publicationDate: PublicationDate?
        var tables: ReportTables?
        var findings: [Finding]
        var tasks: TaskReport?
        var rollupSources: [String]

        init(
            agency: String, year: Int, folder: String, frontMatter: FrontMatter, document: ReportDocument, tables: ReportTables?,
            findings: [Finding], tasks: TaskReport?, rollupSources: [String]
        ) {
            self.agency = agency
            self.year = year
            self.folder = folder
            self.frontMatter = frontMatter
            self.document = document
            publicationDate = frontMatter["published"].flatMap { PublicationDate($0.value) }
            self.tables = tables
            self.findings = findings
            self.tasks = tasks
            self.rollupSources = rollupSources
        }

        func copy() -> Storage {
            Storage(
                agency: agency, year: year, folder: folder, frontMatter: frontMatter, document: document, tables: tables,
                findings: findings, tasks: tasks, rollupSources: rollupSources)
        }
    }

    private var storage: Storage

    init(
        agency: String, year: Int, folder: String, frontMatter: FrontMatter, document: ReportDocument, tables: ReportTables?,
        findings: [Finding], tasks: TaskReport? = nil, rollupSources: [String] = []
    ) {
        storage = Storage(
            agency: agency, year: year, folder: folder, frontMatter: frontMatter, document: document, tables: tables,
            findings: findings, tasks: tasks, rollupSources: rollupSources)
    }

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    public var agency: String { storage.agency }
    public var year: Int { storage.year }
    /// `Content/<agency>/<year>`, relative to the site root.
    public var folder: String { storage.folder }
    public var frontMatter: FrontMatter { storage.frontMatter }
    public var document: ReportDocument { storage.document }
    /// The date in `published:`, if it can be read.
    public var publicationDate: PublicationDate? { storage.publicationDate }
    /// Nil where `tables.yaml` is missing or cannot be parsed (a finding says why).
    public internal(set) var tables: ReportTables? {
        get { storage.tables }
        set { unique().tables = newValue }
    }
    /// Problems found while reading the report's files (and, for a roll-up, summing its children's).
    public internal(set) var findings: [Finding] {
        get { storage.findings }
        set { unique().findings = newValue }
    }
    /// `tasks.yaml`: how the report's agency carried out a task list; nil when there is none.
    public internal(set) var tasks: TaskReport? {
        get { storage.tasks }
        set { unique().tasks = newValue }
    }
    /// For a roll-up: the folders of every child report of the year, summed or not (a child left
    /// out for a broken or other-edition table is summed once fixed).
    public internal(set) var rollupSources: [String] {
        get { storage.rollupSources }
        set { unique().rollupSources = newValue }
    }

    public var reportFile: String { folder + "/report.md" }
    public var tablesFile: String { folder + "/tables.yaml" }
    public var tasksFile: String { folder + "/tasks.yaml" }
    /// The edition the year requires.
    public var requiredForm: ReportForm { .required(forReportYear: year) }
}

extension Report {
    /// The report without its narrative, its own findings or any table cell but `cells`: what
    /// rules across reports need once the report itself has been checked (its `tasks.yaml` is
    /// kept whole: the task rules look across the site).
    public func keeping(cells: Set<CellID>) -> Report { keeping(CellSelection(cells)) }

    /// The same, with the cells' places worked out beforehand: for a loop over every report.
    public func keeping(_ selection: CellSelection) -> Report {
        let kept = tables.map { $0.keeping(selection) }
        return Report(
            agency: agency, year: year, folder: folder, frontMatter: frontMatter,
            document: ReportDocument(sections: [], headings: [], blocks: []), tables: kept, findings: [], tasks: tasks,
            rollupSources: rollupSources)
    }
}
