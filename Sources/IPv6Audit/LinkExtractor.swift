import Foundation

/// The targets of `<a href>` in an HTML page, resolved against the page's URL.
enum LinkExtractor {
    static func links(in body: Data, base: String) -> [String] {
        let html = String(decoding: body, as: UTF8.self)
        guard let baseURL = URL(string: base) else { return [] }
        var found: [String] = []
        for match in html.matches(of: /(?i)<a\s[^>]*?href\s*=\s*("([^"]*)"|'([^']*)')/) {
            let raw = String(match.output.2 ?? match.output.3 ?? "").replacingOccurrences(of: "&amp;", with: "&")
            let lower = raw.lowercased()
            guard !raw.isEmpty, !raw.hasPrefix("#"), !lower.hasPrefix("mailto:"), !lower.hasPrefix("javascript:"), !lower.hasPrefix("tel:")
            else { continue }
            guard let url = URL(string: raw, relativeTo: baseURL)?.absoluteURL else { continue }
            found.append(String(url.absoluteString.prefix { $0 != "#" }))
        }
        return found
    }
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
                let text = String(cString: buffer)
                if !(family == AF_INET6 && text.hasPrefix("::ffff:")) { addresses.insert(text) }
            }
            current = entry.pointee.ai_next
        }
        return addresses.sorted()
    }
}
