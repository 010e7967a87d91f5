import ReportForm
import Rendering
import SiteModel

/// The agency page's year-over-year chart of requests received and their results, drawn as SVG
/// at build time (no script). Per year, one bar for the requests received and one stacked bar
/// of the results by kind; the same numbers are given as a table beside it.
struct YearChart {
    struct Series {
        let label: String
        let colour: String
    }

    /// Legend entries: received first, then each kind of result.
    let series: [Series]
    /// Per year, the received count then one count per result kind.
    let years: [(year: Int, values: [Int64])]

    /// Colours with at least 3:1 contrast against white (WCAG 2.1, 1.4.11), told apart by hue.
    static let palette = ["#1f4e79", "#2e6b30", "#9b1b1b", "#8a4b00", "#5b2a86", "#00606b", "#4e4e4e"]

    /// Nil when no report of the agency has tables to chart.
    init?(_ reports: [Report]) {
        var years: [(Int, [Int64])] = []
        var labels: [String] = []
        for report in reports {
            guard let tables = report.tables else { continue }
            let summary = tables.form.requestSummary
            let quantities = [summary.received] + summary.results
            if labels.isEmpty { labels = quantities.map(\.label) }
            // The two editions have the same six result kinds; should they ever differ, the
            // chart keeps the first edition's legend and skips the year rather than mislabel it.
            guard quantities.map(\.label) == labels else { continue }
            years.append((report.year, quantities.map { tables.sum($0.cells)?.total ?? 0 }))
        }
        guard !years.isEmpty else { return nil }
        self.years = years
        self.series = labels.enumerated().map { Series(label: $0.element, colour: Self.palette[$0.offset % Self.palette.count]) }
    }

    var caption: String { "本年新收申请数量与办理结果（件），\(years.first!.year)—\(years.last!.year)年" }

    /// The chart as an inline `<svg>`.
    var svg: String {
        let barWidth = 28, gap = 6, groupGap = 36, left = 56, top = 24, plotHeight = 200
        let legendColumns = 2, legendWidth = 210
        let legendRows = (series.count + legendColumns - 1) / legendColumns
        let width = max(left + years.count * (2 * barWidth + gap + groupGap), left + legendColumns * legendWidth) + 8
        let height = top + plotHeight + 28 + legendRows * 22 + 8
        let peak = years.map { max($0.values[0], $0.values.dropFirst().reduce(0, +)) }.max() ?? 0
        let scaleMax = Self.niceCeiling(peak)
        func y(_ value: Int64) -> Int { top + plotHeight - Int(value * Int64(plotHeight) / scaleMax) }

        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-labelledby=\"chart-title\" font-family=\"sans-serif\" font-size=\"12\">\n"
        out += "<title id=\"chart-title\">\(HTML.escape(caption))</title>\n"
        for step in 0...4 {  // grid lines and axis labels
            let value = scaleMax * Int64(step) / 4
            out += "<line x1=\"\(left)\" x2=\"\(width - 8)\" y1=\"\(y(value))\" y2=\"\(y(value))\" stroke=\"#c8c8c8\"/>"
            out += "<text x=\"\(left - 6)\" y=\"\(y(value) + 4)\" text-anchor=\"end\" fill=\"#333\">\(value)</text>\n"
        }
        for (index, entry) in years.enumerated() {
            let x = left + groupGap / 2 + index * (2 * barWidth + gap + groupGap)
            let received = entry.values[0]
            out += "<g><title>\(entry.year)年：\(series[0].label) \(received) 件</title>"
            out += "<rect x=\"\(x)\" y=\"\(y(received))\" width=\"\(barWidth)\" height=\"\(top + plotHeight - y(received))\" fill=\"\(series[0].colour)\"/></g>\n"
            var base: Int64 = 0
            for (kind, value) in entry.values.enumerated().dropFirst() where value > 0 {
                let rectTop = y(base + value), rectBottom = y(base)
                out += "<g><title>\(entry.year)年：\(series[kind].label) \(value) 件</title>"
                out += "<rect x=\"\(x + barWidth + gap)\" y=\"\(rectTop)\" width=\"\(barWidth)\" height=\"\(rectBottom - rectTop)\" fill=\"\(series[kind].colour)\"/></g>\n"
                base += value
            }
            out += "<text x=\"\(x + barWidth + gap / 2)\" y=\"\(top + plotHeight + 18)\" text-anchor=\"middle\" fill=\"#1b1b1b\">\(entry.year)</text>\n"
        }
        for (index, entry) in series.enumerated() {  // legend, two to a row
            let lx = left + (index % legendColumns) * legendWidth, ly = top + plotHeight + 34 + (index / legendColumns) * 22
            out += "<rect x=\"\(lx)\" y=\"\(ly)\" width=\"12\" height=\"12\" fill=\"\(entry.colour)\"/>"
            out += "<text x=\"\(lx + 18)\" y=\"\(ly + 11)\" fill=\"#1b1b1b\">\(HTML.escape(entry.label))</text>\n"
        }
        return out + "</svg>"
    }

    /// The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least `value` (and 4 or
    /// more), so the four grid steps are round numbers.
    static func niceCeiling(_ value: Int64) -> Int64 {
        var magnitude: Int64 = 1
        while true {
            for factor: Int64 in [4, 8, 10, 20] where factor * magnitude >= value {  // steps of 1, 2, 2.5, 5
                return factor * magnitude
            }
            magnitude *= 10
        }
    }
}

extension SiteBuilder {
    /// The cells the pages listing reports read (the agency page's chart): a report reduced to
    /// these (`Report.keeping(cells:)`) lists the same.
    public static var listedCells: Set<String> {
        var cells: Set<String> = []
        for form in FormVersion.allCases.map(ReportForm.edition) {
            let summary = form.requestSummary
            for quantity in [summary.received] + summary.results { cells.formUnion(quantity.cells) }
        }
        return cells
    }
}
