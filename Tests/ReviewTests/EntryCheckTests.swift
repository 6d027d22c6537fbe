import Evaluation
import Foundation
import Review
import Testing

/// FP107, FP108 and FP508: each fires on its case and not on the nearest clean one.
@Suite("Entry checks (FP107, FP108, FP508)")
struct EntryCheckTests {
    func codes(_ unit: UnitEvaluation, referenceYear: Int? = 2025) throws -> [String] {
        Reviewer.findings(in: unit, profile: try profile("jilin"), referenceYear: referenceYear).map(\.rule.code)
    }

    @Test("FP107: 万元 or 元 typed in a money cell")
    func moneyWithUnit() throws {
        var rows = funds()
        rows[0].annualBudget = "100.00万元"
        rows[1].annualBudget = "100.00万元"
        let found = Reviewer.findings(in: cleanUnit(funds: rows), profile: try profile("jilin"), referenceYear: 2025).filter { $0.rule == .moneyWithUnit }
        #expect(found.map(\.path.description) == ["projects[0].funds[0].annualBudget", "projects[0].funds[1].annualBudget"])
        #expect(found[0].message.chinese == "当年财政拨款 全年预算数“100.00万元”含单位“万元”；表头已注明（万元），请只填数字100.00")
        rows[0].annualBudget = "1000000元"
        let yuan = Reviewer.findings(in: cleanUnit(funds: rows), profile: try profile("jilin"), referenceYear: 2025).first { $0.rule == .moneyWithUnit }
        #expect(yuan?.message.chinese.contains("除以10000") == true)
        #expect(try !codes(cleanUnit()).contains("FP107"))
    }

    @Test("FP107 names a numbered column by the registry's label without its number (历年结余结转②)")
    func moneyWithUnitInANumberedColumn() throws {
        var rows = funds()
        rows[0].extra["carryover"] = "5万元"
        let found = Reviewer.findings(in: cleanUnit(funds: rows), profile: try profile("jilin"), referenceYear: 2025).filter { $0.rule == .moneyWithUnit }
        #expect(found.map(\.path.description) == ["projects[0].funds[0].carryover"])
        #expect(found.first?.message.chinese.hasPrefix("当年财政拨款 历年结余结转“5万元”") == true)
    }

    @Test("FP108: 执行率 0.9 where the form prints 90.00%")
    func rateAsFraction() throws {
        let rows = funds(rate: "0.9")
        let found = Reviewer.findings(in: cleanUnit(funds: rows), profile: try profile("jilin"), referenceYear: 2025).filter { $0.rule == .rateAsFraction }
        #expect(found.count == 2)
        #expect(found.first?.message.chinese == "当年财政拨款 执行率写作小数“0.9”；表格按百分数打印，应为90%（在WPS/Excel中把单元格格式设为百分比）")
        #expect(try !codes(cleanUnit(funds: funds(rate: "90.00%"))).contains("FP108"))
        #expect(try !codes(cleanUnit(funds: funds(rate: "90"))).contains("FP108"), "a percentage without % is not a fraction")
    }

    @Test("FP109: an amount with more decimals than two is named (it prints as written, not rounded)")
    func amountDecimals() throws {
        var rows = funds()
        rows[0].executed = "132.912"
        let found = Reviewer.findings(in: cleanUnit(funds: rows), profile: try profile("jilin"), referenceYear: 2025).filter { $0.rule == .amountDecimals }
        #expect(found.map(\.path.description) == ["projects[0].funds[0].executed"])
        #expect(found.first?.message.chinese.contains("有3位小数") == true && found.first?.message.chinese.contains("原样打印132.912") == true)
        for written in ["132.910", "132.91", "132.9", "132"] {
            rows[0].executed = written
            #expect(try !codes(cleanUnit(funds: rows)).contains("FP109"), "\(written)")
        }
    }

    @Test(".5 is a number to the checks, as it is to the money column that prints 0.50")
    func leadingDecimalPoint() throws {
        var rows = funds()
        rows[0].executed = ".5"
        #expect(try !codes(cleanUnit(funds: rows)).contains("FP106"))
        #expect(WrittenValue(".5").quantity?.number == Decimal(string: "0.5"))
        #expect(MoneyDigits.twoDecimals(".5") == "0.50")
        #expect(WrittenValue(".").quantity == nil && WrittenValue(".约").quantity == nil)
    }

    @Test("FP508: an evaluated year after, or long before, the filing year")
    func implausibleYear() throws {
        #expect(try codes(cleanUnit(year: 2042)).contains("FP508"))
        #expect(try codes(cleanUnit(year: 2020)).contains("FP508"))
        #expect(try !codes(cleanUnit(year: 2024)).contains("FP508"))
        var dated = cleanUnit(year: 2024)
        dated.signatures.date = "2031年3月1日"
        #expect(try codes(dated).contains("FP508"), "filed in 2031 for 2024")
        dated.signatures.date = "2025年3月1日"
        #expect(try !codes(dated, referenceYear: 2040).contains("FP508"), "the filing date wins over this year")
    }
}
