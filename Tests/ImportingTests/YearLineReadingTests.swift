import Evaluation
import Foundation
import Importing
import Testing

@testable import Importing

/// The （2019年度） line under a form's title, however its brackets came out
/// of Word, WPS or a PDF: half-width, mixed, unbalanced, spaced.
@Suite("The year line under a title")
struct YearLineReadingTests {
    static let yearLines = [
        "（2019年度）", "(2019年度)", "(2019年度）", "（2019年度)", "2019年度)", "（2019年度", "2019年度",
        "（ 2019 年度 )", "【2019年度】", "〔2019年度〕", "[2019年度]", "（２０１９年度）", "（2019年）",
    ]

    @Test("a year line in any bracket mix is one, and gives its year", arguments: yearLines)
    func yearLine(text: String) {
        #expect(FormTitle.isYearLine(text))
        #expect(FormTitle.year(in: text) == 2019)
    }

    @Test("the blank template line is a year line without a year", arguments: ["（　　年度）", "(    年度)", "（年度"])
    func blankYearLine(text: String) {
        #expect(FormTitle.isYearLine(text))
        #expect(FormTitle.year(in: text) == nil)
    }

    @Test("other single cells are not year lines", arguments: [
        "2019年", "年度", "2019年度项目支出绩效自评表", "（2019年度）项目", "（2019年度预算）", "（3年度）", "填报单位：某局",
    ])
    func notYearLine(text: String) {
        #expect(!FormTitle.isYearLine(text))
    }

    @Test("an imported form takes its year from the line, which is read, not left over", arguments: yearLines)
    func imported(line: String) throws {
        let text = "项目支出绩效自评表\n\(line)\n项目名称\t甲项目\n实施单位\t某中心\n"
        let imported = try PastedTextImporter.importText(text, file: "y.txt", options: ImportOptions(unitName: "测试单位"))
        #expect(imported.unit.year == 2019)
        #expect(imported.unplaced.isEmpty, "\(imported.unplaced.map { $0.description(in: .english) })")
    }
}
