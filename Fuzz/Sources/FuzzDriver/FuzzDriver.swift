/// libFuzzer's driver, called from each target's entry point: SwiftPM links an executable
/// target's `main` to `<Target>_main`, which libFuzzer does not provide.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Runs libFuzzer with the process's arguments on `callback`.
public func runFuzzer(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, callback)
}

/// A report's two files in one input, as FuzzCheck and FuzzPrint take them: report.md, a 0x1E
/// byte, then tables.yaml (none without the byte).
public func reportFiles(_ data: UnsafePointer<UInt8>, _ size: Int) -> (markdown: [UInt8], tables: [UInt8]) {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let split = bytes.firstIndex(of: 0x1E) ?? bytes.endIndex
    return (Array(bytes[..<split]), split < bytes.endIndex ? Array(bytes[(split + 1)...]) : [])
}
