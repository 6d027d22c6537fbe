import ArgumentParser
import FormPrint
import Foundation
import Layout

struct LayoutsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "layouts", abstract: "List and check layout files.",
        subcommands: [List.self, Check.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the available layouts with their documents and files.")

        @Option(name: .customLong("layouts"), help: "Extra layout folders, as for `render`.")
        var layoutFolders: [String] = []

        func run() throws {
            let catalog = try LayoutCatalog.standard(adding: layoutFolders.map { URL(fileURLWithPath: $0) })
            for spec in try catalog.all().sorted(by: { ($0.document, $0.id) < ($1.document, $1.id) }) {
                let isDefault = LayoutCatalog.defaults[spec.document] == spec.id ? " (default)" : ""
                print("\(spec.id)\t\(spec.document.rawValue)\(isDefault)\t\(spec.name)\t\(spec.file)")
                if !spec.origin.isEmpty { print("\t  source: \(spec.origin)") }
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Validate layout files and report every problem with file, line and a hint.")

        @Argument(help: "Layout files.")
        var files: [String]

        func run() throws {
            var failed = false
            for file in files {
                do {
                    let spec = try LayoutLoader.load(contentsOf: URL(fileURLWithPath: file))
                    print("\(file): ok (\(spec.id), \(spec.document.rawValue))")
                } catch {
                    printError(error.description)
                    failed = true
                }
            }
            if failed { throw ExitCode(1) }
        }
    }
}
