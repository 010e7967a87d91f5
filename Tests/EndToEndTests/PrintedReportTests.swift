import Foundation
import Markdown
import ReportForm
import Rendering
import SiteModel
import Testing

/// The PDFs `nianbao build` writes, read back with poppler and qpdf.
@Suite(.enabled(if: PublishedSiteTests.installed("pdftotext") || PublishedSiteTests.underCI, "poppler-utils is not installed"))
struct PrintedReportTests {
    static let site: Result<Site, Error> = Result { try SiteLoader.load(root: Nianbao.repositoryRoot) }

    static func pdf(_ report: Report) throws -> String {
        try PublishedSiteTests.built.get().appendingPathComponent("\(report.agency)/\(report.year)/report.pdf").path
    }

    static func tool(_ name: String, _ arguments: [String]) throws -> Nianbao.Result {
        try PublishedSiteTests.run(name, arguments)
    }

    @Test("pdffonts: every font embedded, subset, CID TrueType with a ToUnicode map")
    func fonts() throws {
        for report in try Self.site.get().reports {
            let result = try Self.tool("pdffonts", [try Self.pdf(report)])
            #expect(result.status == 0)
            let rows = result.stdout.split(separator: "\n").dropFirst(2)
            #expect(rows.count >= 2, "\(report.folder)")
            for row in rows {
                #expect(row.contains("CID TrueType") && row.contains("Identity-H"), "\(row)")
                let flags = row.split(separator: " ").suffix(5).prefix(3)
                #expect(Array(flags) == ["yes", "yes", "yes"], "\(report.folder): \(row)")
                #expect(row.range(of: #"^[A-Z]{6}\+"#, options: .regularExpression) != nil)
            }
        }
    }

    @Test("qpdf --check finds no error or warning; pdfinfo: A4 pages, title, author, subject, dates from the report")
    func structure() throws {
        for report in try Self.site.get().reports {
            let path = try Self.pdf(report)
            let check = try Self.tool("qpdf", ["--check", path])
            #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
            #expect(check.stdout.contains("No syntax or stream encoding errors found") && !check.stdout.contains("WARNING"))
            let info = try Self.tool("pdfinfo", ["-isodates", path]).stdout
            #expect(info.contains("Page size:       595.276 x 841.89 pts (A4)"), "\(info)")
            #expect(info.contains("Title:           \(report.frontMatter["title"]!.value)"))
            #expect(info.contains("Author:          \(report.frontMatter["agency"]!.value)"))
            #expect(info.contains("Subject:         政府信息公开工作年度报告"))
            let published = try #require(PublicationDate(report.frontMatter["published"]!.value))
            #expect(info.contains("CreationDate:    \(published.iso)T\(published.pubDate.suffix(5)):00+08"), "\(info)")
        }
    }

    @Test("the outline has the six sections, each pointing at the page its heading is on")
    func outline() throws {
        for report in try Self.site.get().reports {
            let path = try Self.pdf(report)
            let json = try Self.tool("qpdf", ["--json", "--json-key=outlines", path]).stdout
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let outlines = try #require(object["outlines"] as? [[String: Any]])
            #expect(outlines.compactMap { $0["title"] as? String } == report.document.sections.map(\.text), "\(report.folder)")
            for entry in outlines {
                let title = try #require(entry["title"] as? String)
                let page = try #require(entry["destpageposfrom1"] as? Int)
                #expect(try Self.text(path, pages: page...page).contains(title), "\(report.folder): \(title) not on page \(page)")
            }
        }
    }

    /// The text of a PDF with line breaks, spaces and page numbers taken out.
    static func text(_ path: String, pages: ClosedRange<Int>? = nil) throws -> String {
        var arguments = [path, "-"]
        if let pages { arguments = ["-f", String(pages.lowerBound), "-l", String(pages.upperBound)] + arguments }
        let raw = try tool("pdftotext", arguments).stdout
        return raw.replacingOccurrences(of: #"—\s*\d+\s*—"#, with: "", options: .regularExpression)
            .filter { !$0.isWhitespace }
    }

    @Test("pdftotext gives back every heading, every paragraph's first sentence and every table number, in reading order")
    func readingOrder() throws {
        for report in try Self.site.get().reports {
            let path = try Self.pdf(report)
            let text = try Self.text(path)
            var position = text.startIndex
            func expectNext(_ fragment: String) {
                let compact = fragment.filter { !$0.isWhitespace }
                guard !compact.isEmpty else { return }
                if let found = text[position...].range(of: compact) {
                    position = found.upperBound
                } else {
                    Issue.record("\(report.folder): 「\(compact)」 missing or out of order")
                }
            }
            let tables = try #require(report.tables)
            let source = Placeholders.fill(String(report.document.source), from: tables)
            for block in MarkdownRenderer.blocks(source) {
                switch block {
                case .heading(_, let heading): expectNext(heading)
                case .paragraph(let paragraph), .listItem(_, let paragraph):
                    expectNext(String(paragraph.prefix { $0 != "。" && $0 != "；" && $0 != "：" }))
                default: break
                }
            }
            // Every number of every table, in the order of the form, among the numbers of the text.
            let numbers = try Self.tool("pdftotext", [path, "-"]).stdout
                .matches(of: /-?\d+(?:\.\d+)?/).map { String($0.output) }
            var index = numbers.startIndex
            for table in tables.form.tables {
                for row in TableGrid.of(table.id, in: tables.version).rows {
                    for cell in row {
                        guard let id = cell.cell, let value = tables[id]?.text else { continue }
                        guard let found = numbers[index...].firstIndex(of: value) else {
                            Issue.record("\(report.folder): \(id) = \(value) missing or out of order")
                            continue
                        }
                        index = numbers.index(after: found)
                    }
                }
            }
        }
    }

    @Test("the long table of section 三 repeats its header rows on the page it continues on")
    func headerOnNextPage() throws {
        let report = try #require(try Self.site.get().agency("jiangyu-tax")?.reports.last)
        let path = try Self.pdf(report)
        let pages = try #require(Int(try Self.tool("pdfinfo", [path]).stdout.matches(of: /Pages:\s+(\d+)/).first?.output.1 ?? ""))
        let start = try #require((1...pages).first { try! Self.text(path, pages: $0...$0).contains("一、本年新收政府信息公开申请数量") })
        let end = try #require((1...pages).first { try! Self.text(path, pages: $0...$0).contains("四、结转下年度继续办理") })
        #expect(end > start, "the sample's table should cross a page")
        for page in (start + 1)...end {
            let text = try Self.text(path, pages: page...page)
            #expect(text.contains("申请人情况") && text.contains("法人或其他组织") && text.contains("自然人"), "page \(page)")
        }
    }
}
