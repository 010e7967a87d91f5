import Foundation
import Synchronization

/// Crawls a deployed site the way the national IPv6 monitoring measures it (spec §4): the host's
/// AAAA record; the homepage over IPv6 and over IPv4, and whether they are the same; every
/// second-level link (linked from the homepage) and third-level link (linked from those) on the
/// same host, fetched over IPv6. Bounded in pages, concurrency, body size and time (the deadline
/// is a wall-clock bound on the whole run); only the given host is fetched, redirects included.
public struct IPv6Audit: Sendable {
    public struct Options: Sendable {
        public var url: String
        public var maxPages = 500
        public var concurrency = 8
        public var timeout: Duration = .seconds(10)
        /// The whole audit takes at most this long: no request starts after it, and requests
        /// running at it are stopped (what they would have found is counted as unchecked).
        public var deadline: Duration = .seconds(120)
        /// Bodies are read up to this many bytes, then the transfer is stopped.
        public var maxBodyBytes = 8 << 20
        /// curl-style `host:port:address[,address]` overrides (to audit before DNS is switched).
        public var resolve: [String] = []

        public init(url: String) { self.url = url }
    }

    public struct Failure: Sendable, Hashable {
        public let url: String
        public let reason: String
    }

    public struct Level: Sendable {
        public let level: Int
        public let checked: Int
        public let passed: Int
        public var rate: Double { checked == 0 ? 1 : Double(passed) / Double(checked) }
        public let failures: [Failure]
    }

    public struct Report: Sendable {
        public let url: String
        public let host: String
        /// IPv6 addresses of the host, and where they came from (DNS or --resolve).
        public let ipv6Addresses: [String]
        public let ipv4Addresses: [String]
        public let addressSource: String
        public let homepageIPv6: HTTPFetcher.Response
        public let homepageIPv4: HTTPFetcher.Response
        public let sameContent: Bool
        /// Levels 1 (the homepage over IPv6), 2 and 3.
        public let levels: [Level]
        /// Links found but not fetched because of the page or time limit.
        public let unchecked: Int
        /// The deadline came before the audit was done.
        public let deadlineReached: Bool
        /// Pages whose body was longer than the size cap and was read only up to it.
        public let truncated: [String]
        public let seconds: Double
    }

    let options: Options
    let fetcher: HTTPFetcher

    public init(_ options: Options) {
        self.options = options
        fetcher = HTTPFetcher(timeout: options.timeout, resolve: options.resolve, maxBytes: options.maxBodyBytes)
    }

    public func run() -> Report {
        let started = ContinuousClock.now
        let end = started + options.deadline
        let host = URL(string: options.url)?.host?.lowercased() ?? ""
        let (v6, v4, source) = Self.beforeDeadline(end, or: ([], [], "DNS")) { self.addresses(of: host) }
        let home6 = fetcher.get(options.url, over: .v6, before: end) ?? HTTPFetcher.stopped(options.url)
        let home4 = fetcher.get(options.url, over: .v4, before: end) ?? HTTPFetcher.stopped(options.url)
        let same = home6.isSuccess && home4.isSuccess && home6.body == home4.body
        let level1 = Level(
            level: 1, checked: 1, passed: home6.isSuccess ? 1 : 0,
            failures: home6.isSuccess ? [] : [Failure(url: options.url, reason: Self.reason(home6))])

        var seen: Set<String> = [Self.normalised(options.url)]
        var budget = options.maxPages
        var unchecked = 0
        // Links are resolved against the URL the page came from, after redirects.
        func next(from pages: [(url: String, body: Data)]) -> [String] {
            var found: [String] = []
            for page in pages where ContinuousClock.now < end {
                for (number, link) in LinkExtractor.links(in: page.body, base: page.url, until: end).enumerated() {
                    // Past the deadline nothing more is fetched, nor counted: a page of 8 MB can
                    // hold a hundred thousand links.
                    if number % 1024 == 1023, ContinuousClock.now >= end { break }
                    guard sameSite(link, host: host) else { continue }
                    guard seen.insert(Self.normalised(link)).inserted else { continue }
                    if budget > 0 {
                        found.append(link)
                        budget -= 1
                    } else {
                        unchecked += 1
                    }
                }
            }
            return found
        }
        let second = next(from: home6.isSuccess ? [(home6.url, home6.body)] : home4.isSuccess ? [(home4.url, home4.body)] : [])
        let secondResults = fetchAll(second, until: end)
        let third = next(from: secondResults.compactMap { response in
            guard let response, response.isSuccess else { return nil }
            return (response.url, response.body)
        })
        let thirdResults = fetchAll(third, until: end)
        unchecked += secondResults.filter { $0 == nil }.count + thirdResults.filter { $0 == nil }.count
        let truncated = ([home6, home4] + secondResults.compactMap { $0 } + thirdResults.compactMap { $0 }).filter(\.truncated).map(\.url)
        return Report(
            url: options.url, host: host, ipv6Addresses: v6, ipv4Addresses: v4, addressSource: source, homepageIPv6: home6,
            homepageIPv4: home4, sameContent: same,
            levels: [level1, level(2, second, secondResults), level(3, third, thirdResults)], unchecked: unchecked,
            // A nil result is a link the deadline left unchecked.
            deadlineReached: ContinuousClock.now >= end || home6.stoppedByDeadline || home4.stoppedByDeadline
                || secondResults.contains { $0 == nil } || thirdResults.contains { $0 == nil },
            truncated: Array(Set(truncated)).sorted(), seconds: Self.seconds(ContinuousClock.now - started))
    }

    func level(_ number: Int, _ urls: [String], _ results: [HTTPFetcher.Response?]) -> Level {
        let checked = zip(urls, results).compactMap { url, response in response.map { (url, $0) } }
        return Level(
            level: number, checked: checked.count, passed: checked.filter { $0.1.isSuccess }.count,
            failures: checked.filter { !$0.1.isSuccess }.map { Failure(url: $0.0, reason: Self.reason($0.1)) })
    }

    /// Fetches `urls` over IPv6 with `options.concurrency` workers. Nil for those the deadline
    /// left unchecked: not started before `end`, or stopped by it.
    func fetchAll(_ urls: [String], until end: ContinuousClock.Instant) -> [HTTPFetcher.Response?] {
        let results = Mutex([HTTPFetcher.Response?](repeating: nil, count: urls.count))
        let nextIndex = Mutex(0)
        let fetcher = self.fetcher
        DispatchQueue.concurrentPerform(iterations: max(1, min(options.concurrency, urls.count))) { _ in
            while true {
                let index = nextIndex.withLock { value -> Int in
                    defer { value += 1 }
                    return value
                }
                guard index < urls.count, let response = fetcher.get(urls[index], over: .v6, before: end) else { return }
                if !response.stoppedByDeadline { results.withLock { $0[index] = response } }
            }
        }
        return results.withLock { $0 }
    }

    /// `work`'s answer if it comes before `end`, else `fallback` (a DNS lookup can hang for
    /// longer than the whole audit may take; its thread is left to finish on its own).
    static func beforeDeadline<T: Sendable>(_ end: ContinuousClock.Instant, or fallback: T, _ work: @escaping @Sendable () -> T) -> T {
        let shared = Arc(Mutex<T?>(nil))
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let value = work()
            shared.value.withLock { $0 = value }
            done.signal()
        }
        let left = max(0, seconds(end - ContinuousClock.now))
        guard done.wait(timeout: .now() + left) == .success else { return fallback }
        return shared.value.withLock { $0 } ?? fallback
    }

    func sameSite(_ link: String, host: String) -> Bool {
        guard let url = URL(string: link), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else { return false }
        return url.host?.lowercased() == host
    }

    /// The IPv6 and IPv4 addresses of `host`: from --resolve entries if any name it, else DNS.
    func addresses(of host: String) -> ([String], [String], String) {
        let overrides = options.resolve.filter { $0.lowercased().hasPrefix(host + ":") }
        if !overrides.isEmpty {
            let all = overrides.flatMap { entry -> [String] in
                let parts = entry.split(separator: ":", maxSplits: 2)
                return parts.count == 3 ? parts[2].split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "[]")) } : []
            }
            return (Array(Set(all.filter { $0.contains(":") })).sorted(), Array(Set(all.filter { !$0.contains(":") })).sorted(), "--resolve")
        }
        return (DNS.lookup(host, family: AF_INET6), DNS.lookup(host, family: AF_INET), "DNS")
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func reason(_ response: HTTPFetcher.Response) -> String {
        if response.stoppedByDeadline { return "整个检测的时限（--deadline）已到，未完成（stopped by the deadline）" }
        if let error = response.error { return error }
        return "HTTP \(response.status)"
    }

    /// A URL without its fragment, for de-duplication.
    static func normalised(_ link: String) -> String {
        String(link.prefix { $0 != "#" })
    }
}

/// A shared reference to a value that cannot be copied (a `Mutex`), for a thread to capture.
final class Arc<Value: ~Copyable & Sendable>: Sendable {
    let value: Value
    init(_ value: consuming Value) { self.value = value }
}
