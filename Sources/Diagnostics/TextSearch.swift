import Foundation

/// Whether the UTF-8 bytes `word` occur in `text`: memchr for the last byte (in CJK text the lead
/// byte is common, the last one less so), then memcmp for the rest.
private func bytes(_ word: UnsafeBufferPointer<UInt8>, occurIn text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard !word.isEmpty else { return true }
    guard text.count >= word.count, let base = text.baseAddress, let wordBase = word.baseAddress else { return false }
    let lastByte = Int32(word[word.count - 1])
    var position = word.count - 1
    while position < text.count {
        guard let found = memchr(base + position, lastByte, text.count - position) else { return false }
        let hit = UnsafeRawPointer(found) - UnsafeRawPointer(base)
        if memcmp(base + hit - (word.count - 1), wordBase, word.count) == 0 { return true }
        position = hit + 1
    }
    return false
}

extension String {
    /// Whether the UTF-8 bytes of `needle` occur in this text. Byte search is exact for UTF-8
    /// and far cheaper than Foundation's locale-aware `contains`, which dominated check profiles.
    /// Concrete for String and Substring: a generic version copied the text on every call.
    public func containsBytes(_ needle: String) -> Bool {
        var text = self
        var word = needle
        return text.withUTF8 { text in word.withUTF8 { bytes($0, occurIn: text) } }
    }
}

extension Substring {
    /// Whether the UTF-8 bytes of `needle` occur in this text (see `String.containsBytes`).
    public func containsBytes(_ needle: String) -> Bool {
        var text = self
        var word = needle
        return text.withUTF8 { text in word.withUTF8 { bytes($0, occurIn: text) } }
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

extension StringProtocol {
    /// The parts of the text between the ASCII byte `separator`. Cut as bytes: an ASCII byte is
    /// never inside another character's UTF-8, and cutting by Character (grapheme breaking) cost
    /// most of the narrative's section split and of resolving links.
    public func slices(separatedBy separator: UInt8, omittingEmpty: Bool = false) -> [Substring] {
        Substring(self).utf8.split(separator: separator, omittingEmptySubsequences: omittingEmpty).map(Substring.init)
    }

    /// The text's lines, split at each "\n" (empty lines kept): the loader folds CRLF, so "\n"
    /// ends every line.
    public var lineSlices: [Substring] { slices(separatedBy: UInt8(ascii: "\n")) }
}
