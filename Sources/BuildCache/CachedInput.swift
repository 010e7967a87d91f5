import ByteCoding
import Foundation
import Publish

#if canImport(Glibc)
    import Glibc
#endif

/// One file a build read, as the cache remembers it: where, what `stat` said, and the SHA-256
/// of its bytes. The digest is what counts; `stat` only spares reading a file that has not
/// been touched (as `git status` does). A file that did not exist is remembered as missing.
public struct CachedInput: Sendable, Equatable {
    /// Relative to the site root (`Content/<agency>/<year>/report.md`).
    public let label: String
    /// Size, inode, modification and change times; nil for a missing file.
    let signature: [Int64]?
    /// Empty for a missing file.
    public let sha256: String

    /// Reads what is needed of the file at `path`: a file whose `stat` matches `previous` keeps
    /// its digest; any other is read and hashed.
    public static func read(_ path: String, label: String, previous: CachedInput?) -> CachedInput {
        guard let signature = signature(of: path) else { return CachedInput(label: label, signature: nil, sha256: "") }
        if let previous, previous.signature == signature, previous.label == label { return previous }
        guard let data = FileManager.default.contents(atPath: path) else { return CachedInput(label: label, signature: nil, sha256: "") }
        return CachedInput(label: label, signature: signature, sha256: SHA256.hex(data))
    }

    static func signature(of path: String) -> [Int64]? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return [
            Int64(info.st_size), Int64(bitPattern: UInt64(info.st_ino)), Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec),
            Int64(info.st_ctim.tv_sec), Int64(info.st_ctim.tv_nsec),
        ]
    }
}

extension CachedInput: ByteCodable {
    public func encode(to writer: inout ByteWriter) {
        writer.write(label)
        writer.write(signature != nil)
        for value in signature ?? [] { writer.write(signed: value) }
        writer.write(sha256)
    }

    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        label = try reader.string()
        signature = try reader.bool() ? try (0..<6).map { _ throws(ByteReader.Malformed) in try reader.signed() } : nil
        sha256 = try reader.string()
    }
}
