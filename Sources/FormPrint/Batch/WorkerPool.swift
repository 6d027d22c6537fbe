import Foundation

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
        let next = NextIndex(count: count)
        let group = DispatchGroup()
        for _ in 0..<max(1, min(jobs, count)) {
            group.enter()
            let thread = Thread {
                var worker = makeWorker()
                while !stop(), let index = next.take() { work(&worker, index) }
                group.leave()
            }
            // Pango, HarfBuzz and the YAML reader recurse; give workers the
            // main thread's stack size rather than the smaller default.
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
    }

    private final class NextIndex: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        private let count: Int

        init(count: Int) { self.count = count }

        func take() -> Int? {
            lock.withLock {
                guard value < count else { return nil }
                defer { value += 1 }
                return value
            }
        }
    }
}

/// Results stored by index from several threads.
final class IndexedResults<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Value?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) { lock.withLock { values[index] = value } }

    var all: [Value?] { lock.withLock { values } }
}
