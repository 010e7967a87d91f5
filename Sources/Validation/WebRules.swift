import Diagnostics
import SiteModel

/// Links that IPv6-only or security-minded readers cannot follow, and the site's identity code.
enum WebRules {
    /// `http://` or `https://` URLs written in the narrative, with their positions.
    static func check(_ report: Report) -> [Finding] {
        guard report.document.source.containsBytes("://") else { return [] }
        var findings: [Finding] = []
        var number = report.document.sourceLineOffset
        for line in report.document.source.lineSlices {
            number += 1
            guard line.containsBytes("://") else { continue }
            // Scheme, host, then the rest up to a space, a bracket or Chinese punctuation.
            for match in line.matches(of: /(?i)\b(https?):\/\/([^\/\s)）」』>\]，。；、]+)([^\s)）」』>\]，。；、]*)/) {
                let scheme = match.output.1.lowercased()
                var host = String(match.output.2)
                if let at = host.lastIndex(of: "@") { host = String(host[host.index(after: at)...]) }
                if let colon = host.lastIndex(of: ":"), !host.hasPrefix("[") { host = String(host[..<colon]) }
                let column = line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: match.range.lowerBound) + 1
                let location = SourceLocation(file: report.reportFile, line: number, column: column)
                if isIPv4(host) {
                    findings.append(
                        Rule.webIPv4Link.finding(
                            "链接「\(match.output.0)」使用 IPv4 地址 \(host)，只有 IPv6 的访问者无法打开",
                            gist: "link to the IPv4 literal \(host)", at: location))
                } else if scheme == "http", host.lowercased().hasSuffix(".gov.cn") {
                    findings.append(
                        Rule.webInsecureLink.finding(
                            "链接「\(match.output.0)」指向政府网站却使用 http://", gist: "plain http link to \(host)", at: location,
                            hint: "改为 https://\(match.output.0.dropFirst("http://".count))"))
                }
            }
        }
        return findings
    }

    static func isIPv4(_ host: String) -> Bool {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCII) && Int($0).map { $0 <= 255 } == true }
    }

    /// SiteIDCode: required where the site has a nianbao.yaml; its format (`^(\d{10}|bm\d{8})$`,
    /// spec §3, observed rather than read) only warned about.
    static func check(_ config: SiteConfig) -> [Finding] {
        guard let file = config.file else { return [] }
        guard let code = config["id_code"], !code.value.isEmpty else {
            return [
                Rule.siteIDCode.finding(
                    "nianbao.yaml 没有 id_code（政府网站标识码，网页的 SiteIDCode 标签必须有）", gist: "SiteIDCode (id_code) is missing",
                    at: SourceLocation(file: file))
            ]
        }
        let value = code.value
        let digits = value.allSatisfy { $0.isASCII && $0.isNumber }
        let wellFormed = (value.count == 10 && digits)
            || (value.count == 10 && value.hasPrefix("bm") && value.dropFirst(2).allSatisfy { $0.isASCII && $0.isNumber })
        guard !wellFormed else { return [] }
        return [
            Rule.siteIDCode.finding(
                "政府网站标识码「\(value)」的格式不是10位数字或 bm 加8位数字", gist: "SiteIDCode \(value) is not 10 digits or bm + 8 digits",
                at: code.location, severity: .warning)
        ]
    }
}
