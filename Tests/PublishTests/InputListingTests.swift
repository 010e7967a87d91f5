import Publish
import Testing

/// The manifest's digest of the inputs, patched in place when only some files' digests changed.
@Suite struct InputListingTests {
    static func sha(_ seed: Character) -> String { String(repeating: seed, count: 64) }

    static let site = [
        InputDigest.File(label: "Content/a/2023/report.md", sha256: sha("1")),
        InputDigest.File(label: "Content/a/2023/tables.yaml", sha256: sha("2")),
        InputDigest.File(label: "Content/a/2024/report.md", sha256: sha("3")),
        InputDigest.File(label: "Content/a/agency.yaml", sha256: sha("4")),
        InputDigest.File(label: "Content/b/2024/report.md", sha256: sha("5")),
    ]
    static let others = [InputDigest.File(label: "nianbao.yaml", sha256: sha("6")), InputDigest.File(label: "theme0/page.css", sha256: sha("7"))]

    @Test("a listing with digests replaced is the one made afresh, and hashes as sha256sum's text does")
    func replaced() throws {
        let listing = InputDigest.listing(inOrder: Self.site, others: Self.others)
        #expect(listing.digest == InputDigest.combine(Self.site + Self.others))
        var edited = Self.site
        edited[0] = InputDigest.File(label: edited[0].label, sha256: Self.sha("a"))
        edited[4] = InputDigest.File(label: edited[4].label, sha256: Self.sha("b"))
        let patched = try #require(listing.replacing([edited[4], edited[0], InputDigest.File(label: "Content/b/2024/tasks.yaml", sha256: "")]))
        #expect(patched.bytes == InputDigest.listing(inOrder: edited, others: Self.others).bytes)
        #expect(patched.digest == InputDigest.combine(edited + Self.others))
        #expect(patched.digest != listing.digest)
    }

    @Test("a file added, removed or not hashed makes the listing be made again")
    func refused() {
        let listing = InputDigest.listing(inOrder: Self.site, others: Self.others)
        #expect(listing.replacing([InputDigest.File(label: "Content/b/2024/tables.yaml", sha256: Self.sha("c"))]) == nil)
        #expect(listing.replacing([InputDigest.File(label: "Content/a/2024/report.md", sha256: "")]) == nil)
        #expect(listing.replacing([InputDigest.File(label: "Content/a/2024/report.md", sha256: "abc")]) == nil)
    }
}
