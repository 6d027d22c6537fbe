import Evaluation
import Testing

/// Issue 14, item 1: `format: money` went through `Double` and `Int`, so a
/// 19-digit amount trapped and 18 digits lost their last ones. Issue 24:
/// 132.912 printed as 132.91 — an amount with more decimals prints as written.
@Suite("Money printed with two decimals, exactly")
struct MoneyDigitsTests {
    @Test("amounts print with two decimals on the written digits", arguments: [
        ("212.4", "212.40"), ("212", "212.00"), ("0", "0.00"), ("1.2500", "1.25"), ("-3.10", "-3.10"), ("-0.000", "0.00"),
        ("99999999999999999999.99", "99999999999999999999.99"), (".5", "0.50"), ("5.", "5.00"), ("007.1", "7.10"),
        (" 3.14 ", "3.14"),
        ("220102199001011234", "220102199001011234.00"),
        ("9223372036854775808", "9223372036854775808.00"),
        ("1234567890123456789012345678901234567890.120", "1234567890123456789012345678901234567890.12"),
    ])
    func exact(written: String, printed: String) {
        #expect(MoneyDigits.twoDecimals(written) == printed)
    }

    @Test("what is not a plain decimal, or would lose a digit, is left as written", arguments: [
        "", "-", ".", "1e5", "约212万", "212万元", "1,234.00", "1.2.3", "1-2", "+5", "nan", "inf", "１２", "--1",
        "132.912", "1.005", "-0.004", "9.995", "0.001",
    ])
    func notPlain(written: String) {
        #expect(MoneyDigits.twoDecimals(written) == nil)
    }
}
