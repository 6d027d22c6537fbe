import ArgumentParser
import FormPrint
import Foundation

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Merge the summaries of batch runs (e.g. the shards of one batch) and print the table.",
        discussion: """
            Each OUT is a batch output folder — its summary-K-of-N.json files when there are any, else its \
            summary.json — or a summary JSON file. Reports shards that are missing and files written by two \
            units. With -o, writes the merged summary.json and summary.csv there. Exit status 1 when a unit \
            failed or was not rendered, or a shard is missing.
            """)

    @Argument(help: "Batch output folders or summary JSON files.")
    var summaries: [String]

    @Option(name: .shortAndLong, help: "Write the merged summary.json and summary.csv into this folder.")
    var output: String?

    func run() throws {
        var read: [BatchSummary] = []
        do {
            for path in summaries {
                for file in try Self.summaryFiles(path) { read.append(try SummaryFiles.read(file)) }
            }
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        let (merged, problems) = BatchSummary.merged(read)
        for unit in merged.units where unit.status == .failed {
            printError("failed: \(unit.input)\n" + unit.errors.map { "  " + $0 }.joined(separator: "\n"))
        }
        for problem in problems { printError(problem) }
        print(SummaryFiles.table(merged))
        if let output {
            let files = try SummaryFiles.write(merged, into: URL(fileURLWithPath: output))
            print("summary: " + files.map(\.path).joined(separator: ", "))
        }
        if !merged.allRendered || !problems.isEmpty { throw ExitCode(1) }
    }

    static func summaryFiles(_ path: String) throws -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw FormPrintError.inputMissing(path)
        }
        guard isDirectory.boolValue else { return [URL(fileURLWithPath: path)] }
        let names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        let shards = names.filter { $0.hasPrefix("summary-") && $0.contains("-of-") && $0.hasSuffix(".json") }
        let chosen = shards.isEmpty ? names.filter { $0 == "summary.json" } : shards
        guard !chosen.isEmpty else { throw FormPrintError.inputMissing(path + "/summary.json") }
        return chosen.map { URL(fileURLWithPath: path).appendingPathComponent($0) }
    }
}
