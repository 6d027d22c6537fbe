import Foundation

/// A value shared by threads, reached only inside `withLock`: the one lock
/// type of the package, instead of a hand-rolled class per shared counter
/// or cache. (`Synchronization.Mutex` needs macOS 15; the package still
/// builds for macOS 13.)
package final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    package init(_ value: Value) { self.value = value }

    /// Runs `body` with the value, no other thread reaching it meanwhile.
    package func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    /// A copy of the value as it is now.
    package var current: Value { withLock { $0 } }
}
