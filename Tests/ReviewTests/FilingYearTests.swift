import Foundation
import Testing

@testable import Review

/// FP508's filing year is scanned by hand, not by a regular expression
/// (compiling it was 6 % of a fresh `render`): it finds what the pattern
/// `(19|20)\d\d(?=年)` found, full-width digits and near misses included.
struct FilingYearTests {
    static let samples = ["2025年3月1日", "填报日期：2024年12月31日", "1999年", "2100年", "202年", "20２５年3月", "２０２５年",
                          "2025 年", "2025", "", "年2025年", "3020251年", "19年2018年", "二〇二五年", "20𝟚𝟝年", "12025年"]

    @Test("the scan gives the year the pattern gave", arguments: samples)
    func sameAsThePattern(text: String) {
        let range = text.range(of: #"(19|20)\d\d(?=年)"#, options: .regularExpression)
        #expect(EntryChecks.filingYear(text) == range.flatMap { Int(text[$0]) })
    }
}
