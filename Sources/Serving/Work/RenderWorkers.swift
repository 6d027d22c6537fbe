import FormPrint
import Foundation

/// A fixed number of threads, each owning one `UnitRenderer` (a Pango font
/// map, never shared between threads) made on that thread. Jobs wait in a
/// queue: a burst of uploads queues instead of making a typesetter per
/// request and exhausting memory.
package final class RenderWorkers: @unchecked Sendable {
    /// A worker's own typesetter and checks.
    package struct Worker {
        package let renderer: UnitRenderer
        package let checker: UnitChecker
    }

    private let condition = NSCondition()
    private var queue: [(Worker?, Error?) -> Void] = []
    private var stopped = false
    package let count: Int

    /// `makeWorker` runs once on each thread; if it fails, that thread's
    /// jobs fail with its error (the fonts or layouts are missing).
    package init(count: Int, makeWorker: @escaping @Sendable () throws -> Worker) {
        self.count = max(1, count)
        for index in 0..<self.count {
            let thread = Thread { [self] in
                var worker: Worker?
                var failure: Error?
                do { worker = try makeWorker() } catch { failure = error }
                while true {
                    condition.lock()
                    while queue.isEmpty && !stopped { condition.wait() }
                    // Stopped: the jobs already queued still run, then the
                    // thread ends and its typesetter is freed.
                    if queue.isEmpty {
                        condition.unlock()
                        return
                    }
                    let job = queue.removeFirst()
                    condition.unlock()
                    job(worker, failure)
                }
            }
            // Pango, HarfBuzz and the YAML reader recurse (as in the batch's pool).
            thread.stackSize = 8 << 20
            thread.name = "formprint-render-\(index + 1)"
            thread.start()
        }
    }

    /// Ends the threads once the queue is empty (the desk is gone).
    package func stop() {
        condition.withLock {
            stopped = true
            condition.broadcast()
        }
    }

    /// How many jobs are waiting for a worker.
    package var waiting: Int { condition.withLock { queue.count } }

    /// Runs `job` on the next free worker.
    package func run<Result: Sendable>(_ job: @escaping @Sendable (Worker) throws -> Result) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            condition.withLock {
                queue.append { worker, failure in
                    guard let worker else { return continuation.resume(throwing: failure ?? CancellationError()) }
                    continuation.resume(with: Swift.Result { try job(worker) })
                }
                condition.signal()
            }
        }
    }
}
