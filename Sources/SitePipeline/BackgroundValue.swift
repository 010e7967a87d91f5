import Foundation
import Synchronization

/// A value made on another thread while the caller goes on, waited for only when it is read.
/// For work a build needs later that depends on nothing it is about to do: reading back the
/// previous build's manifest (0.1 s at 20,000 reports) ran alone on one core while the other
/// waited, and now runs beside the loading of the site.
final class BackgroundValue<Value: Sendable>: Sendable {
    private let made = Mutex<Value?>(nil)
    private let done = DispatchSemaphore(value: 0)

    init(_ make: @escaping @Sendable () -> Value) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let value = make()
            made.withLock { $0 = value }
            done.signal()
        }
    }

    /// The value, once made; blocks until then.
    var value: Value {
        if let value = made.withLock({ $0 }) { return value }
        done.wait()
        // Signalled once only: let a later read find it too.
        done.signal()
        return made.withLock { $0! }
    }
}
