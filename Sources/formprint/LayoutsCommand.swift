import ArgumentParser
import CommandSupport
import Evaluation
import FormPrint
import Foundation

struct LayoutsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "layouts", abstract: say("列出并检查表样文件。", "List and check layout files."),
            subcommands: [List.self, Check.self, Learn.self])
    }

    @OptionGroup var language: LanguageOption

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            // Named here: a name derived from the type name costs the parser
            // a type-name demangling (3.4 M instructions in every run, issue 25).
            CommandConfiguration(commandName: "list", abstract: say("列出可用的表样及其文档类型和文件。", "List the available layouts with their documents and files."))
        }

        @Option(name: .customLong("layouts"), help: help("另加的表样文件夹，同 `render`。", "Extra layout folders, as for `render`."))
        var layoutFolders: [String] = []

        @OptionGroup var language: LanguageOption

        func run() throws {
            // A folder or layout that cannot be read is unusable input: 2, as in every command.
            do {
                let catalog = try LayoutCatalog.standard(adding: layoutFolders.map { URL(fileURLWithPath: $0) })
                for spec in try catalog.all().sorted(by: { ($0.document, $0.id) < ($1.document, $1.id) }) {
                    let isDefault = LayoutCatalog.defaults[spec.document] == spec.id ? say("（默认）", " (default)") : ""
                    print("\(spec.id)\t\(spec.document.rawValue)\(isDefault)\t\(spec.name)\t\(spec.file)")
                    if !spec.origin.isEmpty { print("\t  " + say("依据：", "source: ") + spec.origin) }
                    if !spec.optionalLines.isEmpty {
                        print("\t  " + say("可选行（--line）：", "optional lines (--line): ") + spec.optionalLines.joined(separator: ", "))
                    }
                }
            } catch {
                printError("\(error)")
                throw ExitCode(2)
            }
        }
    }

    struct Check: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "check", abstract: say("检查表样文件，报告每个问题的文件、行号和改正提示。",
                                               "Validate layout files and report every problem with file, line and a hint."))
        }

        @Argument(help: help("表样文件。", "Layout files."))
        var files: [String]

        @Option(name: .customLong("layouts"), help: help("查找 extends 的基础表样和样式表的另加文件夹，同 `render`。",
                                                         "Extra layout folders where the bases of `extends` and stylesheets are looked for, as for `render`."))
        var layoutFolders: [String] = []

        @OptionGroup var language: LanguageOption

        /// Exit status as in every command: 1 when a layout has problems,
        /// 2 when a file cannot be read at all.
        func run() throws {
            var failed = false
            var unusable = false
            for file in files {
                guard FileManager.default.fileExists(atPath: file) else {
                    printError(FormPrintError.inputMissing(file).description)
                    unusable = true
                    continue
                }
                do {
                    let spec = try LayoutLoader.load(contentsOf: URL(fileURLWithPath: file),
                                                     userFolders: layoutFolders.map { URL(fileURLWithPath: $0) })
                    print(say("\(file)：正确（\(spec.id)，\(spec.document.rawValue)）", "\(file): ok (\(spec.id), \(spec.document.rawValue))"))
                } catch {
                    printError(error.description)
                    failed = true
                }
            }
            if unusable { throw ExitCode(2) }
            if failed { throw ExitCode(1) }
        }
    }

    struct Learn: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "learn", abstract: say("由本省的表样工作簿（空白或已填写）学得一个表样文件。",
                                               "Learn a layout file from a province's own template workbook, blank or filled."))
        }

        @Argument(help: help("表样工作簿（.xlsx 或 .xls）。", "The template workbook (.xlsx or .xls)."))
        var workbook: String

        @Option(name: .shortAndLong, help: help("写入表样文件的文件夹（默认：当前文件夹）。", "Folder to write the layout file into (default: the current folder)."))
        var output: String = "."

        @Option(help: help("放表样的工作表（默认：第一个有表格的工作表）。", "The sheet holding the template (default: the first sheet with a table)."))
        var sheet: String?

        @Option(help: help("表样的标识（字母、数字、-和_；默认learned-project或learned-department）。",
                           "The layout's id (letters, digits, - and _; default learned-project or learned-department)."))
        var id: String?

        @OptionGroup var language: LanguageOption

        func validate() throws {
            if let id, id.isEmpty || !id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
                throw usageError("--id只能由字母、数字、-和_组成：\(id)", "--id may hold only letters, digits, - and _: \(id)")
            }
        }

        /// Exit status as in every command: 2 when the workbook cannot be
        /// read, 1 when no layout can be learned from it.
        func run() throws {
            guard FileManager.default.fileExists(atPath: workbook) else {
                printError(FormPrintError.inputMissing(workbook).description)
                throw ExitCode(2)
            }
            let result: LayoutLearner.Result
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: workbook))
                result = try LayoutLearner.learn(workbook: data, file: workbook, sheet: sheet, id: id)
            } catch let error as LearnError {
                printError(error.description)
                throw ExitCode(1)
            } catch {
                printError("\(error)")
                throw ExitCode(2)
            }
            for note in result.notes { print(note.description) }
            let folder = URL(fileURLWithPath: output)
            let file = folder.appendingPathComponent("\(result.id).yaml")
            do {
                try AtomicFile.write(Data(result.yaml.utf8), to: file)
                // What was written must load: the learner checked its text, this checks the file.
                _ = try LayoutLoader.load(contentsOf: file)
            } catch {
                printError("\(error)")
                throw ExitCode(1)
            }
            print(say("已写入\(file.path)（\(result.id)，\(result.document.rawValue)）；请对照表样核对，再用 formprint layouts check 检查",
                      "wrote \(file.path) (\(result.id), \(result.document.rawValue)); compare it with the template, then run formprint layouts check"))
        }
    }
}
