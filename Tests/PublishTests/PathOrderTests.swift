import Publish
import Testing

/// The byte-wise sort of ASCII paths gives `String`'s order, and other paths fall back to it.
@Suite struct PathOrderTests {
    @Test(
        "positions in the order of String's <",
        arguments: [
            ["b/index.html", "a/2020/data.csv", "a/index.html", "a/2020", "", "a/2020/", "A/x", "a-b/x", "a/b"],
            ["中/index.html", "a/index.html", "é/x", "e\u{301}/y", "z"],
            [],
        ])
    func order(paths: [String]) {
        let indices = PathOrder.sortedIndices(paths)
        #expect(indices.map { paths[$0] } == paths.sorted())
        #expect(Set(indices) == Set(paths.indices))
    }
}
