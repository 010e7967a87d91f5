import Foundation

/// The targets of `<a href>` in an HTML page, resolved against the page's URL. A byte scan, not a
/// regular expression: a page of 8 MB (the default body cap) is read in a fraction of a second,
/// where the expression took seconds and hundreds of MB; the scan also stops at the deadline.
enum LinkExtractor {
    static func links(in body: Data, base: String, until end: ContinuousClock.Instant? = nil) -> [String] {
        guard let baseURL = URL(string: base) else { return [] }
        var found: [String] = []
        let bytes = [UInt8](body)
        var index = 0
        var scanned = 0
        while let (value, next) = nextHref(in: bytes, from: index) {
            index = next
            scanned += 1
            if scanned % 1024 == 0, let end, ContinuousClock.now >= end { break }
            let raw = String(decoding: value, as: UTF8.self).replacingOccurrences(of: "&amp;", with: "&")
            let lower = raw.lowercased()
            guard !raw.isEmpty, !raw.hasPrefix("#"), !lower.hasPrefix("mailto:"), !lower.hasPrefix("javascript:"), !lower.hasPrefix("tel:")
            else { continue }
            guard let url = URL(string: raw, relativeTo: baseURL)?.absoluteURL else { continue }
            found.append(String(url.absoluteString.prefix { $0 != "#" }))
        }
        return found
    }

    /// The next `<a ... href = "value"` (or `'value'`) at or after `start`, case-insensitive,
    /// with where to go on from: what `(?i)<a\s[^>]*?href\s*=\s*("([^"]*)"|'([^']*)')` matched.
    static func nextHref(in bytes: [UInt8], from start: Int) -> (ArraySlice<UInt8>, Int)? {
        var index = start
        let count = bytes.count
        // Quotes with no closing one left: a value opened by one can never end, here or later.
        var unclosed: Set<UInt8> = []
        while index + 2 < count {
            guard bytes[index] == UInt8(ascii: "<"), bytes[index + 1] | 0x20 == UInt8(ascii: "a"), isSpace(bytes[index + 2]) else {
                index += 1
                continue
            }
            // Within the tag (up to its '>'), each "href" followed by = and a quote.
            var cursor = index + 3
            while cursor + 3 < count, bytes[cursor] != UInt8(ascii: ">") {
                if lower(bytes[cursor]) == UInt8(ascii: "h"), lower(bytes[cursor + 1]) == UInt8(ascii: "r"),
                    lower(bytes[cursor + 2]) == UInt8(ascii: "e"), lower(bytes[cursor + 3]) == UInt8(ascii: "f")
                {
                    var at = cursor + 4
                    while at < count, isSpace(bytes[at]) { at += 1 }
                    if at < count, bytes[at] == UInt8(ascii: "=") {
                        at += 1
                        while at < count, isSpace(bytes[at]) { at += 1 }
                        if at < count, bytes[at] == UInt8(ascii: "\"") || bytes[at] == UInt8(ascii: "'"), !unclosed.contains(bytes[at]) {
                            let quote = bytes[at]
                            if let close = bytes[(at + 1)...].firstIndex(of: quote) { return (bytes[(at + 1)..<close], close + 1) }
                            unclosed.insert(quote)
                        }
                    }
                }
                cursor += 1
            }
            // A tag without a link: an `<a ` inside it ends at the same '>' and finds nothing the
            // scan did not look at already, so go on after it (else a page of `<a ` and no '>'
            // was scanned once per byte: hours for 8 MB).
            index = max(index + 1, cursor)
        }
        return nil
    }

    static func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte | 0x20 : byte }
    static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || (9...13).contains(byte) }
}

/// Address lookups without the v4-mapped answers getaddrinfo gives by default.
enum DNS {
    static func lookup(_ host: String, family: Int32) -> [String] {
        var hints = addrinfo()
        hints.ai_family = family
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &result) == 0, let first = result else { return [] }
        defer { freeaddrinfo(first) }
        var addresses: Set<String> = []
        var current: UnsafeMutablePointer<addrinfo>? = first
        while let entry = current {
            var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(entry.pointee.ai_addr, entry.pointee.ai_addrlen, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST) == 0 {
                let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                if !(family == AF_INET6 && text.hasPrefix("::ffff:")) { addresses.insert(text) }
            }
            current = entry.pointee.ai_next
        }
        return addresses.sorted()
    }
}
