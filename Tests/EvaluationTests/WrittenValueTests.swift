import Evaluation
import Foundation
import Testing

/// Reading 指标值/完成值 into data: every notation of reference §6.2/§6.3.
@Suite("Written values: comparators, numbers, units, times, qualitative text")
struct WrittenValueTests {
    /// Every written comparator form and what it reads as.
    static let comparatorForms: [(String, ValueComparator)] = [
        ("=", .equal), ("＝", .equal), (">=", .atLeast), ("≥", .atLeast), ("＞＝", .atLeast), (">", .greater),
        ("＞", .greater), ("<=", .atMost), ("≤", .atMost), ("＜＝", .atMost), ("<", .less), ("＜", .less),
        ("不低于", .atLeast), ("不超过", .atMost),
    ]

    @Test("each comparator form reads, without an assumption", arguments: comparatorForms)
    func comparators(form: String, comparator: ValueComparator) throws {
        let value = WrittenValue("\(form)98%")
        let quantity = try #require(value.quantity, "\(form)98% did not read as a quantity: \(value.reading)")
        #expect(quantity.comparator == comparator)
        #expect(quantity.number == 98)
        #expect(quantity.unit == .percent)
        #expect(value.assumptions.isEmpty)
        #expect(value.text == "\(form)98%")
    }

    @Test("no comparator, and comparators written after the number")
    func suffixComparators() {
        #expect(WrittenValue("56人").quantity == Quantity(number: 56, digits: "56", unit: MeasureUnit("人")))
        #expect(WrittenValue("95%以上").quantity?.comparator == .atLeast)
        #expect(WrittenValue("95%以上").quantity?.unit == .percent)
        #expect(WrittenValue("10天以内").quantity?.comparator == .atMost)
        #expect(WrittenValue("10天以内").quantity?.unit == MeasureUnit("天"))
    }

    @Test("the seed's values")
    func seedValues() {
        #expect(WrittenValue("=56人").normalized == "=56人")
        #expect(WrittenValue(">=64.4万元").quantity?.number == Decimal(string: "64.4"))
        #expect(WrittenValue(">=64.4万元").quantity?.unit.yuanPerUnit == 10_000)
        #expect(WrittenValue("14.4万元").quantity?.amount == "14.4万元")
        #expect(WrittenValue("212.40").quantity?.digits == "212.40", "the written precision is kept")
        #expect(WrittenValue("81.06%").quantity?.number == Decimal(string: "81.06"))
        #expect(WrittenValue(">95%").quantity?.comparator?.isStrict == true)
    }

    @Test("almost-numbers read with a warning that says what was assumed")
    func almostNumbers() {
        let strayPoint = WrittenValue(">=148.万元")
        #expect(strayPoint.quantity?.number == 148)
        #expect(strayPoint.quantity?.unit == MeasureUnit("万元"))
        #expect(strayPoint.normalized == "≥148万元")
        #expect(strayPoint.assumptions == [.strayDecimalPoint])
        #expect(strayPoint.text == ">=148.万元", "the original text is kept for printing")

        let word = WrittenValue("≥100百分比")
        #expect(word.quantity?.unit == .percent)
        #expect(word.assumptions == [.unitWord(written: "百分比", read: "%")])

        let fullWidth = WrittenValue("≥１００％")
        #expect(fullWidth.quantity?.number == 100)
        #expect(fullWidth.quantity?.unit == .percent)
        #expect(fullWidth.assumptions == [.fullWidthDigits])

        let grouped = WrittenValue("1,200万元")
        #expect(grouped.quantity?.number == 1200)
        #expect(grouped.assumptions == [.groupingSeparators])
    }

    @Test("clean numbers carry no assumption", arguments: ["148万元", "0.00", "81.06%", "≥50个", "≤90万元", "=100%", "1000"])
    func cleanNumbers(text: String) {
        #expect(WrittenValue(text).quantity != nil)
        #expect(WrittenValue(text).assumptions.isEmpty)
    }

    @Test("time targets and results")
    func times() {
        #expect(WrittenValue("=2025年").time?.point == CalendarPoint(year: 2025))
        #expect(WrittenValue("=2025年").time?.comparator == .equal)
        #expect(WrittenValue("2024年12月(计划标准)").time?.point == CalendarPoint(year: 2024, month: 12))
        #expect(WrittenValue("2024年12月31日").time?.point == CalendarPoint(year: 2024, month: 12, day: 31))
        #expect(WrittenValue("2024年底").time?.point == CalendarPoint(year: 2024))
        #expect(WrittenValue("2024年度").time?.point == CalendarPoint(year: 2024))
        // Impossible months and days are text, not a year.
        #expect(WrittenValue("2024年13月").time == nil)
        #expect(WrittenValue("2024年12月32日").time == nil)
        // A number of years is a duration, not a calendar year.
        #expect(WrittenValue("≥3年").quantity?.unit == MeasureUnit("年"))
        #expect(WrittenValue("≥3年").time == nil)
    }

    @Test("calendar points compare at the precision both share")
    func calendarComparison() {
        #expect(CalendarPoint(year: 2024).compare(CalendarPoint(year: 2025)) == .before)
        #expect(CalendarPoint(year: 2024).compare(CalendarPoint(year: 2024, month: 12)) == .same)
        #expect(CalendarPoint(year: 2024, month: 3).compare(CalendarPoint(year: 2024, month: 12)) == .before)
        #expect(CalendarPoint(year: 2026).compare(CalendarPoint(year: 2025, month: 12)) == .after)
    }

    @Test("qualitative values, placeholders and empty cells")
    func qualitative() {
        #expect(WrittenValue("严格执行相关制度规定").reading == .qualitative("严格执行相关制度规定"))
        #expect(WrittenValue("达成年度指标").reading == .qualitative("达成年度指标"))
        #expect(WrittenValue("2024年政数局综合类项目").reading == .qualitative("2024年政数局综合类项目"))
        #expect(WrittenValue("56人，全部到位").reading == .qualitative("56人，全部到位"))
        #expect(WrittenValue("≥较好").reading == .qualitative("≥较好"))
        #expect(WrittenValue("≥较好").assumptions == [.comparatorOnText])
        #expect(WrittenValue("—").reading == .placeholder)
        #expect(WrittenValue("/").reading == .placeholder)
        #expect(WrittenValue("  ").reading == .empty)
        #expect(WrittenValue("").isBlank)
    }

    @Test("remarks in parentheses are kept apart from the unit")
    func remarks() {
        let value = WrittenValue("100%(历史标准)")
        #expect(value.quantity?.unit == .percent)
        #expect(value.quantity?.remark == "历史标准")
    }

    @Test("units compare as money or as themselves")
    func unitFactors() {
        #expect(MeasureUnit("万元").factor(from: MeasureUnit("元")) == Decimal(string: "0.0001"))
        #expect(MeasureUnit("元").factor(from: MeasureUnit("万元")) == 10_000)
        #expect(MeasureUnit("%").factor(from: .none) == 1)
        #expect(MeasureUnit("人").factor(from: MeasureUnit("个")) == nil)
    }

    @Test("rounding is half away from zero on exact decimals")
    func rounding() throws {
        let rate = try #require(Decimal(string: "172.18")) / 212.40 * 100
        #expect(rate.fixed(places: 2) == "81.06")
        #expect(try #require(Decimal(string: "8.105")).fixed(places: 2) == "8.11")
        #expect(Decimal(12.5).fixed(places: 2) == "12.50")
        #expect(Decimal(10).fixed(places: 2) == "10.00")
        #expect(Decimal(10).trimmed(places: 2) == "10")
        #expect(Decimal(12.5).trimmed(places: 2) == "12.5")
        #expect(Decimal.places(in: "81.06") == 2)
        #expect(Decimal.places(in: "8") == 0)
    }
}
