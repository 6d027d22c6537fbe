import Batch
import Foundation
import GRDB
import Testing

@testable import Serving

/// The database keeps every submission, runs in WAL mode and says each
/// unit's standing.
@Suite struct StorageTests {
    static func record(unit: String, errors: Int = 0, warnings: Int = 0, readError: String? = nil, at time: Double) -> SubmissionRecord {
        SubmissionRecord(id: nil, parent: nil, owner: nil, unitName: unit, supervisor: nil, year: 2024, kind: "pasted", inputName: "粘贴.txt",
                         inputHash: String(repeating: "0", count: 64), submittedAt: time, errors: errors, warnings: warnings, notes: 0,
                         readError: readError, findingsJSON: "[]", summaryJSON: nil, generation: 1, lenient: false)
    }

    /// Findings are kept as one flat JSON object each: the batch's record's
    /// keys beside the desk's line, column and English. A finding stored
    /// before the record was shared (and one before the English was kept)
    /// reads back whole, and a new one keeps the same keys.
    @Test func storedFindingsKeepTheirFlatShape() throws {
        let stored = #"[{"severity":"error","code":"FP301","message":"执行数大于预算数","english":"Executed exceeds the budget","#
            + #""place":"粘贴.txt 第18行第6列","field":"projects[0].funds[3].executed","line":18,"column":6,"#
            + #""subject":"项目支出绩效自评表「…」的执行数","subjectEnglish":"the executed amount","fix":"改正执行数","fixEnglish":"Correct it"},"#
            + #"{"severity":"warning","code":"FP201","message":"旧","english":"old","place":"","field":"","line":0,"column":0}]"#
        let record = SubmissionRecord(id: nil, parent: nil, owner: nil, unitName: "甲局", supervisor: nil, year: 2024, kind: "pasted",
                                      inputName: "粘贴.txt", inputHash: String(repeating: "0", count: 64), submittedAt: 1, errors: 1,
                                      warnings: 1, notes: 0, readError: nil, findingsJSON: stored, summaryJSON: nil, generation: 1, lenient: false)
        let findings = record.findings
        #expect(findings.count == 2)
        #expect(findings.first?.code == "FP301")
        #expect(findings.first?.line == 18 && findings.first?.column == 6)
        #expect(findings.first?.whereText(.chinese) == "项目支出绩效自评表「…」的执行数，粘贴的表格第18行第6列")
        #expect(findings.first?.fixText(.english) == "Correct it")
        #expect(findings.last?.subject == nil && findings.last?.fixText(.chinese) == nil)

        let written = try JSONSerialization.jsonObject(with: JSONEncoder().encode(findings)) as? [[String: Any]]
        let original = try JSONSerialization.jsonObject(with: Data(stored.utf8)) as? [[String: Any]]
        #expect(written?.map { Set($0.keys) } == original?.map { Set($0.keys) })
        #expect(try JSONDecoder().decode([StoredFinding].self, from: JSONEncoder().encode(findings)) == findings)
    }

    @Test func theDatabaseIsInWALMode() throws {
        let database = try DeskDatabase(folder: try temporaryFolder())
        #expect(try database.journalMode() == "wal")
    }

    @Test func aNewSubmissionNeverOverwritesAnEarlierOne() throws {
        let store = SubmissionStore(database: try DeskDatabase(folder: try temporaryFolder()))
        let first = try store.insert(Self.record(unit: "甲局", errors: 2, at: 1), files: [], actor: "test")
        let second = try store.insert(Self.record(unit: "甲局", at: 2), files: [], actor: "test")
        #expect(first != second)
        #expect(try store.history(of: "甲局").map(\.id) == [second, first])
        #expect(try store.submission(first)?.errors == 2)
        #expect(try store.latestByUnit()["甲局"]?.id == second)
        #expect(try store.auditLog().filter { $0.action == "submit" }.count == 2)
    }

    @Test func statusIsTheLatestSubmissionsWorstFinding() throws {
        let store = SubmissionStore(database: try DeskDatabase(folder: try temporaryFolder()))
        try store.setRoster(["甲局", "乙局", "丙局", "丁局"], actor: "test")
        _ = try store.insert(Self.record(unit: "甲局", errors: 1, at: 1), files: [], actor: "test")
        _ = try store.insert(Self.record(unit: "乙局", warnings: 3, at: 2), files: [], actor: "test")
        _ = try store.insert(Self.record(unit: "丙局", errors: 1, at: 3), files: [], actor: "test")
        _ = try store.insert(Self.record(unit: "丙局", at: 4), files: [], actor: "test")
        _ = try store.insert(Self.record(unit: "戊局", readError: "无法读取", at: 5), files: [], actor: "test")
        let lines = UnitLine.lines(roster: try store.roster(), latest: try store.latestByUnit())
        let status = Dictionary(uniqueKeysWithValues: lines.map { ($0.name, $0.status) })
        #expect(status == ["甲局": .errors, "乙局": .warnings, "丙局": .clean, "丁局": .notSubmitted, "戊局": .errors])
        #expect(lines.first { $0.name == "戊局" }?.onRoster == false)
        // Worst first.
        #expect(lines.map(\.status) == lines.map(\.status).sorted())
    }

    @Test func aRosterChangeKeepsIssuedCodes() throws {
        let store = SubmissionStore(database: try DeskDatabase(folder: try temporaryFolder()))
        try store.setRoster(["甲局"], actor: "test")
        try store.setCodeHash("hash", for: "甲局", actor: "test")
        try store.setRoster(["甲局", "乙局"], actor: "test")
        #expect(try store.rosterUnit("甲局")?.codeHash == "hash")
        #expect(try store.roster().map(\.name) == ["乙局", "甲局"].sorted())
    }

    @Test func aPastedGridMapsCharacterColumnsToCellsAndBack() {
        let grid = PastedGrid(text: "\t效益指标\t优化政府部门\t>=64.4万元\t14.4万元\r\n第二行")
        // Column 1 is the empty first cell; "14.4万元" starts after four tabs.
        let start = 1 + 0 + 1 + 4 + 1 + 6 + 1 + 8 + 1
        #expect(grid.cell(line: 1, characterColumn: start)?.column == 5)
        #expect(grid.cell(line: 1, characterColumn: 3)?.column == 2)
        #expect(grid.cell(line: 3, characterColumn: 1) == nil)
        let edited = grid.edited(["r1c5": "64.4\t万元", "r9c9": "ignored"])
        #expect(edited.text == "\t效益指标\t优化政府部门\t>=64.4万元\t64.4 万元\n第二行")
    }
}
