/// `deploy/manifest.json` as written, with where each entry sits in it, so that a build of the same
/// files can patch the entries that changed instead of writing 100,000 again (the preview server
/// keeps it from one build to the next).
public struct ManifestText: Sendable {
    /// The manifest, in UTF-8.
    public let bytes: [UInt8]
    /// Where the first entry starts.
    let body: Int
    /// Where each entry ends, in path order.
    let ends: [Int]
    /// The entries, in path order.
    let entries: [Manifest.Entry]
    /// Each path's place in the order; made on the first patch, then handed on (a one-off
    /// build never pays for it).
    private var places: [String: Int]?

    init(bytes: [UInt8], body: Int, ends: [Int], entries: [Manifest.Entry], places: [String: Int]? = nil) {
        (self.bytes, self.body, self.ends, self.entries, self.places) = (bytes, body, ends, entries, places)
    }

    /// The manifest with `changed` in place of the entries of the same paths, byte for byte what
    /// `Manifest.text(sorted:…)` writes for the whole list. Nil when a path of `changed` is not
    /// in it: the files are not the same, so the list must be made again.
    public func patched(_ changed: [Manifest.Entry], inputDigest: String, version: String, site: DeploymentSite) -> ManifestText? {
        let places =
            self.places ?? Dictionary(entries.enumerated().map { ($0.element.path, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var edits: [Int: Manifest.Entry] = [:]
        for entry in changed {
            guard let place = places[entry.path] else { return nil }
            edits[place] = entry
        }
        var entries = self.entries
        for (place, entry) in edits { entries[place] = entry }
        let header = Manifest.header(
            count: entries.count, totalSize: entries.reduce(0) { $0 + $1.size }, inputDigest: inputDigest, version: version, site: site)
        var out = header
        out.reserveCapacity(bytes.count + edits.count * 64 + 256)
        var ends = self.ends
        var types = Manifest.MediaTypes()
        var (cursor, shift, next) = (body, header.count - body, 0)
        for (place, entry) in edits.sorted(by: { $0.key < $1.key }) {
            for later in next..<place { ends[later] += shift }
            let start = place == 0 ? body : self.ends[place - 1] + Manifest.separator.count
            out += bytes[cursor..<start]
            Manifest.appendEntry(entry, types: &types, to: &out)
            shift = out.count - self.ends[place]
            ends[place] = out.count
            (cursor, next) = (self.ends[place], place + 1)
        }
        for later in next..<ends.count { ends[later] += shift }
        out += bytes[cursor...]
        return ManifestText(bytes: out, body: header.count, ends: ends, entries: entries, places: places)
    }
}
