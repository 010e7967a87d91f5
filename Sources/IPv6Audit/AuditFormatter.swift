import Foundation

/// The audit as text for people and as JSON for programs.
public enum AuditFormatter {
    static let levelNames = [1: "首页", 2: "二级链接", 3: "三级链接"]

    public static func text(_ report: IPv6Audit.Report, minimumRate: Double) -> String {
        var out = "IPv6 支持度检测：\(report.url)\n"
        out += "主机 \(report.host)：AAAA \(report.ipv6Addresses.isEmpty ? "无" : report.ipv6Addresses.joined(separator: " "))；"
        out += "A \(report.ipv4Addresses.isEmpty ? "无" : report.ipv4Addresses.joined(separator: " "))（来自 \(report.addressSource)）\n"
        out += "首页 IPv6：\(describe(report.homepageIPv6))；IPv4：\(describe(report.homepageIPv4))；内容\(report.sameContent ? "一致" : "不一致")\n"
        for level in report.levels {
            let percent = String(format: "%.1f", level.rate * 100)
            let mark = level.rate + 1e-9 >= minimumRate ? "" : "  低于 \(String(format: "%.0f", minimumRate * 100))%"
            out += "\(levelNames[level.level] ?? "第\(level.level)级")：\(level.passed)/\(level.checked) 可经 IPv6 访问（\(percent)%）\(mark)\n"
            for failure in level.failures { out += "  ✗ \(failure.url)  \(failure.reason)\n" }
        }
        if report.deadlineReached { out += "整个检测的时限已到，检测在此停止（deadline reached）。\n" }
        if report.unchecked > 0 { out += "另有 \(report.unchecked) 个链接因页数或时间上限未检查。\n" }
        if !report.truncated.isEmpty {
            out += "\(report.truncated.count) 个页面的正文超过大小上限，只读取了开头（body over the size cap, cut）：\n"
            for url in report.truncated.prefix(20) { out += "  \(url)\n" }
        }
        out += String(format: "用时 %.2f 秒。\n", report.seconds)
        return out
    }

    static func describe(_ response: HTTPFetcher.Response) -> String {
        response.error.map { "失败（\($0)）" } ?? "HTTP \(response.status)\(response.address.isEmpty ? "" : " 经 \(response.address)")"
    }

    public static func json(_ report: IPv6Audit.Report, minimumRate: Double) -> String {
        func response(_ value: HTTPFetcher.Response) -> [String: Any] {
            var out: [String: Any] = ["ok": value.isSuccess, "status": value.status, "address": value.address, "truncated": value.truncated]
            if let error = value.error { out["error"] = error }
            return out
        }
        let object: [String: Any] = [
            "url": report.url, "host": report.host, "aaaa": report.ipv6Addresses, "a": report.ipv4Addresses,
            "address_source": report.addressSource, "homepage": ["ipv6": response(report.homepageIPv6), "ipv4": response(report.homepageIPv4), "same_content": report.sameContent],
            "levels": report.levels.map { level in
                [
                    "level": level.level, "checked": level.checked, "passed": level.passed, "rate": level.rate,
                    "failures": level.failures.map { ["url": $0.url, "reason": $0.reason] },
                ] as [String: Any]
            },
            "unchecked": report.unchecked, "deadline_reached": report.deadlineReached, "truncated": report.truncated,
            "minimum_rate": minimumRate, "passed": passed(report, minimumRate: minimumRate), "seconds": report.seconds,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The homepage reachable over IPv6 and every level at or above the minimum rate.
    public static func passed(_ report: IPv6Audit.Report, minimumRate: Double) -> Bool {
        report.homepageIPv6.isSuccess && report.levels.allSatisfy { $0.rate + 1e-9 >= minimumRate }
    }
}
