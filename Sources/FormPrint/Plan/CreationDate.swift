import Foundation
import Rendering

extension UnitPlan {
    /// The creation date of a unit's files: `SOURCE_DATE_EPOCH` when set,
    /// else 1 January of the year after the evaluated year — fixed per
    /// input, so identical input gives identical bytes. Decided with the
    /// plan, so that the writers are handed a date and read no clock or
    /// environment themselves.
    package static func creationDate(year: Int, environment: [String: String] = SourceDateEpoch.environment()) -> Date {
        // The commands refuse a value that is not plausible before rendering;
        // a library caller with one gets the year's date, as before.
        if let epoch = try? SourceDateEpoch.fromEnvironment(environment) { return epoch }
        return PDFDate.startOfYear(year + 1)
    }
}
