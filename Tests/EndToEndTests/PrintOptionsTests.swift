import Foundation
import Testing

/// The print side of `nianbao build`: fonts from nianbao.yaml, characters no font has, --no-pdf.
@Suite(.enabled(if: PublishedSiteTests.installed("pdffonts") || PublishedSiteTests.underCI, "poppler-utils is not installed"))
struct PrintOptionsTests {
    @Test("a face named in nianbao.yaml is the one embedded")
    func configuredFont() throws {
        let site = try BuildCommandTests.sampleSite()
        let wenkai = "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf"
        try #require(FileManager.default.fileExists(atPath: wenkai) || !PublishedSiteTests.underCI, "fonts-lxgw-wenkai")
        guard FileManager.default.fileExists(atPath: wenkai) else { return }
        try site.write("nianbao.yaml", try site.read("nianbao.yaml") + "print_font_subheading: \(wenkai)\n")
        let result = try Nianbao.run(["build", "-s", site.root.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let fonts = try PublishedSiteTests.run("pdffonts", [site.root.appendingPathComponent("Output/jiangyu-tax/2024/report.pdf").path])
        #expect(fonts.stdout.contains("+LXGWWenKai-Regular"))
        #expect(!fonts.stdout.contains("UKai"))
    }

    @Test("a font file that does not exist is an error at its line in nianbao.yaml; nothing is built")
    func missingFontFile() throws {
        let site = try BuildCommandTests.sampleSite()
        try site.write("nianbao.yaml", try site.read("nianbao.yaml") + "print_font_body: fonts/none.ttf\n")
        let line = try site.read("nianbao.yaml").split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("print_font_body") }! + 1
        let result = try Nianbao.run(["build", "-s", site.root.path, "--format", "github"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("::error file=nianbao.yaml,line=\(line),col=18,title=nianbao print-font-missing::"), "\(result.stdout)")
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output").path))
        // --no-pdf does not need the font.
        let without = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"])
        #expect(without.status == 0, "\(without.stdout)")
        let report = site.root.appendingPathComponent("Output/jiangyu-tax/2024")
        #expect(FileManager.default.fileExists(atPath: report.appendingPathComponent("print.html").path))
        #expect(!FileManager.default.fileExists(atPath: report.appendingPathComponent("report.pdf").path))
        #expect(!(try String(contentsOf: report.appendingPathComponent("index.html"), encoding: .utf8)).contains("report.pdf"))
    }

    @Test("a character no font has is a warning naming it, the font and the page, at its place in report.md")
    func missingGlyph() throws {
        let site = try BuildCommandTests.sampleSite()
        let file = "Content/qingshan-tax/2024/report.md"
        var lines = try site.read(file).components(separatedBy: "\n")
        let line = try #require(lines.firstIndex { $0.hasPrefix("## 五、") }) + 2
        lines[line] = "特殊符号\u{10FFFD}见附件。" + lines[line]
        try site.write(file, lines.joined(separator: "\n"))
        let result = try Nianbao.run(["build", "-s", site.root.path, "--format", "github"])
        #expect(result.status == 0, "\(result.stdout)")
        let finding = try #require(result.stdout.split(separator: "\n").first { $0.contains("print-glyph-missing") })
        #expect(finding.hasPrefix("::warning file=\(file),line=\(line + 1),col=5,"), "\(finding)")
        #expect(finding.contains("U+10FFFD") && finding.contains("AR PL UMing CN") && finding.contains("PDF 第"), "\(finding)")
    }
}
