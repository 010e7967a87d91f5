import Foundation
import Synchronization
import Testing

@testable import SitePipeline

/// `BackgroundValue`: the previous build's manifest is read back on another thread while the
/// site loads; whoever reads the value waits for it, and every read gets the one value made.
@Suite struct BackgroundValueTests {
    @Test("a read waits until the value is made, on another thread, and every read gets that value")
    func waitsForTheValue() {
        let release = DispatchSemaphore(value: 0)
        let made = Mutex<(count: Int, onMain: Bool)>((0, false))
        let value = BackgroundValue { () -> [Int] in
            release.wait()  // held until the test has started reading
            made.withLock { $0 = ($0.count + 1, Thread.isMainThread) }
            return [1, 2, 3]
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(50)) { release.signal() }
        #expect(value.value == [1, 2, 3])
        #expect(value.value == [1, 2, 3], "a second read must not wait forever")
        #expect(made.withLock { $0.count } == 1)
        #expect(made.withLock { !$0.onMain })
    }
}
