import FuzzDriver
@_spi(Fuzzing) import SiteModel

/// tables.yaml: any bytes, on both form editions.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTables(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = Fuzzing.tables(bytes, year: 2020)
    _ = Fuzzing.tables(bytes, year: 2024)
    return 0
}

@_cdecl("FuzzTables_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzTables)
}
