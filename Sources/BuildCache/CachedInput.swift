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
    let signature: Signature?

    /// What `stat` says of a file, in six numbers: a value, not an array, as 60,000 of them are
    /// read and compared per build at 20,000 reports.
    struct Signature: Equatable, Sendable {
        let size, inode, modifiedSeconds, modifiedNanoseconds, changedSeconds, changedNanoseconds: Int64

        var values: [Int64] { [size, inode, modifiedSeconds, modifiedNanoseconds, changedSeconds, changedNanoseconds] }
    }
    /// Empty for a missing file.
    public let sha256: String

    /// Reads what is needed of the file `label` (relative to the site root): a file whose `stat`
    /// matches `previous` keeps its digest; any other is read and hashed.
    public static func read(_ label: String, in site: SiteDirectory, previous: CachedInput?) -> CachedInput {
        guard let signature = signature(of: label, in: site) else { return CachedInput(label: label, signature: nil, sha256: "") }
        if let previous, previous.signature == signature, previous.label == label { return previous }
        // A folder, named pipe, socket or device is never opened (a pipe would block the build):
        // it is remembered by its type. Not as missing: a report whose files are compared by
        // digest would then be taken from the cache without the finding the loader gives it.
        guard signature.size >= 0 else {
            return CachedInput(label: label, signature: signature, sha256: SHA256.hex(Data("not a regular file: \(signature.size)".utf8)))
        }
        guard let data = site.contents(of: label) else {
            return CachedInput(label: label, signature: nil, sha256: "")
        }
        return CachedInput(label: label, signature: signature, sha256: SHA256.hex(data))
    }

    static func signature(of label: String, in site: SiteDirectory) -> Signature? {
        var info = stat()
        guard site.status(of: label, into: &info) else { return nil }
        return signature(info)
    }

    /// The same of a file named by its whole path.
    static func signature(of path: String) -> Signature? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return signature(info)
    }

    /// The signature of what `stat` found; anything but a regular file has a negative size,
    /// minus one minus its type bits, so that it is never taken for a file or for a missing one.
    private static func signature(_ info: stat) -> Signature? {
        let type = info.st_mode & S_IFMT
        return Signature(
            size: type == S_IFREG ? Int64(info.st_size) : -1 - Int64(type), inode: Int64(bitPattern: UInt64(info.st_ino)), modifiedSeconds: Int64(info.st_mtim.tv_sec),
            modifiedNanoseconds: Int64(info.st_mtim.tv_nsec), changedSeconds: Int64(info.st_ctim.tv_sec),
            changedNanoseconds: Int64(info.st_ctim.tv_nsec))
    }
}

extension CachedInput: ByteCodable {
    public func encode(to writer: inout ByteWriter) {
        writer.write(label)
        writer.write(signature != nil)
        for value in signature?.values ?? [] { writer.write(signed: value) }
        writer.write(sha256)
    }

    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        label = try reader.string()
        signature =
            try reader.bool()
            ? Signature(
                size: try reader.signed(), inode: try reader.signed(), modifiedSeconds: try reader.signed(),
                modifiedNanoseconds: try reader.signed(), changedSeconds: try reader.signed(), changedNanoseconds: try reader.signed())
            : nil
        sha256 = try reader.string()
    }
}
