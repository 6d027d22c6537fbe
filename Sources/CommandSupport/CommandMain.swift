import ArgumentParser
import Evaluation
import Foundation
import Support

/// How both executables, `formprint` and `formprint-desk`, start: the same
/// signal setting and language decision, then their root command parsed
/// and run as `ParsableCommand.main` would, except that the parser's own
/// words (help headings, usage errors) are given in the run's language.
package enum CommandMain {
    /// Before anything is parsed or printed.
    package static func prepare() {
        // Under a file-size limit (`ulimit -f`) the kernel sends SIGXFSZ,
        // whose default action kills the process with no message, leaving
        // temporaries and no batch summary. Ignored, the write fails with
        // EFBIG instead, which AtomicFile reports as that unit's write
        // failure like a full disk (issue 14). The setting survives the
        // exec of `formprint serve` into `formprint-desk`.
        signal(SIGXFSZ, SIG_IGN)
        // Before parsing: help texts and every message read it.
        Language.current = CommandLanguage.decide(arguments: Array(CommandLine.arguments.dropFirst()),
                                                  environment: EnvironmentVariables.named(Language.localeVariables))
    }

    package static func parseAndRun<Root: ParsableCommand>(_ root: Root.Type) -> Never {
        do {
            var command = try root.parseAsRoot(nil)
            try command.run()
            Foundation.exit(0)
        } catch {
            let code = root.exitCode(for: error)
            let text = ParserWords.translated(root.fullMessage(for: error))
            if !text.isEmpty {
                if code == .success { print(text) } else { printError(text) }
            }
            Foundation.exit(code.rawValue)
        }
    }
}
