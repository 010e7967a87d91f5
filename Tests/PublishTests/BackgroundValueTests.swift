import Foundation
import Synchronization
import Testing

@testable import SitePipeline

/// `BackgroundValue`: the previous build's manifest is read back on another thread while the
/// site loads; whoever reads the value waits for it, and every read gets the one value made.
@Suite struct BackgroundValueTests {
    @Test("the value is made once, on another thread, and readers that came before it wait for it")
    func waitsForTheValue() throws {
        let caller = pthread_self()
        let release = DispatchSemaphore(value: 0)
        let made = Mutex<(count: Int, onCaller: Bool)>((0, false))
        let value = BackgroundValue { () -> [Int] in
            // Held until both readers are waiting: made on the caller's thread, this would
            // never return, and the bounded waits below would fail instead.
            _ = release.wait(timeout: .now() + 10)
            made.withLock { $0 = ($0.count + 1, pthread_equal(pthread_self(), caller) != 0) }
            return [1, 2, 3]
        }
        // Threads of their own: the global queue may run only as many at once as there are
        // cores, and the value's own work holds one of them.
        let readers = DispatchGroup()
        let read = Mutex<[[Int]]>([])
        for _ in 0..<2 {
            readers.enter()
            Thread {
                let seen = value.value
                read.withLock { $0.append(seen) }
                readers.leave()
            }.start()
        }
        // Both readers have started and, the value not being made, wait for it.
        Thread.sleep(forTimeInterval: 0.1)
        #expect(read.withLock { $0.isEmpty }, "a read returned before the value was made")
        release.signal()
        #expect(readers.wait(timeout: .now() + 10) == .success, "a reader still waits after the value was made")
        #expect(read.withLock { $0 } == [[1, 2, 3], [1, 2, 3]])
        #expect(value.value == [1, 2, 3])
        #expect(made.withLock { $0.count } == 1)
        #expect(made.withLock { !$0.onCaller })
    }
}
