import Support
import Evaluation
import Foundation
import Importing
import TestSupport
import Testing

@testable import Importing

/// Issue 14: import time grew with merges × cells (20 000 merges: 44 s).
/// Coverage is now a sweep over the rows; `.hangGuard` only stops a hang.
@Suite("Merged ranges at scale")
struct MergeScalingTests {
    @Test("20 000 tall merges beside the form import, the cells under them reported", .hangGuard(minutes: 2))
    func twentyThousandMerges() throws {
        var workbook = try seedWorkbook()
        // 5 000 rows with a remark each in column A, and 20 000 merges each
        // spanning all of them, one column each: the old walk over each
        // merge's rows made 10⁸ checks.
        for row in 300..<5_300 { workbook.sheets[0].text("A\(row)", "备注\(row)") }
        for index in 0..<20_000 {
            let column = OfficialFormSheets.columnName(12 + index)
            workbook.sheets[0].merge("\(column)300:\(column)5299")
        }
        // Two cells under merges, one merge's own corner.
        workbook.sheets[0].text("M310", "藏在合并下")
        workbook.sheets[0].text("N300", "合并左上角")
        let start = ProcessInfo.processInfo.environment["FORMPRINT_PRINT_TIMES"] == nil ? nil : Date()
        let imported = try WorkbookImporter.importWorkbook(try workbook.data(), file: "merges.xlsx")
        if let start { print("20 000 merges: \(Date().timeIntervalSince(start)) s") }
        #expect(imported.unplaced.contains { $0.text.english.contains("藏在合并下") && $0.text.english.contains("hidden under a merged cell") })
        #expect(!imported.unplaced.contains { $0.text.english.contains("合并左上角") && $0.text.english.contains("hidden under") })
    }

    @Test("the sweep finds exactly the cells a naive check finds, overlapping merges included", arguments: 0..<20)
    func sweepAgreesWithNaive(seed: UInt64) {
        var random = SplitMix64(seed: seed &+ 0x9E37_79B9_7F4A_7C15)
        let cells = (0..<200).map { _ in (row: Int.random(in: 1...40, using: &random), column: Int.random(in: 1...12, using: &random)) }
        let merges = (0..<30).map { _ -> WorksheetReader.Merge in
            let row = Int.random(in: 1...40, using: &random), column = Int.random(in: 1...12, using: &random)
            return WorksheetReader.Merge(firstRow: row, firstColumn: column, lastRow: row + Int.random(in: 0...8, using: &random),
                                         lastColumn: column + Int.random(in: 0...4, using: &random))
        }
        let naive = Set(cells.indices.filter { index in merges.contains { $0.covers(cells[index].row, cells[index].column) } })
        #expect(MergeCoverage.covered(rows: cells.map(\.row), columns: cells.map(\.column), merges) == naive)
    }
}

