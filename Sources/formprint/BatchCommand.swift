import ArgumentParser
import Dispatch
import FormPrint
import Foundation

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Render every unit of folders or list files, in parallel, with a summary.",
        discussion: """
            INPUT is a folder (searched recursively for .yaml, .yml and .json unit files), a unit file, or a list \
            file with one path per line. For each unit: one PDF per document, and one combined PDF with a \
            bookmark per document and per project. A unit that fails is reported and the rest go on. At the end: \
            a summary table, and OUT/summary.json and OUT/summary.csv (summary-K-of-N.* for a shard). \
            Exit status: 0 when every unit rendered, 1 when any failed, 130 when interrupted (Ctrl-C stops after \
            the units in progress; a second Ctrl-C stops at once, leaving no partial file).
            """)

    @Argument(help: "Folders of unit files, unit files, or list files.")
    var inputs: [String]

    @Option(name: .shortAndLong, help: "Output folder.")
    var output: String = "out"

    @Option(name: .shortAndLong, help: "Units rendered at once; the default is the number of cores.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Render only the K-th of N deterministic slices of the sorted inputs, e.g. 2/8.")
    var shard: String?

    @Flag(help: "Skip units whose inputs, layouts, fonts and FormPrint version are unchanged since the last run with this flag.")
    var skipUnchanged = false

    @Flag(help: "Do not write the combined PDF of each unit.")
    var noCombined = false

    @Flag(name: .shortAndLong, help: "Print only failures and the summary.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print one line per unit with every file written, even on a terminal.")
    var verbose = false

    @Flag(help: "Exit with status 1 when any unit has error findings (its documents are still written, marked 草稿).")
    var strict = false

    @Option(name: .customLong("roster"), help: "The units expected (.txt: one name per line; .xlsx: the first column): the report names those that sent nothing.")
    var rosterFile: String?

    @Option(help: ArgumentHelp("Fonts for characters the bundled fonts lack: none (an error naming the character) or system (the machine's fonts).",
                               valueName: "none|system"))
    var fontFallback: FontFallback = .none

    @OptionGroup var rendering: RenderingOptions

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard !(quiet && verbose) else { throw ValidationError("--quiet and --verbose exclude each other") }
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
            runner = try BatchRunner(configuration: configuration, extraLayoutFolders: rendering.layoutFolderURLs, fontFallback: fontFallback)
            roster = try rosterFile.map { try Roster.read(URL(fileURLWithPath: $0)) }
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
            print("summary: " + files.map(\.path).joined(separator: ", "))
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
        func name(_ unit: UnitSummary) -> String { unit.unit.map { "\($0) (\(unit.input))" } ?? unit.input }
        let failed = summary.units.filter { ReviewStatus($0) == .failed }
        if !failed.isEmpty { lines.append("failed 无法生成 (\(failed.count)): " + failed.map(name).joined(separator: "; ")) }
        let errors = summary.units.filter { ReviewStatus($0) == .errors }
        if !errors.isEmpty { lines.append("with error findings 有错误 (\(errors.count)): " + errors.map(name).joined(separator: "; ")) }
        let duplicates = summary.units.flatMap { unit in unit.warnings.filter { $0.contains(") is also in ") }.map { "\(name(unit)): \($0)" } }
        if !duplicates.isEmpty { lines.append("duplicates 重复 (\(duplicates.count)):\n  " + duplicates.joined(separator: "\n  ")) }
        if let roster {
            let submitted = Set(summary.units.compactMap(\.unit))
            let missing = roster.units.filter { !submitted.contains($0) }
            lines.append(missing.isEmpty ? "every unit of the roster submitted 名单内单位均已提交"
                                         : "not submitted 未提交 (\(missing.count) of \(roster.units.count)): " + missing.joined(separator: "; "))
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
                progress.note("stopping after the units in progress (Ctrl-C again to stop at once)")
            }
            source.resume()
            return source
        }
    }
}
