import ArgumentParser
import CommandSupport
import Evaluation
import FormPrint
import Foundation

@main
struct FormPrintCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "formprint",
            abstract: say("把预算绩效自评表（项目支出绩效自评表、部门整体支出绩效自评表、自评报告）打印为PDF、PostScript、PNG、SVG或OFD。",
                          "Print China's budget-performance self-evaluation forms (预算绩效自评) as PDF, PostScript, PNG, SVG or OFD."),
            discussion: say("信息默认用中文；--lang en 或英文区域设置（如 LANG=en_US.UTF-8）改为英文。退出状态：0 完成，1 有问题或单位失败，2 输入无法使用，64 命令行用法错误。",
                            "Messages are in Chinese by default; --lang en or an English locale (e.g. LANG=en_US.UTF-8) gives English. Exit status: 0 done, 1 findings or failed units, 2 unusable input, 64 a mistake on the command line."),
            version: UnitRenderer.version,
            subcommands: [RenderCommand.self, BatchCommand.self, SummaryCommand.self, PrintCommand.self, ValidateCommand.self,
                          ImportCommand.self, LayoutsCommand.self, BenchCommand.self, ServeCommand.self])
    }

    @OptionGroup var language: LanguageOption

    static func main() {
        CommandMain.prepare()
        let arguments = Array(CommandLine.arguments.dropFirst())
        // `serve` is the desk's executable's, options and help included:
        // handed over before this parser looks at it.
        if DeskLauncher.isServe(arguments) { DeskLauncher.exec(arguments: arguments) }
        CommandMain.parseAndRun(self)
    }
}
