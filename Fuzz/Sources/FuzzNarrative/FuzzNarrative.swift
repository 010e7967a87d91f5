import FuzzDriver
@_spi(Fuzzing) import SiteModel

/// report.md: front matter and the Markdown outline.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNarrative(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    _ = Fuzzing.narrative(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

@_cdecl("FuzzNarrative_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzNarrative)
}
