import Foundation
import Testing

extension Trait where Self == TimeLimitTrait {
    /// A time limit that only guards against a hang: `minutes` in a normal
    /// run, ten times that when `FORMPRINT_SLOW_TESTS` is set (the sanitizer
    /// runs of Scripts/sanitizers/run.sh, 5 to 20 times slower). No test
    /// asserts on speed.
    public static func hangGuard(minutes: Int = 1) -> Self {
        .timeLimit(.minutes(ProcessInfo.processInfo.environment["FORMPRINT_SLOW_TESTS"] == nil ? minutes : minutes * 10))
    }
}
