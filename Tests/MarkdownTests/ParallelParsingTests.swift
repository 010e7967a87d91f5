import Foundation
import Markdown
import Synchronization
import Testing

/// cmark-gfm keeps the characters that start an extension's inlines (strikethrough's `~`) in one
/// table for the whole process; parsers finishing on other threads must not clear it under this
/// one (a CI run printed `~~删~~` as text).
@Suite struct ParallelParsingTests {
    @Test("strikethrough is read in every one of 4,000 parses on all cores")
    func strikethroughInParallel() {
        let missed = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 4000) { _ in
            if MarkdownRenderer.blocks("1. 甲\n2. ~~删~~") != [.listItem(marker: "1. ", text: "甲"), .listItem(marker: "2. ", text: "删")] {
                missed.withLock { $0 += 1 }
            }
        }
        #expect(missed.withLock { $0 } == 0)
    }
}
