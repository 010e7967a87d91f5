import ByteCoding
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `tokens.bin` beside `cache.bin`: each report's search tokens, which an incremental build
/// needs only for the reports it renders again (to take them out of the search shards), so
/// they stay out of the record every build reads. Rebuilt whole by a full build; an
/// incremental one appends, leaving what older records point to intact.
public enum TokenFile {
    static let name = "tokens.bin"

    /// Writes `tokens` (by report folder) and returns where each went. Each set is written as the
    /// array `read` returns.
    public static func write(_ tokens: [String: Set<String>], to folder: URL, appending: Bool) throws -> [String: Range<Int>] {
        try CacheFolders.makeFolder(folder)
        let url = folder.appendingPathComponent(name)
        // Never through a link: `.nianbao-cache/` may come with a checked-out repository.
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC | (appending ? 0 : O_TRUNC), 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        defer { try? handle.close() }
        var offset = Int(try handle.seekToEnd())
        var ranges: [String: Range<Int>] = [:]
        var writer = ByteWriter()
        for folder in tokens.keys.sorted() {
            let start = writer.bytes.count
            let set = tokens[folder]!
            writer.write(set.count)
            for token in set { writer.write(token) }
            ranges[folder] = offset + start..<offset + writer.bytes.count
        }
        try handle.write(contentsOf: writer.bytes)
        offset += writer.bytes.count
        return ranges
    }

    /// The tokens at each range, or nil if the file does not hold them.
    public static func read(_ ranges: [String: Range<Int>], in folder: URL) -> [String: [String]]? {
        guard let handle = FileHandle(forReadingAtPath: folder.appendingPathComponent(name).path) else { return ranges.isEmpty ? [:] : nil }
        defer { try? handle.close() }
        var out: [String: [String]] = [:]
        for (folder, range) in ranges {
            guard (try? handle.seek(toOffset: UInt64(range.lowerBound))) != nil,
                let data = try? handle.read(upToCount: range.count), data.count == range.count
            else { return nil }
            var reader = ByteReader([UInt8](data))
            guard let tokens = try? reader.array(of: String.self), reader.isAtEnd else { return nil }
            out[folder] = tokens
        }
        return out
    }
}
