import Foundation
import Testing

@testable import Batch
@testable import FormPrint

/// Faults in the middle of a batch: a full disk, a unit file that vanished,
/// a folder that cannot be made, two batches writing into one folder. Each
/// ends with the good units rendered, the bad ones reported, every file
/// complete and no temporary file left behind.
@Suite(.serialized)
struct BatchFaultTests {
    /// Every file under `folder`, with the temporary files AtomicFile uses.
    func files(_ folder: URL) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted()
    }

    func expectComplete(_ output: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        for path in try files(output) {
            #expect(!path.hasSuffix(".tmp"), "temporary file left: \(path)", sourceLocation: sourceLocation)
            if path.hasSuffix(".pdf") {
                let check = try run("qpdf", ["--check", output.appendingPathComponent(path).path])
                #expect(check.status == 0, "\(path) is not a complete PDF", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func aWriteThatFailsPartWayFailsThatUnitAloneAndLeavesNoPartialFile() throws {
        // The disk "fills up" for large files: under a file-size limit of
        // 120 KB (ulimit -f) writing the seed's 230 KB report fails with
        // EFBIG part-way, as a full disk fails with ENOSPC. (A link planted
        // to /dev/full no longer works: AtomicFile removes planted links.)
        let input = try BatchFixture.smallFolder(3)
        try BatchFixture.write(BatchFixture.unit(named: "大单位"), to: input.appendingPathComponent("u000.yaml"))
        let output = try temporaryFolder()
        let binary = try requireFormPrintBinary()
        let command = "trap '' XFSZ; ulimit -f 120; exec '\(binary.path)' batch '\(input.path)' -o '\(output.path)' --jobs 2 --quiet --lang en"
        let result = try run("bash", ["-c", command])
        #expect(result.status == 1, "\(result.output)")
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("summary.json"))) as? [String: Any]
        let units = try #require(summary?["units"] as? [[String: Any]])
        #expect(units.map { $0["status"] as? String } == ["failed", "rendered", "rendered", "rendered"])
        let failure = try #require((units[0]["errors"] as? [String])?.first)
        #expect(failure.contains("大单位") && failure.contains("larger than allowed (ulimit -f)"), "\(failure)")
        try expectComplete(output)
    }

    @Test func aUnitFileThatVanishedIsReportedAndTheOthersRender() throws {
        let input = try BatchFixture.smallFolder(3)
        let output = try temporaryFolder()
        let plan = try BatchPlan(arguments: [input.path], excluding: output)
        try FileManager.default.removeItem(at: input.appendingPathComponent("u002.yaml"))
        let summary = try BatchRunner(configuration: BatchConfiguration(output: output, jobs: 2)).run(plan)
        #expect(summary.units.map(\.status) == [.rendered, .failed, .rendered])
        #expect(summary.units[1].errors.first?.contains("u002.yaml") == true, "\(summary.units[1].errors)")
        try expectComplete(output)
    }

    @Test func aFolderThatCannotBeMadeFailsThatUnitWithItsPath() throws {
        let input = try BatchFixture.smallFolder(3)
        let output = try temporaryFolder()
        // A file stands where 小单位3's folder should go.
        try Data("not a folder".utf8).write(to: output.appendingPathComponent("小单位3"))
        let summary = try BatchFixture.run([input], output: output, jobs: 1)
        #expect(summary.units.map(\.status) == [.rendered, .rendered, .failed])
        #expect(summary.units[2].errors.first?.contains("小单位3") == true, "\(summary.units[2].errors)")
        #expect(try String(contentsOf: output.appendingPathComponent("小单位3"), encoding: .utf8) == "not a folder")
        try expectComplete(output)
    }

    @Test func twoBatchesIntoOneFolderLeaveEveryFileComplete() throws {
        let input = try BatchFixture.smallFolder(12)
        let output = try temporaryFolder()
        func start() throws -> Process {
            let process = Process()
            process.executableURL = try requireFormPrintBinary()
            process.arguments = ["batch", input.path, "-o", output.path, "--jobs", "2", "--quiet"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        let first = try start(), second = try start()
        first.waitUntilExit()
        second.waitUntilExit()
        #expect(first.terminationStatus == 0 && second.terminationStatus == 0)
        try expectComplete(output)
        #expect(try files(output).filter { $0.hasSuffix(".pdf") }.count == 24)
        // The summary is whole JSON (written atomically by whichever finished last).
        let summary = try Data(contentsOf: output.appendingPathComponent("summary.json"))
        #expect((try? JSONSerialization.jsonObject(with: summary)) != nil)
    }
}
