import Foundation
import Testing

@testable import FormPrint

/// Issue 14, item 4: under `ulimit -f` the process died of SIGXFSZ with no
/// message and temporaries left; the batch fault test passed only because it
/// ignored the signal itself (`trap '' XFSZ`). Here the shell leaves the
/// signal's default action, and formprint must ignore it on its own.
@Suite(.serialized)
struct FileSizeLimitTests {
    func temporaries(_ folder: URL) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
    }

    @Test func batchUnderAFileSizeLimitFailsTheBigUnitAndWritesItsSummary() throws {
        let input = try BatchFixture.smallFolder(2)
        try BatchFixture.write(BatchFixture.unit(named: "大单位"), to: input.appendingPathComponent("u000.yaml"))
        let output = try temporaryFolder()
        let binary = try requireFormPrintBinary()
        let command = "trap - XFSZ; ulimit -f 120; exec '\(binary.path)' batch '\(input.path)' -o '\(output.path)' --jobs 2 --quiet --lang en"
        let result = try run("bash", ["-c", command])
        #expect(result.status == 1, "\(result.output)")
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("summary.json"))) as? [String: Any]
        let units = try #require(summary?["units"] as? [[String: Any]])
        #expect(units.map { $0["status"] as? String } == ["failed", "rendered", "rendered"])
        let failure = try #require((units[0]["errors"] as? [String])?.first)
        #expect(failure.contains("大单位") && failure.contains("larger than allowed (ulimit -f)"), "\(failure)")
        #expect(try temporaries(output).isEmpty)
    }

    @Test func renderUnderAFileSizeLimitSaysWhichFileItCouldNotWrite() throws {
        let output = try temporaryFolder()
        let binary = try requireFormPrintBinary()
        let command = "trap - XFSZ; ulimit -f 120; exec '\(binary.path)' render '\(exampleUnit.path)' -o '\(output.path)' --lang en"
        let result = try run("bash", ["-c", command])
        #expect(result.status == 1, "\(result.output)")
        #expect(result.output.contains("cannot write") && result.output.contains("larger than allowed (ulimit -f)"), "\(result.output)")
        #expect(try temporaries(output).isEmpty)
    }
}
