import ArgumentParser
import FormPrint

@main
struct FormPrintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formprint",
        abstract: "Print China's budget-performance self-evaluation forms (预算绩效自评) as PDF, PostScript, PNG or SVG.",
        version: UnitRenderer.version,
        subcommands: [RenderCommand.self, BatchCommand.self, SummaryCommand.self, PrintCommand.self, ValidateCommand.self,
                      ImportCommand.self, LayoutsCommand.self, BenchCommand.self])
}
