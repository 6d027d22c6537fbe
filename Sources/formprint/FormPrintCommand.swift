import ArgumentParser
import FormPrint
import Foundation

@main
struct FormPrintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formprint",
        abstract: "Print China's budget-performance self-evaluation forms (预算绩效自评) as PDF, PostScript, PNG or SVG.",
        version: UnitRenderer.version,
        subcommands: [RenderCommand.self, BatchCommand.self, SummaryCommand.self, PrintCommand.self, ValidateCommand.self,
                      ImportCommand.self, LayoutsCommand.self, BenchCommand.self, ServeCommand.self])

    static func main() {
        // Under a file-size limit (`ulimit -f`) the kernel sends SIGXFSZ,
        // whose default action kills the process with no message, leaving
        // temporaries and no batch summary. Ignored, the write fails with
        // EFBIG instead, which AtomicFile reports as that unit's write
        // failure like a full disk (issue 14).
        signal(SIGXFSZ, SIG_IGN)
        main(nil)
    }
}
