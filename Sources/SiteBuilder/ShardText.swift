/// A search shard as `SearchIndex.shardText` writes it (`{`, one `"token":[1,2]` line per token
/// in token order, `}`), edited token by token. Lines no edit touches are copied as bytes: at
/// 20,000 reports a shard holds thousands of tokens, and one edit changes a handful of them.
struct ShardText {
    private let bytes: [UInt8]
    /// Each line's token (inside its quotes) and posting list (inside its brackets), in order.
    private var lines: [(token: Range<Int>, list: Range<Int>)] = []
    /// New posting lists of existing lines, by line; an empty list removes the line.
    private var replaced: [Int: [Int]] = [:]
    /// Tokens new to the shard, with the line they go before.
    private var inserted: [(before: Int, token: String, list: [Int])] = []

    /// Nil when `text` is not laid out as nianbao writes shards (tokens hold no quotes or escapes).
    init?(_ text: String) {
        bytes = Array(text.utf8)
        let (open, close): ([UInt8], [UInt8]) = (Array("{\n".utf8), Array("\n}\n".utf8))
        guard bytes.count >= open.count + close.count, bytes.starts(with: open), bytes.suffix(close.count).elementsEqual(close)
        else { return nil }
        let body = open.count..<(bytes.count - close.count)
        guard !body.isEmpty else { return }
        var start = body.lowerBound
        while start <= body.upperBound {
            let end = bytes[start..<body.upperBound].firstIndex(of: UInt8(ascii: "\n")) ?? body.upperBound
            let last = end == body.upperBound
            guard let line = Self.line(bytes[start..<(last ? end : end - 1)]), last || bytes[end - 1] == UInt8(ascii: ",") else {
                return nil
            }
            lines.append(line)
            start = end + 1
        }
    }

    /// `"token":[1,2]` → the ranges of `token` and `1,2`.
    private static func line(_ line: ArraySlice<UInt8>) -> (token: Range<Int>, list: Range<Int>)? {
        guard line.count >= 6, line.first == UInt8(ascii: "\""), line.last == UInt8(ascii: "]"),
            let quote = line.dropFirst().firstIndex(of: UInt8(ascii: "\"")),
            line[quote...].starts(with: [UInt8(ascii: "\""), UInt8(ascii: ":"), UInt8(ascii: "[")])
        else { return nil }
        return (line.startIndex + 1..<quote, quote + 3..<line.endIndex - 1)
    }

    /// Adds documents to `token`'s posting list and takes others out of it, keeping the list in
    /// document order; a token whose list becomes empty leaves the shard.
    mutating func edit(_ token: String, adding added: [Int], removing removed: Set<Int>) {
        // Lines are in `String` order (`shardText` sorts them so), so the search compares Strings.
        var (low, high) = (0, lines.count)
        while low < high {
            let middle = (low + high) / 2
            if String(decoding: bytes[lines[middle].token], as: UTF8.self) < token { low = middle + 1 } else { high = middle }
        }
        if low < lines.count, bytes[lines[low].token].elementsEqual(token.utf8) {
            let old = replaced[low] ?? numbers(lines[low].list)
            replaced[low] = (old.filter { !removed.contains($0) } + added).sorted()
        } else if !added.isEmpty {
            inserted.append((low, token, added.sorted()))
        }
    }

    private func numbers(_ range: Range<Int>) -> [Int] {
        bytes[range].split(separator: UInt8(ascii: ",")).map { digits in digits.reduce(0) { $0 * 10 + Int($1 &- 48) } }
    }

    /// The shard as `shardText` would write it for the edited postings.
    var text: String {
        var out: [UInt8] = Array("{\n".utf8)
        out.reserveCapacity(bytes.count + 256)
        var first = true
        func write(_ token: some Collection<UInt8>, _ list: (inout [UInt8]) -> Void) {
            if !first { out += [UInt8(ascii: ","), UInt8(ascii: "\n")] }
            first = false
            out.append(UInt8(ascii: "\""))
            out += token
            out += [UInt8(ascii: "\""), UInt8(ascii: ":"), UInt8(ascii: "[")]
            list(&out)
            out.append(UInt8(ascii: "]"))
        }
        func listing(_ numbers: [Int]) -> (inout [UInt8]) -> Void {
            { out in out += numbers.map(String.init).joined(separator: ",").utf8 }
        }
        let additions = inserted.sorted { ($0.before, $0.token) < ($1.before, $1.token) }
        var next = 0
        for (index, line) in lines.enumerated() {
            while next < additions.count && additions[next].before == index {
                write(additions[next].token.utf8, listing(additions[next].list))
                next += 1
            }
            if let list = replaced[index] {
                if !list.isEmpty { write(bytes[line.token], listing(list)) }
            } else {
                write(bytes[line.token]) { $0 += bytes[line.list] }
            }
        }
        for addition in additions[next...] { write(addition.token.utf8, listing(addition.list)) }
        out += Array("\n}\n".utf8)
        return String(decoding: out, as: UTF8.self)
    }
}
