/// The keys of one mapping seen so far, for the duplicate-key check of both YAML readers.
///
/// Mappings in report files hold a handful of keys, where comparing bytes beats hashing CJK
/// text; past `linearLimit` keys (only a hostile or broken file has that many under one map)
/// the keys move to a hash table, so that checking a mapping of n keys stays linear in n and
/// not n²: 40,000 keys under one map took 51 s to check by linear search alone.
struct YAMLKeyIndex {
    /// A key compared by its UTF-8 bytes, as both readers compare keys (no Unicode
    /// normalisation, which `String`'s own `==` and hash perform).
    private struct Bytes: Hashable {
        let text: String

        static func == (a: Bytes, b: Bytes) -> Bool { a.text.bytesEqual(b.text) }

        func hash(into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    static let linearLimit = 32

    private var small: [(key: String, position: YAMLNode.Position)] = []
    private var large: [Bytes: YAMLNode.Position] = [:]

    /// Records `key`, first written at `position`; returns the position of an equal key seen
    /// before, if any (the one kept: the finding points at the first occurrence, the one a
    /// writer usually meant to keep).
    mutating func insert(_ key: String, at position: YAMLNode.Position) -> YAMLNode.Position? {
        if large.isEmpty {
            if let earlier = small.first(where: { $0.key.bytesEqual(key) }) { return earlier.position }
            if small.count < Self.linearLimit {
                small.append((key, position))
                return nil
            }
            large.reserveCapacity(Self.linearLimit * 4)
            for (key, position) in small { large[Bytes(text: key)] = position }
            small = []
        }
        if let earlier = large[Bytes(text: key)] { return earlier }
        large[Bytes(text: key)] = position
        return nil
    }
}
