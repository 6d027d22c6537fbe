import ArgumentParser
import Batch
import CommandSupport
import Evaluation
import FormPrint
import Foundation

struct SummaryCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "summary",
            abstract: say("合并各次批量生成（例如同一批的各分片）的汇总并打印汇总表。",
                          "Merge the summaries of batch runs (e.g. the shards of one batch) and print the table."),
            discussion: say("""
                每个 OUT 是批量生成的输出文件夹——有 summary-K-of-N.json 时读取它们，否则读取 summary.json——或一个汇总JSON文件。\
                报告缺少的分片和被两个单位写出的文件。加 -o 时把合并后的 summary.json 和 summary.csv 写到该文件夹。\
                有单位失败或未生成、或缺少分片时退出状态为1，汇总无法读取时为2。
                """, """
                Each OUT is a batch output folder — its summary-K-of-N.json files when there are any, else its \
                summary.json — or a summary JSON file. Reports shards that are missing and files written by two \
                units. With -o, writes the merged summary.json and summary.csv there. Exit status 1 when a unit \
                failed or was not rendered, or a shard is missing; 2 when a summary cannot be read.
                """))
    }

    @Argument(help: help("批量生成的输出文件夹或汇总JSON文件。", "Batch output folders or summary JSON files."))
    var summaries: [String]

    @Option(name: .shortAndLong, help: help("把合并后的 summary.json 和 summary.csv 写到此文件夹。", "Write the merged summary.json and summary.csv into this folder."))
    var output: String?

    @OptionGroup var language: LanguageOption

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
            printError(say("失败：\(unit.input)", "failed: \(unit.input)") + "\n" + unit.errors.map { "  " + $0 }.joined(separator: "\n"))
        }
        for problem in problems { printError(problem) }
        print(SummaryFiles.table(merged))
        if let output {
            do {
                let files = try SummaryFiles.write(merged, into: URL(fileURLWithPath: output))
                print(summaryFilesLine(files))
            } catch {
                printError("\(error)")
                throw ExitCode(2)
            }
        }
        if !merged.allRendered || !problems.isEmpty { throw ExitCode(1) }
    }

    static func summaryFiles(_ path: String) throws -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw FormPrintError.inputMissing(path)
        }
        guard isDirectory.boolValue else { return [URL(fileURLWithPath: path)] }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            throw FormPrintError.unreadableSummary(path, SystemReason.message(of: error))
        }
        let shards = names.filter { $0.hasPrefix("summary-") && $0.contains("-of-") && $0.hasSuffix(".json") }
        let chosen = shards.isEmpty ? names.filter { $0 == "summary.json" } : shards
        guard !chosen.isEmpty else { throw FormPrintError.inputMissing(path + "/summary.json") }
        return chosen.map { URL(fileURLWithPath: path).appendingPathComponent($0) }
    }
}

/// "summary: out/summary.json, …" after a batch or a merge.
func summaryFilesLine(_ files: [URL]) -> String {
    say("汇总：", "summary: ") + files.map(\.path).joined(separator: ", ")
}
