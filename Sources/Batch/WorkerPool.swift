import FormPrint
import Foundation
import Support

/// Runs indexed work on a fixed number of threads, each with its own
/// worker state made on that thread (a `UnitRenderer` and its Pango font
/// map, which must never be shared between threads). Threads take the
/// next index as they become free; the order of completion varies, so
/// callers store results by index.
enum WorkerPool {
    static func run<Worker>(jobs: Int, count: Int, stop: @escaping @Sendable () -> Bool,
                            makeWorker: @escaping @Sendable () -> Worker,
                            work: @escaping @Sendable (inout Worker, Int) -> Void) {
        guard count > 0 else { return }
        let next = Locked(0)
        let group = DispatchGroup()
        for _ in 0..<max(1, min(jobs, count)) {
            group.enter()
            let thread = Thread {
                var worker = makeWorker()
                while !stop(), let index = next.withLock({ next -> Int? in
                    guard next < count else { return nil }
                    defer { next += 1 }
                    return next
                }) { work(&worker, index) }
                group.leave()
            }
            // Pango, HarfBuzz and the YAML reader recurse; give workers the
            // main thread's stack size rather than the smaller default.
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
    }
}
