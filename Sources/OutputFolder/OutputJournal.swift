import Foundation
import Publish

#if canImport(Glibc)
    import Glibc
#endif

/// The commit record of an in-place update: the marker to write last, the files to move from
/// the update folder into the output folder, and the files to remove from it. Once the journal
/// exists the update is decided; replaying it again after an interruption finishes it, since
/// every step can be repeated.
///
/// A journal is bound to the output folder it was written for: the folder's device and inode,
/// and its marker (with the build id) at the time. A journal found beside a folder is replayed
/// only if both still match, and only if every path in it is relative, without `..`, and
/// reached without a symbolic link on the way; otherwise it is refused whole and nothing is
/// touched. A folder someone planted beside the output (from a checked-out repository, in a
/// shared temporary folder) can so neither write nor delete anything outside the output folder.
///
/// The file: a header line, the target's `device inode`, the base marker and the new marker
/// (line breaks as U+0001), then one path per line: a file to move, or, after a `/`, a file to
/// remove.
struct OutputJournal: Equatable {
    var marker: String
    /// The marker of the output folder the journal was written for.
    var base: String
    var target: FolderIdentity
    var moved: [String]
    var removed: [String]

    static let name = ".journal"
    static let header = "nianbao-journal 2"
    /// A journal of 84,000 moves is about 5 MB.
    static let sizeLimit = 256 << 20

    var text: String {
        let head = [
            Self.header, "target \(target.device) \(target.inode)", "base " + Self.escaped(base), "marker " + Self.escaped(marker),
        ]
        return (head + moved.sorted() + removed.sorted().map { "/" + $0 }).joined(separator: "\n")
    }

    init(marker: String, base: String, target: FolderIdentity, moved: [String], removed: [String]) {
        (self.marker, self.base, self.target, self.moved, self.removed) = (marker, base, target, moved, removed)
    }

    /// Reads a journal; nil for anything nianbao did not write: another header, a missing field,
    /// or a path that is absolute, holds `..`, `.` or an empty part.
    init?(_ data: Data) {
        guard let text = String(data: data, encoding: .utf8) else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard lines.popFirst() == Substring(Self.header),
            let targetLine = lines.popFirst(), targetLine.hasPrefix("target "),
            let baseLine = lines.popFirst(), baseLine.hasPrefix("base "),
            let markerLine = lines.popFirst(), markerLine.hasPrefix("marker ")
        else { return nil }
        let numbers = targetLine.dropFirst("target ".count).split(separator: " ").compactMap { UInt64($0) }
        guard numbers.count == 2 else { return nil }
        target = FolderIdentity(device: numbers[0], inode: numbers[1])
        base = Self.unescaped(baseLine.dropFirst("base ".count))
        marker = Self.unescaped(markerLine.dropFirst("marker ".count))
        var (moved, removed) = ([String](), [String]())
        for line in lines where !line.isEmpty {
            let isRemoval = line.isAbsolutePath
            let path = isRemoval ? Substring(line.utf8.dropFirst()) : line
            guard FolderDescriptor.isSafeRelative(path) else { return nil }
            if isRemoval { removed.append(String(path)) } else { moved.append(String(path)) }
        }
        (self.moved, self.removed) = (moved, removed)
    }

    private static func escaped(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: "\u{1}") }
    private static func unescaped(_ text: Substring) -> String { text.replacingOccurrences(of: "\u{1}", with: "\n") }

    /// Writes the journal into `staging`; renaming it into place is the commit point.
    func write(into staging: URL) throws {
        let temporary = staging.appendingPathComponent(Self.name + ".tmp").path
        try OutputFolder.write(Data(text.utf8), to: temporary)
        guard rename(temporary, staging.appendingPathComponent(Self.name).path) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    }
}

/// A folder's device and inode: what names it whatever path leads to it.
struct FolderIdentity: Equatable {
    var device: UInt64
    var inode: UInt64

    init(device: UInt64, inode: UInt64) { (self.device, self.inode) = (device, inode) }

    init?(of folder: FolderDescriptor) {
        var info = stat()
        guard fstat(folder.descriptor, &info) == 0 else { return nil }
        (device, inode) = (UInt64(info.st_dev), UInt64(info.st_ino))
    }
}
