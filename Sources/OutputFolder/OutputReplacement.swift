import SiteBuilder

/// A build's files on their way into the output folder: written one by one (from any thread)
/// as they are made, then put in place together by `commit`, or dropped by `abort`, which
/// leaves the output folder as it was.
public protocol OutputReplacement: Sendable {
    /// Writes one file of the build (thread-safe).
    func write(_ file: OutputFile) throws(OutputFolderError)
    /// Puts the files in place, with `buildID` in the marker.
    func commit(buildID: String?) throws(OutputFolderError)
    /// Gives up; the output folder is untouched.
    func abort()
}

extension StagingFolder: OutputReplacement {}

extension OutputUpdate: OutputReplacement {}
