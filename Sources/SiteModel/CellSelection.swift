import ReportForm

/// Cells chosen by id, as their places in each edition's form, worked out once: a report reduced
/// to them (`Report.keeping`) is made for every report of a site, and looking each id up by its
/// text every time showed in profiles of `check`.
public struct CellSelection: Sendable {
    private let trial2019: [Int]
    private let revised2021: [Int]

    public init(_ cells: Set<CellID>) {
        func indices(_ form: ReportForm) -> [Int] { cells.compactMap { form.cellsByID[$0]?.index }.sorted() }
        trial2019 = indices(.trial2019)
        revised2021 = indices(.revised2021)
    }

    /// The chosen cells' indices in `form.cells`.
    func indices(in form: ReportForm) -> [Int] { form.version == .trial2019 ? trial2019 : revised2021 }
}
