import Foundation

extension StringProtocol {
    /// Whether the UTF-8 bytes of `needle` occur in this text. Byte search is exact for UTF-8
    /// and far cheaper than Foundation's locale-aware `contains`, which dominated check profiles.
    public func containsBytes(_ needle: String) -> Bool {
        var haystack = String(self)
        var pattern = needle
        return haystack.withUTF8 { text in
            pattern.withUTF8 { word in
                guard !word.isEmpty else { return true }
                guard text.count >= word.count else { return false }
                // memchr for the last byte (in CJK text the lead byte is common, the last one less
                // so), then memcmp for the rest.
                let lastByte = Int32(word[word.count - 1])
                var position = word.count - 1
                while position < text.count {
                    guard let found = memchr(text.baseAddress! + position, lastByte, text.count - position) else { return false }
                    let hit = UnsafeRawPointer(found) - UnsafeRawPointer(text.baseAddress!)
                    if memcmp(text.baseAddress! + hit - (word.count - 1), word.baseAddress!, word.count) == 0 { return true }
                    position = hit + 1
                }
                return false
            }
        }
    }

}

extension String {
    /// Equality of the UTF-8 bytes: labels are compared as written, without the Unicode
    /// normalisation `==` performs (which is what made matching slow). Not generic, and
    /// inlinable, because it runs for every key of every statistics file.
    @inlinable
    public func bytesEqual(_ other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        var left = self
        var right = other
        return left.withUTF8 { a in right.withUTF8 { b in a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 } }
    }
}
