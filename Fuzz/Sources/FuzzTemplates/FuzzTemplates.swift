import FuzzDriver
import Templates

/// A theme template: any bytes, parsed, then rendered as a page that also includes it as a
/// partial and as a parent, against values with lists, maps and every kind of scalar.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplates(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    // Small limits: a template that grows for ever stops within a few milliseconds.
    var library = TemplateLibrary(
        escape: { $0 }, limits: TemplateLimits(depth: 16, steps: 1_000, bytes: 16 << 10))
    do {
        try library.register(text, named: "page")
        try library.register("[{{>page}}]{{<page}}{{$main}}m{{/main}}{{/page}}", named: "outer")
    } catch {
        return 0
    }
    let value: TemplateValue = [
        "title": "<题>", "n": 3, "yes": true, "no": false, "list": ["a", "b"], "none": [],
        "rows": [["name": "一", "rows": []], ["name": "二", "current": true]], "site": ["name": "站"],
    ]
    _ = library.render(value, template: "page")
    _ = library.render(value, template: "outer")
    return 0
}

@_cdecl("FuzzTemplates_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzTemplates)
}
