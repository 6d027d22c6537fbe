import ArgumentParser
import Batch
import CommandSupport
import Dispatch
import Evaluation
import FormPrint
import Foundation

struct BatchCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "batch",
            abstract: say("并行生成文件夹或列表文件中的每个单位，并写出汇总和问题清单。",
                          "Render every unit of folders or list files, in parallel, with a summary and the findings report."),
            discussion: say("""
                INPUT 是文件夹（递归查找 .yaml、.yml、.json 单位文件，.xlsx/.xls 工作簿、.docx 文档和粘贴的 .txt/.tsv 表格）、单个输入文件，\
                或每行一个路径的列表文件。每个单位：每份文档一个PDF，另有一个合并PDF，每份文档和每个项目各有书签。\
                某个单位失败时报告原因，其余照常进行。结束时打印汇总表并列出失败、有错误和重复的单位，写出 OUT/summary.json、\
                OUT/summary.csv（分片为 summary-K-of-N.*）以及问题清单 OUT/findings.xlsx 和 OUT/findings.html。\
                退出状态：全部生成为0，有单位失败（或加 --strict 时有错误）为1，无法开始为2，中断为130\
                （Ctrl-C 在进行中的单位完成后停止；再按一次立即停止，不留下不完整的文件）。
                """, """
                INPUT is a folder (searched recursively for .yaml, .yml and .json unit files, .xlsx/.xls workbooks, .docx \
                documents and pasted .txt/.tsv tables), an input file, or a list file with one path per line. For each unit: one PDF per \
                document, and one combined PDF with a bookmark per document and per project. A unit that fails is \
                reported and the rest go on. At the end: a summary table, the failed units, the units with errors and \
                the duplicates by name, and OUT/summary.json, OUT/summary.csv (summary-K-of-N.* for a shard) and the \
                findings report OUT/findings.xlsx and OUT/findings.html. Exit status: 0 when every unit rendered, 1 when \
                any failed (or, with --strict, has error findings), 2 when the batch could not start, 130 when interrupted \
                (Ctrl-C stops after the units in progress; a second Ctrl-C stops at once, leaving no partial file).
                """))
    }

    @Argument(help: help("单位文件所在的文件夹、输入文件或列表文件。", "Folders of unit files, input files, or list files."))
    var inputs: [String]

    @Option(name: .shortAndLong, help: help("输出文件夹。", "Output folder."))
    var output: String = "out"

    @Option(name: .shortAndLong, help: help("同时生成的单位数；默认为处理器核数。", "Units rendered at once; the default is the number of cores."))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: help("只生成排序后输入的N个确定切片中的第K个，例如 2/8。", "Render only the K-th of N deterministic slices of the sorted inputs, e.g. 2/8."))
    var shard: String?

    @Flag(help: help("跳过自上次带此选项运行以来输入、表样、字体和FormPrint版本均未变的单位。",
                     "Skip units whose inputs, layouts, fonts and FormPrint version are unchanged since the last run with this flag."))
    var skipUnchanged = false

    @Flag(help: help("不写每个单位的合并PDF。", "Do not write the combined PDF of each unit."))
    var noCombined = false

    @Flag(name: .shortAndLong, help: help("只打印失败和汇总。", "Print only failures and the summary."))
    var quiet = false

    @Flag(name: .shortAndLong, help: help("即使在终端上也每个单位打印一行，并列出写出的每个文件。", "Print one line per unit with every file written, even on a terminal."))
    var verbose = false

    @Flag(help: help("有单位存在错误时退出状态为1（其文档仍会写出，并加印“草稿”）。",
                     "Exit with status 1 when any unit has error findings (its documents are still written, marked 草稿)."))
    var strict = false

    @Option(name: .customLong("roster"), help: help("应报单位名单（.txt：每行一个名称；.xlsx/.xls：第一列）：问题清单列出未提交的单位。",
                                                   "The units expected (.txt: one name per line; .xlsx/.xls: the first column): the report names those that sent nothing."))
    var rosterFile: String?

    @Option(help: fontFallbackHelp)
    var fontFallback: FontFallback = .none

    @OptionGroup var rendering: RenderingOptions

    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard jobs >= 1 else { throw usageError("--jobs 至少为1", "--jobs must be at least 1") }
        guard !(quiet && verbose) else { throw usageError("--quiet 和 --verbose 不能同时使用", "--quiet and --verbose exclude each other") }
    }

    func run() throws {
        let outputURL = URL(fileURLWithPath: output)
        let shard: Shard?
        let plan: BatchPlan
        let runner: BatchRunner
        let roster: Roster?
        do {
            shard = try self.shard.map { try Shard(parsing: $0) }
            plan = try BatchPlan(arguments: inputs, excluding: outputURL, shard: shard)
            // Rendering nothing and exiting 0 looked like success (issue 14).
            if plan.inputs.isEmpty { throw FormPrintError.noUnitFiles(inputs) }
            let configuration = BatchConfiguration(
                output: outputURL, options: try rendering.renderOptions(combined: !noCombined), jobs: jobs,
                skipUnchanged: skipUnchanged)
            runner = try BatchRunner(configuration: configuration, extraLayoutFolders: rendering.selection.layoutFolderURLs, fontFallback: fontFallback)
            roster = try rosterFile.map { try Roster.read(URL(fileURLWithPath: $0)) }
            try checkOptionalLines(rendering.selection, in: runner.catalog)
        } catch let error as ValidationError {
            throw error
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }

        let mode: LineProgress.Mode = quiet ? .quiet : verbose ? .verbose : .normal
        let progress: any BatchProgress & Noting = (mode == .normal && isatty(STDERR_FILENO) == 1)
            ? LiveProgress() : LineProgress(mode: mode)
        let cancellation = BatchCancellation()
        let signals = Self.stopOnSignals(cancellation, progress)
        let summary = runner.run(plan, progress: progress, cancellation: cancellation)
        progress.end()
        signals.forEach { $0.cancel() }

        var exitCode: Int32 = summary.interrupted ? 130 : summary.allRendered ? 0 : 1
        let errorUnits = summary.units.filter { ReviewStatus($0) == .errors }
        if strict && !errorUnits.isEmpty { exitCode = max(exitCode, 1) }
        do {
            let files = try SummaryFiles.write(summary, into: outputURL, baseName: SummaryFiles.baseName(shard: shard))
                + FindingsReport(summary: summary, roster: roster).write(into: outputURL)
            print(SummaryFiles.table(summary))
            print(Self.namedUnits(summary, roster: roster))
            print(summaryFilesLine(files))
        } catch {
            print(SummaryFiles.table(summary))
            print(Self.namedUnits(summary, roster: roster))
            printError("\(error)")
            exitCode = max(exitCode, 1)
        }
        if exitCode != 0 { throw ExitCode(exitCode) }
    }

    /// The units a reviewer acts on, by name: those that failed, those with
    /// error findings, duplicates, and the roster's units that sent nothing.
    static func namedUnits(_ summary: BatchSummary, roster: Roster?) -> String {
        var lines: [String] = []
        func name(_ unit: UnitSummary) -> String { RosterMatch.unitName(unit).map { "\($0) (\(unit.input))" } ?? unit.input }
        let failed = summary.units.filter { ReviewStatus($0) == .failed }
        if !failed.isEmpty {
            lines.append(say("无法生成（\(failed.count)个）：", "failed (\(failed.count)): ") + failed.map(name).joined(separator: "; "))
        }
        let errors = summary.units.filter { ReviewStatus($0) == .errors }
        if !errors.isEmpty {
            lines.append(say("有错误（\(errors.count)个）：", "with error findings (\(errors.count)): ") + errors.map(name).joined(separator: "; "))
        }
        let duplicates = summary.units.flatMap { unit in unit.duplicateWarnings.map { "\(name(unit)): \($0)" } }
        if !duplicates.isEmpty { lines.append(say("重复（\(duplicates.count)个）：", "duplicates (\(duplicates.count)):") + "\n  " + duplicates.joined(separator: "\n  ")) }
        if let roster {
            // Each unit once: a roster unit whose file failed is listed as failed above, not as 未提交.
            let match = RosterMatch(summary: summary, roster: roster)
            let missing = match.notSubmitted.map(\.name)
            lines.append(missing.isEmpty ? say("名单内单位均已提交", "every unit of the roster submitted")
                                         : say("未提交（名单内\(match.rosterCount)个中的\(missing.count)个）：", "not submitted (\(missing.count) of \(match.rosterCount) on the roster): ")
                                            + missing.joined(separator: "; "))
            let extra = match.offRoster.map(\.name)
            if !extra.isEmpty {
                lines.append(say("名单外（\(extra.count)个）：", "not on the roster (\(extra.count)): ") + extra.joined(separator: "; "))
            }
            lines.append(match.totals.text)
        }
        return lines.joined(separator: "\n")
    }

    /// Ctrl-C (and SIGTERM, as sent by Kubernetes or Slurm) lets the units
    /// in progress finish and stops; a second one exits at once — every
    /// file is written under a temporary name and renamed, so even then no
    /// partial file is left.
    static func stopOnSignals(_ cancellation: BatchCancellation, _ progress: some Noting) -> [DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if cancellation.isCancelled { _exit(130) }
                cancellation.cancel()
                progress.note(say("进行中的单位完成后停止（再按 Ctrl-C 立即停止）", "stopping after the units in progress (Ctrl-C again to stop at once)"))
            }
            source.resume()
            return source
        }
    }
}
