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
