import Foundation

/// One file of a build, in memory until the whole build has succeeded.
public struct OutputFile: Sendable, Hashable {
    /// Relative to the output folder, with `/` separators.
    public let path: String
    public let contents: Data

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }

    init(_ path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }
}
