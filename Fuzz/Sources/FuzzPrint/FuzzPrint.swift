import Foundation
import FuzzDriver
import PrintReport
@_spi(Fuzzing) import SiteModel

/// The default print fonts (AR PL UMing, WenQuanYi Zen Hei, …) where installed, found once: a
/// search of the font folders per input would be most of the run.
nonisolated(unsafe) let fonts = PrintFonts.load(.empty, root: URL(fileURLWithPath: "/")).0

/// One report through the print path: report.md, a 0x1E byte, then tables.yaml (as FuzzCheck),
/// read as a folder would be, made the print document of a report, typeset and written as PDF
/// bytes. Without fonts only the print document is made.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPrint(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let (markdown, tables) = reportFiles(data, size)
    let report = Fuzzing.report(markdown: markdown, tables: tables)
    if let fonts {
        let (pdf, _, _) = ReportPDF.make(report, title: "年度报告", agencyName: "某某局", fonts: fonts, producer: "nianbao fuzz")
        precondition(pdf.starts(with: Array("%PDF-".utf8)))
    } else {
        _ = ReportPrint.document(report, title: "年度报告", agencyName: "某某局")
    }
    return 0
}

@_cdecl("FuzzPrint_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzPrint)
}
