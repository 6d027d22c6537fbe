import CFuzzing
import Foundation

/// The body of the fuzz target: called with each input libFuzzer makes.
/// Set once, before the driver starts, and only read afterwards.
nonisolated(unsafe) private var target: ((Data) -> Void)?

/// Runs libFuzzer over `body`, with the command line's options
/// (`-max_total_time=600 corpus/…`); never returns. `body` must not crash
/// or hang on any input: a thrown error is the expected answer to bad input.
public func fuzz(_ body: @escaping (Data) -> Void) -> Never {
    target = body
    let status = formprint_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv) { bytes, count in
        let data = count == 0 ? Data() : Data(bytes: bytes!, count: count)
        target!(data)
        return 0
    }
    exit(status)
}
