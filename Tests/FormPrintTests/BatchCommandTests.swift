import Foundation
import Testing

@testable import Batch
@testable import FormPrint

/// The built `formprint` run as a user would: exit statuses, summaries,
/// shards merged with `formprint summary`, a run killed with SIGKILL or
/// stopped with Ctrl-C, and `formprint print` with and without `lp`.
@Suite(.serialized)
struct BatchCommandTests {
    @Test func batchReportsBadUnitsExitsOneAndWritesTheSummaries() throws {
        let input = try BatchFixture.mixedFolder(good: 2)
        let output = try temporaryFolder()
        let result = try runFormPrint(["batch", input.path, "-o", output.path, "--jobs", "2"])
        #expect(result.status == 1, "\(result.output)\n\(result.errors)")
        #expect(result.errors.contains("broken.yaml:3:"))
        #expect(result.errors.contains("project-nowhere"))
        // Not a terminal: one line per unit.
        #expect(result.output.contains("/5] rendered "), "\(result.output)")
        #expect(result.output.contains("units         5   3 rendered, 2 failed"), "\(result.output)")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("summary.json").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("summary.csv").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("测试单位2/2024_全部自评文档.pdf").path))

        let quiet = try runFormPrint(["batch", input.path, "-o", output.path, "--quiet"])
        #expect(quiet.status == 1)
        #expect(!quiet.output.contains("] rendered"), "--quiet prints only failures and the summary")
    }

    @Test func shardsOnOneFolderMergeWithTheSummaryCommand() throws {
        let input = try BatchFixture.smallFolder(5)
        let output = try temporaryFolder()
        let first = try runFormPrint(["batch", input.path, "-o", output.path, "--shard", "1/2"])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.contains("shard 1/2"))
        let incomplete = try runFormPrint(["summary", output.path])
        #expect(incomplete.status == 1)
        #expect(incomplete.errors.contains("shard 2/2"))

        let second = try runFormPrint(["batch", input.path, "-o", output.path, "--shard", "2/2"])
        #expect(second.status == 0)
        let merged = try runFormPrint(["summary", output.path, "-o", output.path])
        #expect(merged.status == 0, "\(merged.errors)")
        #expect(merged.output.contains("units         5   5 rendered"), "\(merged.output)")
        let summary = try SummaryFiles.read(output.appendingPathComponent("summary.json"))
        #expect(summary.units.map(\.position) == [0, 1, 2, 3, 4])
        #expect(try runFormPrint(["batch", input.path, "--shard", "3/2"]).status != 0)
    }

    @Test func aKilledBatchLeavesNoPartialFileAndAReRunCompletesIt() throws {
        let input = try BatchFixture.smallFolder(1).deletingLastPathComponent().appendingPathComponent("many")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for index in 1...40 { try BatchFixture.write(BatchFixture.unit(named: "单位\(index)"), to: input.appendingPathComponent("u\(index).yaml")) }
        let output = try temporaryFolder()
        let process = try startFormPrint(["batch", input.path, "-o", output.path, "--jobs", "2"])
        try waitForPDFs(in: output, atLeast: 3)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let files = try FileManager.default.subpathsOfDirectory(atPath: output.path)
        let visible = files.filter { !($0 as NSString).lastPathComponent.hasPrefix(".") && $0.hasSuffix(".pdf") }
        #expect(!visible.isEmpty)
        #expect(visible.count < 40 * 4, "killed before the end")
        for file in visible {
            let check = try run("qpdf", ["--check", output.appendingPathComponent(file).path])
            #expect(check.status == 0, "\(file) is not a complete PDF: \(check.output)")
        }
        // Temporary files may be left, but only under hidden names.
        for file in files where file.hasSuffix(".tmp") {
            #expect((file as NSString).lastPathComponent.hasPrefix("."), "\(file)")
        }

        let rerun = try runFormPrint(["batch", input.path, "-o", output.path, "--jobs", "2", "--skip-unchanged"])
        #expect(rerun.status == 0, "\(rerun.errors)")
        let after = try FileManager.default.subpathsOfDirectory(atPath: output.path)
        #expect(!after.contains { $0.hasSuffix(".tmp") }, "the re-run removes what the killed run left")
        #expect(after.filter { $0.hasSuffix(".pdf") }.count == 40 * 4)
    }

    @Test func ctrlCStopsAfterTheUnitsInProgressWithASummary() throws {
        let input = try BatchFixture.smallFolder(1).deletingLastPathComponent().appendingPathComponent("many")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for index in 1...40 { try BatchFixture.write(BatchFixture.unit(named: "单位\(index)"), to: input.appendingPathComponent("u\(index).yaml")) }
        let output = try temporaryFolder()
        let process = try startFormPrint(["batch", input.path, "-o", output.path, "--jobs", "1"])
        try waitForPDFs(in: output, atLeast: 1)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        let summary = try SummaryFiles.read(output.appendingPathComponent("summary.json"))
        #expect(summary.interrupted)
        #expect(summary.totals.rendered >= 1 && summary.totals.notStarted >= 1)
        #expect(summary.totals.rendered + summary.totals.notStarted == 40)
        // Every unit reported as rendered is complete.
        for unit in summary.units where unit.status == .rendered {
            for file in unit.documents.flatMap(\.files) + [unit.combined!] {
                #expect(try run("qpdf", ["--check", output.appendingPathComponent(file).path]).status == 0, "\(file)")
            }
        }
    }

    @Test func printSaysSoWhenLpIsMissing() throws {
        let empty = try temporaryFolder()
        let result = try runFormPrint(["print", exampleUnit.path], environment: ["PATH": empty.path])
        #expect(result.status == 2)
        #expect(result.errors.contains("`lp` command is not installed"), "\(result.errors)")
        #expect(result.errors.contains("--format ps"))
    }

    @Test func printHandsOnePostScriptJobPerUnitToLp() throws {
        let bin = try temporaryFolder()
        let record = try temporaryFolder()
        let lp = bin.appendingPathComponent("lp")
        try """
            #!/bin/sh
            printf '%s\\n' "$@" > '\(record.path)/arguments'
            cat > '\(record.path)/job.ps'
            echo "request id is fake-1 (1 file(s))"
            """.write(to: lp, atomically: true, encoding: .utf8)
        chmod(lp.path, 0o755)
        let result = try runFormPrint(["print", exampleUnit.path, "--printer", "财务室", "--copies", "2", "--duplex"],
                                      environment: ["PATH": bin.path + ":/usr/bin:/bin"])
        #expect(result.status == 0, "\(result.errors)")
        let arguments = try String(contentsOf: record.appendingPathComponent("arguments"), encoding: .utf8).split(separator: "\n")
        #expect(arguments.starts(with: ["-d", "财务室", "-n", "2", "-t", "柳河县政务服务和数字化建设管理局 2024", "-o", "sides=two-sided-long-edge"]))
        let job = record.appendingPathComponent("job.ps")
        let header = String(decoding: try Data(contentsOf: job).prefix(300), as: UTF8.self)
        #expect(header.hasPrefix("%!PS-Adobe-3.0") && header.contains("%%Pages: 12"))
        #expect(try run("gs", ["-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=nullpage", job.path]).status == 0)
    }

    @Test func renderWritesTheRequestedFormats() throws {
        let output = try temporaryFolder()
        let result = try runFormPrint(["render", exampleUnit.path, "-o", output.path, "--format", "ps", "--format", "png",
                                       "--resolution", "72", "--combined"])
        #expect(result.status == 0, "\(result.errors)")
        let files = try FileManager.default.subpathsOfDirectory(atPath: output.path).filter { $0.contains(".") }
        #expect(files.filter { $0.hasSuffix(".ps") }.count == 3)
        #expect(files.filter { $0.hasSuffix(".png") }.count == 12)
        #expect(!files.contains { $0.hasSuffix(".pdf") }, "the combined PDF comes only with PDF output")
    }

    // MARK: - Helpers

    func startFormPrint(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = try requireFormPrintBinary()
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits (at most a minute) until `count` PDFs have their final names below `folder`.
    func waitForPDFs(in folder: URL, atLeast count: Int) throws {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let files = (try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []
            if files.filter({ $0.hasSuffix(".pdf") && !($0 as NSString).lastPathComponent.hasPrefix(".") }).count >= count { return }
            Thread.sleep(forTimeInterval: 0.02)
        }
        Issue.record("no PDF appeared within a minute")
    }
}
