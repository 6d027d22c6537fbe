import ArgumentParser
import CommandSupport
import Evaluation
import FormPrint
import Foundation

struct ImportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "import",
            abstract: say("把粘贴的表格、Excel/WPS工作簿或单位文件转为单位文件。", "Turn pasted tables, Excel/WPS workbooks or unit files into unit files."),
            discussion: say("""
                每个输入——从电子表格粘贴的制表符分隔文本（UTF-8、UTF-16或GB18030）、按官方模板填写的.xlsx/.xls工作簿或.docx文档，\
                或.yaml/.json单位文件——转为 OUT/<名称>.yaml。报告列出识别出的文档、对文字所作的每处修正、\
                每个不属于任何字段的单元格，以及单位名称和年度取自何处。某个输入失败时报告原因，其他输入照常导入；\
                有输入无法导入时退出状态为2（各命令相同：0 完成，1 有问题或单位失败，2 输入无法使用，64 用法错误）。
                """, """
                Each input — tab-separated text as pasted from a spreadsheet (UTF-8, UTF-16 or GB18030), an .xlsx/.xls \
                workbook or .docx document filled in the official templates, or a .yaml/.json unit file — becomes OUT/<name>.yaml. \
                The report lists the documents recognised, every repair made to the text, every cell that fit no \
                field, and where the unit's name and year were taken from. An input that fails is reported and the \
                others are still imported; the exit status is 2 if any could not be imported (as for every command: \
                0 done, 1 findings or failed units, 2 unusable input, 64 usage).
                """))
    }

    @Argument(help: help("输入文件：.txt/.tsv 粘贴文本、.xlsx/.xls 工作簿、.docx 文档、.yaml/.json 单位文件。",
                         "Input files: .txt/.tsv pasted text, .xlsx/.xls workbooks, .docx documents, .yaml/.json unit files."))
    var files: [String]

    @Option(name: .shortAndLong, help: help("输出文件夹。", "Output folder."))
    var output: String = "."

    @Flag(help: help("把不属于所识别表格任何字段的单元格当作错误（该输入不写出任何内容）。",
                     "Treat cells that fit no field of a recognised form as errors (nothing is written for that input)."))
    var strict = false

    @Option(help: help("评价年度，输入中没有写明时使用。", "The evaluated year, when the input does not say it."))
    var year: Int?

    @Option(name: .customLong("unit"), help: help("单位名称，输入中没有写明时使用。", "The unit's name, when the input does not say it."))
    var unitName: String?

    @Option(name: .customLong("layouts"), help: help("在内置表样之外另用于识别表格的表样文件夹。可重复。",
                                                    "A folder of layout files to recognise forms by, besides the built-in ones. Repeatable."))
    var layoutFolders: [String] = []

    @OptionGroup var language: LanguageOption

    func run() throws {
        let options = ImportOptions(year: year, unitName: unitName)
        let catalog: LayoutCatalog
        do {
            catalog = try LayoutCatalog.standard(adding: layoutFolders.map { URL(fileURLWithPath: $0) })
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        var failed = false
        let folder = URL(fileURLWithPath: output)
        let outputs = UnitFileConversion.outputURLs(for: files.map { URL(fileURLWithPath: $0) }, in: folder)
        for (file, target) in zip(files, outputs) {
            if let warning = target.warning { printError(warning) }
            do {
                let outcome = try UnitFileConversion.importFile(URL(fileURLWithPath: file), into: folder,
                                                         options: options, strict: strict, as: target.output, catalog: catalog)
                print(UnitFileConversion.report(outcome))
            } catch {
                printError("\(error)")
                failed = true
            }
        }
        // An input that cannot be imported is unusable input: 2, as in every command.
        if failed { throw ExitCode(2) }
    }
}
