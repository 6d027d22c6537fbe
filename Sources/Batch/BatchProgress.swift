import FormPrint
import Foundation
import Support

/// Receives a batch's events; the command line decides how to show them
/// (a live line on a terminal, one line per unit otherwise). The runner
/// calls these one at a time, never concurrently, from its worker threads.
package protocol BatchProgress: Sendable {
    /// Before the first unit; `total` is the number of units this run renders.
    func started(total: Int)
    /// After each unit, in completion order (not sorted order).
    func finished(_ unit: UnitSummary, files: [String], counts: BatchCounts)
}

/// Where a running batch stands.
package struct BatchCounts: Sendable {
    package var done: Int
    package var total: Int
    package var failed: Int
    /// Seconds since the batch started.
    package var elapsed: Double

    /// Units per second so far.
    package var rate: Double { elapsed > 0 ? Double(done) / elapsed : 0 }

    /// Estimated seconds left, from the rate so far.
    package var remaining: Double? { rate > 0 ? Double(total - done) / rate : nil }
}

/// Reports nothing (library use, tests).
package struct SilentProgress: BatchProgress {
    package init() {}
    package func started(total: Int) {}
    package func finished(_ unit: UnitSummary, files: [String], counts: BatchCounts) {}
}

/// A flag the command line sets on Ctrl-C: workers finish the units in
/// progress and take no new ones.
package final class BatchCancellation: Sendable {
    private let cancelled = Locked(false)

    package init() {}

    package func cancel() { cancelled.withLock { $0 = true } }

    package var isCancelled: Bool { cancelled.current }
}
