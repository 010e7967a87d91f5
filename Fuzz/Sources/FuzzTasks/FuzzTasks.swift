import FuzzDriver
@_spi(Fuzzing) import SiteModel

/// A task list, a tasks.yaml and a deadline phrase: any bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTasks(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    _ = Fuzzing.tasks(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

@_cdecl("FuzzTasks_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzTasks)
}
