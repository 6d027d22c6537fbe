import ArgumentParser
import Evaluation
import FormPrint
import Foundation
import Layout

struct LayoutsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "layouts", abstract: say("列出并检查表样文件。", "List and check layout files."),
            subcommands: [List.self, Check.self])
    }

    @OptionGroup var language: LanguageOption

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: say("列出可用的表样及其文档类型和文件。", "List the available layouts with their documents and files."))
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
            CommandConfiguration(abstract: say("检查表样文件，报告每个问题的文件、行号和改正提示。",
                                               "Validate layout files and report every problem with file, line and a hint."))
        }

        @Argument(help: help("表样文件。", "Layout files."))
        var files: [String]

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
                    let spec = try LayoutLoader.load(contentsOf: URL(fileURLWithPath: file))
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
}
