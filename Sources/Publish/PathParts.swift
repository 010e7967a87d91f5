/// The parts of `/`-separated paths as the kernel reads them.
///
/// Swift compares and splits `String`s by Character, and a `/` followed by a combining mark
/// (U+0301 …) is one Character: `"../\u{301}x".split(separator: "/")` is one part, not `..`,
/// and `"/\u{301}x".hasPrefix("/")` is false, while `open(2)` sees `..` and an absolute path.
/// Every check that keeps a path inside a folder splits on the byte `/` instead.
extension StringProtocol {
    /// The parts between `/` bytes, empty parts kept unless `omittingEmpty`.
    public func pathParts(omittingEmpty: Bool = false) -> [String] {
        utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: omittingEmpty).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether the first byte is `/`.
    public var isAbsolutePath: Bool { utf8.first == UInt8(ascii: "/") }
}
