import Foundation
import Testing

/// Two builds of the same site give the same bytes, file for file.
@Suite struct DeterminismTests {
    @Test("two builds are identical")
    func identical() throws {
        let first = try BuiltSite.build()
        let second = try BuiltSite.build()
        #expect(first.files.count > 50)
        #expect(first.files == second.files)
    }
}
