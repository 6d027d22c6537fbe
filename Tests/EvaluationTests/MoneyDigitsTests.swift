import Evaluation
import Testing

/// Issue 14, item 1: `format: money` went through `Double` and `Int`, so a
/// 19-digit amount trapped and 18 digits lost their last ones.
@Suite("Money printed with two decimals, exactly")
struct MoneyDigitsTests {
    @Test("amounts round half away from zero on the written digits", arguments: [
        ("212.4", "212.40"), ("212", "212.00"), ("0", "0.00"), ("1.005", "1.01"), ("1.004999", "1.00"),
        ("2.675", "2.68"), ("-1.005", "-1.01"), ("-0.004", "0.00"), ("-0.005", "-0.01"), ("9.995", "10.00"),
        ("99999999999999999999.995", "100000000000000000000.00"), (".5", "0.50"), ("5.", "5.00"), ("007.1", "7.10"),
        (" 3.14159 ", "3.14"),
        ("220102199001011234", "220102199001011234.00"),
        ("9223372036854775808", "9223372036854775808.00"),
        ("1234567890123456789012345678901234567890.125", "1234567890123456789012345678901234567890.13"),
    ])
    func exact(written: String, printed: String) {
        #expect(MoneyDigits.twoDecimals(written) == printed)
    }

    @Test("what is not a plain decimal is left as written", arguments: [
        "", "-", ".", "1e5", "约212万", "212万元", "1,234.00", "1.2.3", "1-2", "+5", "nan", "inf", "１２", "--1",
    ])
    func notPlain(written: String) {
        #expect(MoneyDigits.twoDecimals(written) == nil)
    }
}
