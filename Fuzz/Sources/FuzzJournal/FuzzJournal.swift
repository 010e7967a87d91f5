import FuzzDriver
import Foundation
@_spi(Fuzzing) import OutputFolder

/// A scratch folder of this process's, emptied for each input.
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-fuzz-journal-\(getpid())")

/// An update journal: any bytes read as one, and replayed as the paths of one bound to a scratch
/// output folder; nothing outside it may change (issue 22, item 1).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJournal(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    OutputFolderFuzzing.journal(Array(UnsafeBufferPointer(start: data, count: size)), scratch: scratch)
    return 0
}

@_cdecl("FuzzJournal_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzJournal)
}
