import Foundation
import Support

/// Receives a batch's events; the command line decides how to show them
/// (a live line on a terminal, one line per unit otherwise). The runner
/// calls these one at a time, never concurrently, from its worker threads.
public protocol BatchProgress: Sendable {
    /// Before the first unit; `total` is the number of units this run renders.
    func started(total: Int)
    /// After each unit, in completion order (not sorted order).
    func finished(_ unit: UnitSummary, files: [String], counts: BatchCounts)
}

/// Where a running batch stands.
public struct BatchCounts: Sendable {
    public var done: Int
    public var total: Int
    public var failed: Int
    /// Seconds since the batch started.
    public var elapsed: Double

    /// Units per second so far.
    public var rate: Double { elapsed > 0 ? Double(done) / elapsed : 0 }

    /// Estimated seconds left, from the rate so far.
    public var remaining: Double? { rate > 0 ? Double(total - done) / rate : nil }
}

/// Reports nothing (library use, tests).
public struct SilentProgress: BatchProgress {
    public init() {}
    public func started(total: Int) {}
    public func finished(_ unit: UnitSummary, files: [String], counts: BatchCounts) {}
}

/// A flag the command line sets on Ctrl-C: workers finish the units in
/// progress and take no new ones.
public final class BatchCancellation: Sendable {
    private let cancelled = Locked(false)

    public init() {}

    public func cancel() { cancelled.withLock { $0 = true } }

    public var isCancelled: Bool { cancelled.current }
}
