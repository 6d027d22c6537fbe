import ArgumentParser
import FormPrint
import Foundation
import Importing

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn pasted tables, Excel/WPS workbooks or unit files into unit files.",
        discussion: """
            Each input — tab-separated text as pasted from a spreadsheet (UTF-8, UTF-16 or GB18030), an .xlsx \
            workbook filled in the official templates, or a .yaml/.json unit file — becomes OUT/<name>.yaml. \
            The report lists the documents recognised, every repair made to the text, every cell that fit no \
            field, and where the unit's name and year were taken from. An input that fails is reported and the \
            others are still imported; the exit status is 2 if any could not be imported (as for every command: \
            0 done, 1 findings or failed units, 2 unusable input, 64 usage).
            """)

    @Argument(help: "Input files: .txt/.tsv pasted text, .xlsx workbooks, .yaml/.json unit files.")
    var files: [String]

    @Option(name: .shortAndLong, help: "Output folder.")
    var output: String = "."

    @Flag(help: "Treat cells that fit no field of a recognised form as errors (nothing is written for that input).")
    var strict = false

    @Option(help: "The evaluated year, when the input does not say it.")
    var year: Int?

    @Option(name: .customLong("unit"), help: "The unit's name, when the input does not say it.")
    var unitName: String?

    @Option(name: .customLong("layouts"), help: "A folder of layout files to recognise forms by, besides the built-in ones. Repeatable.")
    var layoutFolders: [String] = []

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
        let outputs = UnitImports.outputURLs(for: files.map { URL(fileURLWithPath: $0) }, in: folder)
        for (file, target) in zip(files, outputs) {
            if let warning = target.warning { printError(warning) }
            do {
                let outcome = try UnitImports.importFile(URL(fileURLWithPath: file), into: folder,
                                                         options: options, strict: strict, as: target.output, catalog: catalog)
                print(UnitImports.report(outcome))
            } catch {
                printError("\(error)")
                failed = true
            }
        }
        // An input that cannot be imported is unusable input: 2, as in every command.
        if failed { throw ExitCode(2) }
    }
}
