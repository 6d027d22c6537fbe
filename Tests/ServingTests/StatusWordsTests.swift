import Batch
import Evaluation
import FormPrint
import Testing

@testable import Serving

/// Issue 27: one word per status. The desk's table of units and the
/// batch's findings.xlsx/html name a unit's standing with the same word.
struct StatusWordsTests {
    @Test("the desk's statuses are the findings report's words, in both languages")
    func deskSaysWhatTheReportSays() {
        let pairs: [(UnitStatus, ReviewStatus)] = [(.errors, .errors), (.notSubmitted, .notSubmitted), (.warnings, .warnings), (.clean, .clean)]
        for (desk, report) in pairs {
            for language in Language.allCases {
                #expect(desk.name(language) == report.word.text(in: language), "\(desk) in \(language)")
            }
        }
        #expect(ReviewStatus.clean.word.chinese == "通过")
    }
}
