import Foundation
import Testing

@testable import Batch
@testable import FormPrint

/// Issue 14, item 9: what a careless batch did silently — links skipped,
/// an output folder holding the inputs rendering nothing, no size limit,
/// temporaries never removed when every unit is unchanged, a merged summary
/// without one shard looking complete — and FIFOs and devices as inputs.
@Suite(.serialized)
struct BatchHostileInputTests {
    func link(_ target: URL, at url: URL) throws {
        try FileManager.default.createSymbolicLink(at: url, withDestinationURL: target)
    }

    @Test func linksToUnitFilesAndFoldersAreFollowedAndALoopIsNot() throws {
        let root = try temporaryFolder()
        let units = root.appendingPathComponent("units"), elsewhere = root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: units, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: elsewhere.appendingPathComponent("deep"), withIntermediateDirectories: true)
        try BatchFixture.write(BatchFixture.smallUnit(named: "真单位"), to: units.appendingPathComponent("a.yaml"))
        try BatchFixture.write(BatchFixture.smallUnit(named: "链接单位"), to: elsewhere.appendingPathComponent("linked.yaml"))
        try BatchFixture.write(BatchFixture.smallUnit(named: "文件夹单位"), to: elsewhere.appendingPathComponent("deep/c.yaml"))
        try link(elsewhere.appendingPathComponent("linked.yaml"), at: units.appendingPathComponent("b.yaml"))
        try link(elsewhere.appendingPathComponent("deep"), at: units.appendingPathComponent("more"))
        try link(units, at: units.appendingPathComponent("loop"))
        try link(root.appendingPathComponent("nothing.yaml"), at: units.appendingPathComponent("dangling.yaml"))
        let plan = try BatchPlan(arguments: [units.path])
        #expect(plan.inputs.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["a.yaml", "b.yaml", "c.yaml"])
        let summary = try BatchFixture.run([units], output: root.appendingPathComponent("out"))
        #expect(summary.units.map(\.unit) == ["真单位", "链接单位", "文件夹单位"])
        #expect(summary.totals.rendered == 3)
    }

    @Test func anOutputFolderThatHoldsTheInputsRendersThemAndNotItsSummary() throws {
        let folder = try BatchFixture.smallFolder(2)
        let first = try BatchFixture.run([folder], output: folder)
        #expect(first.totals.rendered == 2)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("summary.json").path))
        let second = try BatchFixture.run([folder], output: folder)
        #expect(second.units.count == 2, "summary.json is not read as a unit: \(second.units.map(\.input))")
    }

    @Test func aBatchOfNoUnitFilesIsAnError() throws {
        let empty = try temporaryFolder()
        let result = try runFormPrint(["batch", empty.path, "-o", empty.appendingPathComponent("out").path])
        #expect(result.status == 2)
        #expect(result.errors.contains("no unit files"), "\(result.errors)")
    }

    @Test func aUnitFileOverSixteenMegabytesFailsThatUnitWithTheLimit() throws {
        let folder = try BatchFixture.smallFolder(1)
        let big = folder.appendingPathComponent("big.yaml")
        FileManager.default.createFile(atPath: big.path, contents: nil)
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 17 << 20)
        try handle.close()
        let summary = try BatchFixture.run([folder], output: try temporaryFolder())
        #expect(summary.units.map(\.status) == [.failed, .rendered])
        #expect(summary.units[0].errors.first?.contains("最大16 MB") == true, "\(summary.units[0].errors)")
    }

    @Test func aFIFOOrADeviceIsRefusedForWhatItIs() throws {
        let folder = try BatchFixture.smallFolder(1)
        let fifo = folder.appendingPathComponent("pipe.yaml")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        let summary = try BatchFixture.run([folder], output: try temporaryFolder())
        #expect(summary.units.map(\.status) == [.failed, .rendered])
        #expect(summary.units[0].errors.first?.contains("命名管道（FIFO）") == true, "\(summary.units[0].errors)")
        for command in [["render", fifo.path], ["render", "/dev/zero"], ["import", "/dev/zero"], ["validate", fifo.path]] {
            let result = try runFormPrint(command + ["-o", try temporaryFolder().path].prefix(command[0] == "validate" ? 0 : 2))
            #expect(result.status != 0)
            #expect(!result.errors.contains("permission"), "\(command): \(result.errors)")
            #expect(result.errors.contains("not a regular file"), "\(command): \(result.errors)")
        }
    }

    @Test func skipUnchangedRendersAgainWithAnotherLayout() throws {
        let input = try BatchFixture.smallFolder(2)
        let output = try temporaryFolder()
        _ = try BatchFixture.run([input], output: output, skipUnchanged: true)
        let national = try BatchFixture.run([input], output: output, skipUnchanged: true,
                                            options: RenderOptions(combined: true, layouts: [.project: "project-national"]))
        #expect(national.units.map(\.status) == [.rendered, .rendered])
        #expect(national.units[0].documents[0].layout == "project-national")
        let again = try BatchFixture.run([input], output: output, skipUnchanged: true)
        #expect(again.units.map(\.status) == [.rendered, .rendered], "the files are of the other layout now")
    }

    @Test func temporariesOfAKilledRunGoWhenTheRerunSkipsEveryUnit() throws {
        let input = try BatchFixture.smallFolder(1)
        let output = try temporaryFolder()
        _ = try BatchFixture.run([input], output: output, skipUnchanged: true)
        // What a run killed while writing leaves: .<name>.<pid>.tmp of a
        // process that is gone.
        let stale = output.appendingPathComponent("小单位1/.2024_项目支出绩效自评表_小单位1的项目.pdf.4000000.tmp")
        try Data("partial".utf8).write(to: stale)
        let rerun = try BatchFixture.run([input], output: output, skipUnchanged: true)
        #expect(rerun.units.map(\.status) == [.unchanged])
        #expect(!FileManager.default.fileExists(atPath: stale.path))
    }

    @Test func aMergedSummaryWithoutAShardSaysSo() throws {
        let input = try BatchFixture.smallFolder(3)
        let output = try temporaryFolder()
        let first = try BatchFixture.run([input], output: output, shard: try Shard(parsing: "1/3"))
        let third = try BatchFixture.run([input], output: output, shard: try Shard(parsing: "3/3"))
        let (merged, problems) = BatchSummary.merged([first, third])
        #expect(merged.missingShards == ["2/3"])
        #expect(!merged.allRendered)
        #expect(problems.contains { $0.contains("2/3") })
        let json = String(decoding: try JSONEncoder().encode(merged), as: UTF8.self)
        #expect(json.contains("\"missingShards\":[\"2\\/3\"]") || json.contains("\"missingShards\":[\"2/3\"]"), "\(json)")
        #expect(try JSONDecoder().decode(BatchSummary.self, from: Data(json.utf8)).missingShards == ["2/3"])
        #expect(SummaryFiles.csv(merged, in: .english).contains("missing,shard 2/3"))
        #expect(SummaryFiles.csv(merged, in: .chinese).contains("缺少,分片2/3"))
        #expect(SummaryFiles.table(merged, in: .english).contains("incomplete"))
    }
}
