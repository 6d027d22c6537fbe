import Evaluation
import Foundation
import Testing

/// Issue 14: "-12.5" was reported as "not a number" (FP106).
@Suite("Negative numbers")
struct NegativeNumberTests {
    @Test("a minus sign before digits makes a negative number", arguments: [
        ("-12.5", Decimal(string: "-12.5")!, "-12.5", ""), ("-125.00%", Decimal(-125), "-125.00", "%"),
        ("－3万元", Decimal(-3), "-3", "万元"), ("−0.5", Decimal(string: "-0.5")!, "-0.5", ""),
    ])
    func negative(text: String, number: Decimal, digits: String, unit: String) throws {
        let quantity = try #require(WrittenValue(text).quantity, "\(WrittenValue(text).reading)")
        #expect(quantity.number == number)
        #expect(quantity.digits == digits)
        #expect(quantity.unit.symbol == unit)
    }

    @Test("a lone dash is still a placeholder, and a dash before text is text", arguments: ["-", "--", "-无"])
    func notNumbers(text: String) {
        #expect(WrittenValue(text).quantity == nil)
    }
}
