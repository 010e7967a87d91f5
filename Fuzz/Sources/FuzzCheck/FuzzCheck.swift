import FuzzDriver
@_spi(Fuzzing) import SiteModel
import Validation

/// One report through every rule: the input is report.md, a 0x1E byte, then tables.yaml.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCheck(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let (markdown, tables) = reportFiles(data, size)
    let report = Fuzzing.report(markdown: markdown, tables: tables)
    _ = Validator.validate(report, agency: nil)
    return 0
}

@_cdecl("FuzzCheck_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzCheck)
}
