import Foundation
import Testing

@testable import Batch
@testable import FormPrint

/// `formprint batch` through the library: good units rendered, bad ones
/// reported, the same bytes whatever the jobs, shards that cover every
/// unit once, and re-runs that skip what has not changed.
@Suite(.serialized)
struct BatchTests {
    @Test func goodUnitsAreRenderedAndBadOnesReportedWithTheirReasons() throws {
        let input = try BatchFixture.mixedFolder()
        let output = try temporaryFolder()
        let summary = try BatchFixture.run([input], output: output)

        #expect(summary.units.map(\.input) == ["broken.yaml", "impossible.yaml", "more/again.yaml", "unit1.yaml", "unit2.yaml", "unit3.yaml"]
            .map { input.path + "/" + $0 })
        #expect(summary.units.map(\.status) == [.failed, .failed, .rendered, .rendered, .rendered, .rendered])
        #expect(!summary.allRendered)
        let totals = summary.totals
        #expect(totals.units == 6 && totals.rendered == 4 && totals.failed == 2 && totals.errors == 2)
        #expect(totals.documents == 12)

        let broken = summary.units[0], impossible = summary.units[1]
        #expect(broken.errors.first?.contains("broken.yaml:3:") == true, "\(broken.errors)")
        #expect(impossible.errors.first?.contains("project-nowhere") == true && impossible.errors.first?.contains("impossible.yaml") == true)

        // The second file for 测试单位1 gets its own folder, and both are told.
        let again = summary.units[2], first = summary.units[3]
        // (sorted by path: more/again.yaml comes before unit1.yaml and keeps the plain name).
        #expect(again.folder == "测试单位1")
        #expect(first.folder == "测试单位1_unit1")
        #expect(first.warnings.contains { $0.contains("more/again.yaml") })
        #expect(again.warnings.contains { $0.contains("unit1.yaml") && $0.contains("测试单位1_unit1") })

        // One PDF per document plus the combined one, every one passing qpdf.
        let files = try BatchFixture.tree(output).keys.sorted()
        #expect(files.filter { $0.hasPrefix("测试单位1/") } == [
            "测试单位1/2024_全部自评文档.pdf", "测试单位1/2024_部门整体支出绩效自评报告.pdf",
            "测试单位1/2024_部门整体支出绩效自评表.pdf", "测试单位1/2024_项目支出绩效自评表_2024年政数局综合类项目.pdf",
        ])
        #expect(files.count == 16)
        #expect(!files.contains { $0.contains("布局错误单位") || $0.contains("坏文件") }, "nothing of a failed unit is written")
        for file in files {
            let check = try run("qpdf", ["--check", output.appendingPathComponent(file).path])
            #expect(check.status == 0, "\(file): \(check.output)")
        }
    }

    @Test func summaryFilesListEveryDocumentWithPagesScoresAndStatus() throws {
        let input = try BatchFixture.mixedFolder(good: 1)
        let scored = input.appendingPathComponent("scored.yaml")
        try BatchFixture.write(BatchFixture.smallUnit(named: "打分单位"), to: scored)
        let output = try temporaryFolder()
        let summary = try BatchFixture.run([input], output: output)

        let read = try SummaryFiles.read(output.appendingPathComponent("summary.json"))
        #expect(read == summary)
        let json = try String(contentsOf: output.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(json.contains("\"totals\""))

        let csv = try String(contentsOf: output.appendingPathComponent("summary.csv"), encoding: .utf8)
        let bytes = try Data(contentsOf: output.appendingPathComponent("summary.csv"))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "a byte order mark for Excel and WPS")
        // Headings and statuses in the run's language (the library's default, Chinese); English with --lang en.
        #expect(bytes.starts(with: Data("\u{FEFF}单位,年度,文档,项目,文件,页数,问题,总分,等级,状态,输入文件\r\n".utf8)))
        #expect(SummaryFiles.csv(summary, in: .english).hasPrefix("\u{FEFF}unit,year,document,project,file,pages,findings,total score,grade,status,input\r\n"))
        let rows = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        // header + broken + impossible + again (3 documents) + unit1 (3) + scored (1)
        #expect(rows.count == 1 + 1 + 1 + 3 + 3 + 1, "\(rows)")
        let scoredRow = try #require(rows.first { $0.hasPrefix("打分单位,") })
        #expect(scoredRow.hasPrefix("打分单位,2024,项目支出绩效自评表,打分单位的项目,打分单位/2024_项目支出绩效自评表_打分单位的项目.pdf,1,"))
        #expect(scoredRow.hasSuffix(",92,优,已生成,\(scored.path)"))
        // The 吉林 form prints no 总分: the unit's own is in the summary, and FP507 says the form leaves it out.
        #expect(scoredRow.contains("FP507") && scoredRow.contains("totalScore"))
        let reportRow = try #require(rows.first { $0.hasPrefix("测试单位1,2024,部门整体支出绩效自评报告,,") })
        #expect(reportRow.contains(",10,"), "the seed's report has 10 pages: \(reportRow)")
        let brokenRow = try #require(rows.first { $0.hasSuffix("broken.yaml") })
        // In-process, messages are in the library's default language, Chinese.
        #expect(brokenRow.contains("错误：") && brokenRow.contains(",无法生成,"))
        #expect(SummaryFiles.csv(summary, in: .english).contains(",failed,"))

        let table = SummaryFiles.table(summary, in: .english)
        for label in ["units", "documents", "pages", "warnings", "errors", "time", "2 failed"] {
            #expect(table.contains(label), "\(table)")
        }
    }

    @Test func outputIsIdenticalForOneAndTwoJobsAndAcrossRuns() throws {
        let input = try BatchFixture.mixedFolder(good: 2)
        let one = try temporaryFolder(), two = try temporaryFolder(), again = try temporaryFolder()
        let first = try BatchFixture.run([input], output: one, jobs: 1)
        let second = try BatchFixture.run([input], output: two, jobs: 2)
        let third = try BatchFixture.run([input], output: again, jobs: 2)
        let reference = try BatchFixture.tree(one)
        #expect(reference.count == 12)
        #expect(try BatchFixture.tree(two) == reference)
        #expect(try BatchFixture.tree(again) == reference)
        #expect(BatchFixture.timeless(first) == BatchFixture.timeless(second))
        #expect(BatchFixture.timeless(second) == BatchFixture.timeless(third))
    }

    @Test(arguments: [1, 2, 3, 7]) func shardsCoverEveryInputExactlyOnce(count: Int) throws {
        let input = try BatchFixture.smallFolder(7)
        let all = try BatchPlan(arguments: [input.path])
        var seen: [String] = []
        for index in 1...count {
            let plan = try BatchPlan(arguments: [input.path], shard: try Shard(index: index, count: count))
            #expect(plan.inputs == all.inputs, "every shard sees the whole sorted batch")
            seen += plan.selected.map(\.path)
        }
        #expect(seen.sorted() == all.inputs.map(\.path).sorted())
        #expect(Set(seen).count == seen.count)
    }

    @Test func shardsWrittenToOneFolderMergeIntoTheWholeBatch() throws {
        let input = try BatchFixture.mixedFolder(good: 2)
        let whole = try temporaryFolder(), shared = try temporaryFolder()
        let expected = try BatchFixture.run([input], output: whole)
        let first = try BatchFixture.run([input], output: shared, shard: try Shard(parsing: "1/2"))
        #expect(BatchFixture.merged([first]).problems.contains { $0.contains("分片2/2") })
        let second = try BatchFixture.run([input], output: shared, shard: try Shard(parsing: "2/2"))
        #expect(FileManager.default.fileExists(atPath: shared.appendingPathComponent("summary-1-of-2.json").path))
        #expect(FileManager.default.fileExists(atPath: shared.appendingPathComponent("summary-2-of-2.csv").path))
        #expect(first.units.count + second.units.count == expected.units.count)
        let (merged, problems) = BatchSummary.merged([second, first])
        #expect(problems.isEmpty)
        #expect(BatchFixture.timeless(merged).units == BatchFixture.timeless(expected).units)
        // The duplicate's folder is decided over the whole batch, so the shards agree with the whole run.
        #expect(try BatchFixture.tree(shared) == BatchFixture.tree(whole))
    }

    @Test func skipUnchangedRendersOnlyWhatChanged() throws {
        let input = try BatchFixture.smallFolder(3)
        let output = try temporaryFolder()
        let first = try BatchFixture.run([input], output: output, skipUnchanged: true)
        #expect(first.units.map(\.status) == [.rendered, .rendered, .rendered])
        let second = try BatchFixture.run([input], output: output, skipUnchanged: true)
        #expect(second.units.map(\.status) == [.unchanged, .unchanged, .unchanged])
        #expect(second.units.map(\.documents) == first.units.map(\.documents), "an unchanged unit keeps its summary")
        #expect(second.allRendered)

        try BatchFixture.write(BatchFixture.smallUnit(named: "改名单位"), to: input.appendingPathComponent("u002.yaml"))
        try FileManager.default.removeItem(at: output.appendingPathComponent("小单位3/2024_项目支出绩效自评表_小单位3的项目.pdf"))
        let third = try BatchFixture.run([input], output: output, skipUnchanged: true)
        #expect(third.units.map(\.status) == [.unchanged, .rendered, .rendered], "a changed input and a deleted file are rendered again")

        // An output overwritten with other bytes since (garbage, another
        // input's PDF) is not unchanged: its digest no longer matches.
        let damaged = output.appendingPathComponent("小单位3/2024_项目支出绩效自评表_小单位3的项目.pdf")
        try Data("%PDF-1.7 garbage".utf8).write(to: damaged)
        let overwritten = try BatchFixture.run([input], output: output, skipUnchanged: true)
        #expect(overwritten.units.map(\.status) == [.unchanged, .unchanged, .rendered], "an overwritten output is rendered again")
        #expect(try Data(contentsOf: damaged).count > 1000)

        // Other options are other output: a new format renders everything again.
        let fourth = try BatchFixture.run([input], output: output, skipUnchanged: true,
                                          options: RenderOptions(formats: [.pdf, .ps], combined: true))
        #expect(fourth.units.map(\.status) == [.rendered, .rendered, .rendered])
    }

    @Test func cancellationLeavesTheRestNotStartedAndReported() throws {
        let input = try BatchFixture.smallFolder(4)
        let output = try temporaryFolder()
        let plan = try BatchPlan(arguments: [input.path])
        let runner = try BatchRunner(configuration: BatchConfiguration(output: output, jobs: 1))
        let cancellation = BatchCancellation()
        let summary = runner.run(plan, progress: CancelAfterFirst(cancellation), cancellation: cancellation)
        #expect(summary.units.map(\.status) == [.rendered, .notStarted, .notStarted, .notStarted])
        #expect(summary.interrupted && !summary.allRendered)
        #expect(SummaryFiles.table(summary, in: .english).contains("interrupted"))
        #expect(SummaryFiles.table(summary, in: .chinese).contains("已中断"))
    }

    @Test func duplicateProjectNamesInOneUnitGetNumberedFiles() throws {
        let folder = try temporaryFolder()
        let text = BatchFixture.smallUnit(named: "重名单位")
        let project = text[text.range(of: "  - name:")!.lowerBound...]
        let unit = folder.appendingPathComponent("unit.yaml")
        try BatchFixture.write(text + "\n" + project, to: unit)
        let rendered = try UnitRenderer().render(try UnitFiles.read(unit), options: RenderOptions())
        #expect(rendered.documents.map(\.relativePath) == [
            "重名单位/2024_项目支出绩效自评表_重名单位的项目.pdf", "重名单位/2024_项目支出绩效自评表_重名单位的项目_2.pdf",
        ])
        #expect(rendered.documents[1].warnings.first?.contains("_2") == true)
    }

    @Test func listFilesAndFoldersAreReadSortedWithoutDuplicates() throws {
        let input = try BatchFixture.smallFolder(3)
        let list = input.deletingLastPathComponent().appendingPathComponent("units.txt")
        try "# units to render\nunits/u003.yaml\n\nunits/u001.yaml\nunits/missing.yaml\n".write(to: list, atomically: true, encoding: .utf8)
        let plan = try BatchPlan(arguments: [list.path, input.path])
        let base = input.deletingLastPathComponent().path
        #expect(plan.inputs.map(\.path) == [
            base + "/units/missing.yaml", base + "/units/u001.yaml", base + "/units/u003.yaml", input.path + "/u002.yaml",
        ])
        #expect(plan.inputs.map(\.position) == [0, 1, 2, 3])
        #expect(throws: FormPrintError.self) { try BatchPlan(arguments: [base + "/nowhere"]) }
        #expect(throws: FormPrintError.self) { try Shard(parsing: "3/2") }
    }
}

/// Cancels the batch as soon as the first unit is done.
private struct CancelAfterFirst: BatchProgress {
    let cancellation: BatchCancellation
    init(_ cancellation: BatchCancellation) { self.cancellation = cancellation }
    func started(total: Int) {}
    func finished(_ unit: UnitSummary, files: [String], counts: BatchCounts) { cancellation.cancel() }
}

extension BatchFixture {
    static func merged(_ summaries: [BatchSummary]) -> (summary: BatchSummary, problems: [String]) {
        BatchSummary.merged(summaries)
    }
}
