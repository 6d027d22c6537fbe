import Foundation
import Testing

@testable import Batch
@testable import FormPrint

/// Issue 27, item 3: the bureau's lists add up. With `batch --roster`
/// every roster unit is one line, whatever became of its files; a failed
/// file is listed under the unit it names; units not on the roster are
/// counted separately.
struct RosterMatchTests {
    /// A batch of small units: two submitted cleanly (one written with
    /// full-width brackets and a space the roster does not have), one whose
    /// file is broken below its name, one whose file names nobody, one not
    /// on the roster; the roster names a fifth unit that sent nothing.
    static func batch() throws -> (summary: BatchSummary, roster: Roster) {
        let folder = try temporaryFolder().appendingPathComponent("units")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try BatchFixture.write(BatchFixture.smallUnit(named: "甲局"), to: folder.appendingPathComponent("a.yaml"))
        try BatchFixture.write(BatchFixture.smallUnit(named: "乙局（本级）").replacingOccurrences(of: "unit: {name: 乙局（本级）}", with: "unit: {name: 乙局 （本级）}"),
                               to: folder.appendingPathComponent("b.yaml"))
        // Broken after its name: a list where a project's name should be.
        try BatchFixture.write(BatchFixture.smallUnit(named: "丙局") + "\n  - name: [未闭合\n", to: folder.appendingPathComponent("c.yaml"))
        try BatchFixture.write("formprint: 1\nunit: {name: [\n", to: folder.appendingPathComponent("d.yaml"))
        try BatchFixture.write(BatchFixture.smallUnit(named: "名单外局"), to: folder.appendingPathComponent("e.yaml"))
        let summary = try BatchFixture.run([folder], output: try temporaryFolder())
        return (summary, Roster(units: ["甲局", "乙局(本级)", "丙局", "丁局"]))
    }

    @Test("one line per roster unit, in the roster's order, then the units not on it; each unit counted once")
    func linesAddUp() throws {
        let (summary, roster) = try Self.batch()
        #expect(summary.units.count == 5 && summary.totals.failed == 2, "\(summary.units.map(\.errors))")
        let match = RosterMatch(summary: summary, roster: roster)
        #expect(match.lines.map(\.name) == ["甲局", "乙局(本级)", "丙局", "丁局", "d.yaml", "名单外局"]
                || match.lines.map(\.name) == ["甲局", "乙局(本级)", "丙局", "丁局", "名单外局", "d.yaml"], "\(match.lines.map(\.name))")
        #expect(match.lines.map(\.units.count) .reduce(0, +) == summary.units.count, "every file is on exactly one line")
        let byName = Dictionary(uniqueKeysWithValues: match.lines.map { ($0.name, $0) })
        // Matched after folding: 乙局 （本级） is the roster's 乙局(本级).
        #expect(byName["乙局(本级)"]?.status == .clean || byName["乙局(本级)"]?.status == .warnings)
        // The broken file is under the unit it names — failed, not also 未提交.
        #expect(byName["丙局"]?.status == .failed && byName["丙局"]?.onRoster == true)
        #expect(byName["丁局"]?.status == .notSubmitted && byName["丁局"]?.units.isEmpty == true)
        // A file that names nobody stands for itself, off the roster.
        #expect(byName["d.yaml"]?.status == .failed && byName["d.yaml"]?.onRoster == false)
        #expect(match.rosterCount == 4 && match.submittedFromRoster == 3 && match.notSubmitted.map(\.name) == ["丁局"])
        #expect(match.offRoster.count == 2)
        #expect(match.totals.chinese == "共 6 个单位：名单内 4 个（已提交 3 个，未提交 1 个），名单外 2 个。")
        #expect(match.totals.english == "6 units: 4 on the roster (3 submitted, 1 not submitted), 2 not on the roster.")
        // summary.csv lists the failed file under the unit it names too.
        #expect(SummaryFiles.csv(summary).contains("\r\n丙局,,,,,,"), "\(SummaryFiles.csv(summary))")
    }

    @Test("findings.xlsx and findings.html list each unit once and say the totals separately")
    func reportAddsUp() throws {
        let (summary, roster) = try Self.batch()
        let report = FindingsReport(summary: summary, roster: roster)
        let lines = report.lines
        #expect(lines.count == 6)
        #expect(lines.filter { $0.name == "丙局" }.count == 1 && lines.first?.status == .failed)
        #expect(!lines.contains { $0.name == "c.yaml" })
        let html = report.html()
        #expect(html.contains("共 6 个单位：名单内 4 个（已提交 3 个，未提交 1 个），名单外 2 个。"))
        #expect(html.components(separatedBy: "<tr class=\"notSubmitted\">").count - 1 == 1)
    }

    @Test("the end of `batch --roster` names the failed unit by its name and counts it once")
    func commandLineAddsUp() throws {
        let folder = try temporaryFolder().appendingPathComponent("units")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try BatchFixture.write(BatchFixture.smallUnit(named: "甲局"), to: folder.appendingPathComponent("a.yaml"))
        try BatchFixture.write(BatchFixture.smallUnit(named: "丙局") + "\n  - name: [未闭合\n", to: folder.appendingPathComponent("c.yaml"))
        let rosterFile = try temporaryFolder().appendingPathComponent("名单.txt")
        try "单位名称\n甲局\n丙局\n丁局\n".write(to: rosterFile, atomically: true, encoding: .utf8)
        let result = try runFormPrint(["batch", folder.path, "-o", try temporaryFolder().path, "--roster", rosterFile.path, "--jobs", "1", "--lang", "zh"])
        #expect(result.status == 1)
        #expect(result.output.contains("无法生成（1个）：丙局 ("), "\(result.output)")
        #expect(result.output.contains("未提交（名单内3个中的1个）：丁局"), "\(result.output)")
        #expect(result.output.contains("共 3 个单位：名单内 3 个（已提交 2 个，未提交 1 个），名单外 0 个。"), "\(result.output)")
    }
}
