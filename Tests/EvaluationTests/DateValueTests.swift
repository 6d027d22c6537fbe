import Evaluation
import Testing

/// A target written as a date ("≤2024年12月", "2024年12月前", "2024-12") is a
/// time, never the number 2024: read as one, and kept whole when a form
/// prints the parts of a target in columns of their own (四川 指标性质 |
/// 指标值 | 度量单位).
@Suite("Dates in written values: read as times, kept whole in the parts of a target")
struct DateValueTests {
    static let splits: [(text: String, parts: [String])] = [
        // Dates keep their text whole: comparator | the whole date | no unit.
        ("≤2024年12月", ["≤", "2024年12月", ""]),
        ("<=2024年12月", ["<=", "2024年12月", ""]),
        ("2024年12月前", ["", "2024年12月前", ""]),
        ("≤2024年12月31日", ["≤", "2024年12月31日", ""]),
        ("2024年底", ["", "2024年底", ""]),
        ("2024年以前", ["", "2024年以前", ""]),
        ("≤ 2024-12", ["≤", "2024-12", ""]),
        ("=2024年度", ["=", "2024年度", ""]),
        // A bare year still prints as a number of 年; other values as before.
        ("=2025年", ["=", "2025", "年"]),
        (">=12次", [">=", "12", "次"]),
        ("≥98%", ["≥", "98", "%"]),
        ("≤3年", ["≤", "3", "年"]),
        ("明显提升", ["", "明显提升", ""]),
    ]

    @Test("how a target splits into comparator | number | unit", arguments: splits)
    func parts(text: String, parts: [String]) {
        let split = WrittenValueParts(text)
        #expect([split.comparator, split.number, split.unit] == parts)
    }

    @Test("the parts join back into the written text", arguments: splits.map(\.text))
    func joinsBack(text: String) {
        #expect(WrittenValueParts(text).text == text.filter { $0 != " " })
        // Read from three columns, the value means what the whole text means.
        #expect(WrittenValue(WrittenValueParts(text).text).reading == WrittenValue(text.filter { $0 != " " }).reading)
    }

    @Test("a date split over three columns reads as a time, not as 2024", arguments: ["≤2024年12月", "2024年12月前", "≤2024-12"])
    func dateIsTime(text: String) throws {
        let value = WrittenValue(WrittenValueParts(text).text)
        let time = try #require(value.time)
        #expect(time.point == CalendarPoint(year: 2024, month: 12))
        #expect(value.quantity == nil)
        #expect(value.number == nil)
    }

    @Test("numeric dates: 2024-12, 2024-12-31, 2024/12 and an ending are times")
    func numericDates() {
        #expect(WrittenValue("2024-12").time?.point == CalendarPoint(year: 2024, month: 12))
        #expect(WrittenValue("2024-12-31").time?.point == CalendarPoint(year: 2024, month: 12, day: 31))
        #expect(WrittenValue("2024/6").time?.point == CalendarPoint(year: 2024, month: 6))
        #expect(WrittenValue("≤2024-12").time?.comparator == .atMost)
        #expect(WrittenValue("2024-12前").time?.point == CalendarPoint(year: 2024, month: 12))
        #expect(WrittenValue("2024-12").assumptions.isEmpty)
    }

    @Test("what is no date stays as it was: impossible months, year ranges, mixed separators",
          arguments: ["2024-13", "2020-2024", "2024-12/31", "2024-12-32", "2024-1-2-3"])
    func notDates(text: String) {
        #expect(WrittenValue(text).time == nil)
        #expect(WrittenValueParts(text).text == text)
    }
}
