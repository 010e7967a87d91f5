/// The static Chinese full-text index: `search-index.json` lists the reports and the number of
/// shards; `search/shards/<n>.json` maps each token whose hash falls in shard n to the reports
/// holding it. The site's search script (assets/search.js) cuts a query the same way, fetches
/// only the shards of its tokens, and keeps the reports that hold every one.
struct SearchIndex {
    struct Document {
        let url: String
        let title: String
        let agency: String
        let published: String

        /// Its entry in `search-index.json`.
        var json: String {
            "{\"url\": \(JSONText.string(url)), \"title\": \(JSONText.string(title)), "
                + "\"agency\": \(JSONText.string(agency)), \"published\": \(JSONText.string(published))}"
        }
    }

    private(set) var documents: [Document] = []
    private var postings: [String: [Int]] = [:]
    /// The number of documents, listed or not.
    private var count = 0

    init() {}

    /// An index of `count` documents left unlisted, for patching shards only (`patchedShards`)
    /// when no document's entry in `search-index.json` changed.
    init(unlisted count: Int) { self.count = count }

    mutating func add(_ document: Document, text: String) {
        add(document, tokens: Self.tokens(of: document, text: text))
    }

    /// Adds a document without its tokens, for an index whose shards are patched (`patchedShards`).
    mutating func add(_ document: Document) {
        documents.append(document)
        count += 1
    }

    /// Adds a document whose tokens were cut already (`tokens(of:text:)`, in parallel).
    mutating func add(_ document: Document, tokens: Set<String>) {
        let number = count
        add(document)
        for token in tokens { postings[token, default: []].append(number) }
    }

    static func tokens(of document: Document, text: String) -> Set<String> {
        SearchTokens.set(document.title + "\n" + text)
    }

    /// About 64 reports' tokens per shard, rounded to a power of two, at most 256 shards: a
    /// query of a few words fetches a few small files however large the site is.
    var shardCount: Int {
        var shards = 1
        while shards < 256 && shards * 64 < count { shards *= 2 }
        return shards
    }

    /// The files of the index, by path under the site root.
    func files() -> [(path: String, text: String)] {
        let count = shardCount
        var shards = Array(repeating: [(String, [Int])](), count: count)
        for (token, documents) in postings { shards[SearchTokens.shard(of: token, count: count)].append((token, documents)) }
        return [("search-index.json", documentList())]
            + shards.enumerated().map { (Self.shardPath($0.offset), Self.shardText($0.element)) }
    }

    /// `search-index.json`: the documents and the number of shards.
    func documentList() -> String {
        let list = documents.map(\.json)
        return JSONText.object([
            ("tokenizer", JSONText.string("cjk-bigram-v1")), ("shards", String(shardCount)),
            ("documents", JSONText.array(list, indent: "  ")),
        ]) + "\n"
    }

    static func shardPath(_ number: Int) -> String { "search/shards/\(number).json" }

    /// One line per token keeps the file small and still readable; sorted for identical bytes.
    static func shardText(_ entries: [(String, [Int])]) -> String {
        let lines = entries.sorted { $0.0 < $1.0 }.map { JSONText.string($0.0) + ":[" + $0.1.map(String.init).joined(separator: ",") + "]" }
        return "{\n" + lines.joined(separator: ",\n") + "\n}\n"
    }

    /// A document rendered again, by its number, with its tokens before and after.
    struct Change {
        let document: Int
        let old: Set<String>
        let new: Set<String>
    }

    /// The shards `changes` alter, patched from the previous build's (`read` gives a shard's
    /// text), byte for byte what `files()` would write for the whole site. Nil when a shard
    /// cannot be read or is not as nianbao writes it.
    func patchedShards(_ changes: [Change], read: (String) -> String?) -> [(path: String, text: String)]? {
        let count = shardCount
        var touched: [Int: [String: (added: [Int], removed: Set<Int>)]] = [:]
        for change in changes {
            for token in change.old.subtracting(change.new) {
                touched[SearchTokens.shard(of: token, count: count), default: [:]][token, default: ([], [])].removed.insert(change.document)
            }
            for token in change.new.subtracting(change.old) {
                touched[SearchTokens.shard(of: token, count: count), default: [:]][token, default: ([], [])].added.append(change.document)
            }
        }
        var files: [(path: String, text: String)] = []
        for (number, edits) in touched.sorted(by: { $0.key < $1.key }) {
            guard let text = read(Self.shardPath(number)), var shard = ShardText(text) else { return nil }
            for (token, edit) in edits { shard.edit(token, adding: edit.added, removing: edit.removed) }
            files.append((Self.shardPath(number), shard.text))
        }
        return files
    }
}

/// How text is cut into search tokens; assets/search.js does exactly the same.
enum SearchTokens {
    /// Overlapping pairs of Chinese characters (a lone character by itself), and Latin words and
    /// numbers of two or more characters, lower-cased.
    static func tokens(_ text: String) -> [String] {
        var out: [String] = []
        cut(text, pair: { out.append(String($0) + String($1)) }, single: { out.append(String($0)) }, word: { out.append($0) })
        return out
    }

    /// `Set(tokens(text))`, made with one String per distinct token: a report repeats most of
    /// its pairs of characters, and a String for each, hashed into the set, was 6 % of a build.
    static func set(_ text: String) -> Set<String> {
        var characters: Set<UInt64> = []  // a pair as two 21-bit scalars; a lone one with bit 63
        var words: Set<String> = []
        cut(
            text, pair: { characters.insert(UInt64($0.value) << 21 | UInt64($1.value)) },
            single: { characters.insert(1 << 63 | UInt64($0.value)) }, word: { words.insert($0) })
        var tokens = words
        tokens.reserveCapacity(words.count + characters.count)
        for key in characters {
            let second = Unicode.Scalar(UInt32(key & 0x1F_FFFF))!
            if key >> 63 == 1 {
                tokens.insert(String(second))
            } else {
                tokens.insert(String(Unicode.Scalar(UInt32(key >> 21))!) + String(second))
            }
        }
        return tokens
    }

    /// Cuts `text` into tokens, in order.
    private static func cut(
        _ text: String, pair: (Unicode.Scalar, Unicode.Scalar) -> Void, single: (Unicode.Scalar) -> Void, word: (String) -> Void
    ) {
        var han: [Unicode.Scalar] = []
        var latin = ""
        func flush() {
            if han.count == 1 { single(han[0]) }
            if han.count > 1 {
                for index in 0..<(han.count - 1) { pair(han[index], han[index + 1]) }
            }
            if latin.unicodeScalars.count >= 2 { word(latin) }
            han.removeAll(keepingCapacity: true)
            latin = ""
        }
        for scalar in text.unicodeScalars {
            if isHan(scalar) {
                if !latin.isEmpty { flush() }
                han.append(scalar)
            } else if let lower = wordCharacter(scalar) {
                if !han.isEmpty { flush() }
                latin.unicodeScalars.append(lower)
            } else {
                flush()
            }
        }
        flush()
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x2FFFF: true
        default: false
        }
    }

    /// ASCII digits and letters, lower-cased; nil for anything else.
    static func wordCharacter(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x30...0x39, 0x61...0x7A: scalar
        case 0x41...0x5A: Unicode.Scalar(scalar.value + 0x20)
        default: nil
        }
    }

    /// The shard of `token`: a 31-multiplier hash of its UTF-16 code units, as the script computes.
    static func shard(of token: String, count: Int) -> Int {
        var hash: UInt32 = 0
        for unit in token.utf16 { hash = hash &* 31 &+ UInt32(unit) }
        return Int(hash % UInt32(count))
    }
}
