import Diagnostics
import PrintPDF
import SiteModel
import Typesetting

/// A report's PDF, and a finding for every character no font could draw.
public enum ReportPDF {
    public static func make(_ report: Report, title: String, agencyName: String, fonts: FontSet, producer: String, taskList: TaskList? = nil)
        -> (pdf: [UInt8], findings: [Finding], pages: Int)
    {
        let document = ReportPrint.document(report, title: title, agencyName: agencyName, taskList: taskList)
        let laidOut = Composer(fonts: fonts).compose(document)
        let pdf = PDFRenderer.render(laidOut, fonts: fonts, metadata: document.metadata, producer: producer)
        var seen: Set<Unicode.Scalar> = []
        let findings = laidOut.missing.filter { seen.insert($0.scalar).inserted }.map { missing in
            let character = String(missing.scalar)
            let location =
                report.document.location(ofText: character, file: report.reportFile)
                ?? SourceLocation(file: report.reportFile)
            return Rule.printGlyphMissing.finding(
                "字体「\(missing.face)」和后备字体都没有字符「\(character)」(U+\(String(missing.scalar.value, radix: 16, uppercase: true)))，PDF 第 \(missing.page) 页会显示为方框",
                gist: "no font has U+\(String(missing.scalar.value, radix: 16, uppercase: true)) (page \(missing.page) of the PDF)",
                at: location)
        }
        return (pdf, findings, laidOut.pages.count)
    }
}
