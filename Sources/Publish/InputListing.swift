/// The text `InputDigest` hashes, `sha256sum`'s `<SHA-256>  <label>` line per input file, kept
/// with where each line starts: a build in which only some files' digests changed overwrites
/// those in place instead of listing 64,000 files again (the preview server keeps it from one
/// build to the next).
public struct InputListing: Sendable {
    /// The listing, in UTF-8.
    public private(set) var bytes: [UInt8] = []
    /// Where each line starts, in order.
    private var starts: [Int] = []
    /// The files merged into the site's own (theme and task-list files, nianbao.yaml): a
    /// listing is patched only for the same ones.
    public let others: [InputDigest.File]

    init(others: [InputDigest.File], capacity: Int) {
        self.others = others
        bytes.reserveCapacity(capacity * 110)
        starts.reserveCapacity(capacity)
    }

    /// The manifest's `input_sha256`.
    public var digest: String { SHA256.hex(bytes) }

    /// Appends a line; returns where its label went.
    @discardableResult
    mutating func append(_ file: InputDigest.File) -> Range<Int> {
        var (digest, label) = (file.sha256, file.label)
        starts.append(bytes.count)
        digest.withUTF8 { bytes.append(contentsOf: $0) }
        bytes += [UInt8(ascii: " "), UInt8(ascii: " ")]
        let start = bytes.count
        label.withUTF8 { bytes.append(contentsOf: $0) }
        let range = start..<bytes.count
        bytes.append(UInt8(ascii: "\n"))
        return range
    }

    /// The listing with the digests of `files` in place of those of the same labels; a file
    /// with no digest (missing) must not be listed. Nil when a file is not listed, or listed
    /// though missing, or its digest is not a SHA-256: the files are not the same, and the
    /// listing must be made again.
    public func replacing(_ files: [InputDigest.File]) -> InputListing? {
        var patched = self
        for file in files {
            let line = self.line(of: file.label)
            if file.sha256.isEmpty {
                guard line == nil else { return nil }
                continue
            }
            guard let line, file.sha256.utf8.count == 64 else { return nil }
            patched.bytes.replaceSubrange(starts[line]..<starts[line] + 64, with: file.sha256.utf8)
        }
        return patched
    }

    /// The line of `label`, found by bisection: lines are in the bytes' order of their labels
    /// when all are ASCII. (Otherwise the search may miss, and the caller lists them again.)
    private func line(of label: String) -> Int? {
        let wanted = Array(label.utf8)
        var (low, high) = (0, starts.count)
        while low < high {
            let middle = (low + high) / 2
            if self.label(middle).lexicographicallyPrecedes(wanted) { low = middle + 1 } else { high = middle }
        }
        return low < starts.count && self.label(low).elementsEqual(wanted) ? low : nil
    }

    private func label(_ line: Int) -> ArraySlice<UInt8> {
        let end = line + 1 < starts.count ? starts[line + 1] - 1 : bytes.count - 1
        return bytes[(starts[line] + 66)..<end]
    }
}
