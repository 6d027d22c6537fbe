import Foundation
import Support

/// `SOURCE_DATE_EPOCH` (reproducible-builds.org): the creation date written
/// into every file, as whole seconds since 1970-01-01 UTC. Only a plausible
/// integer is taken: "nan", "inf" and "1e300" trapped in the date arithmetic,
/// a millisecond epoch wrote a date 50 000 years ahead, and "abc" was
/// silently ignored (issue 14).
package enum SourceDateEpoch {
    /// The latest second a PDF date can write: 9999-12-31T23:59:59Z.
    package static let latest = 253_402_300_799

    /// The variable's name.
    package static let variable = "SOURCE_DATE_EPOCH"

    /// The process environment as far as the creation date reads it.
    package static func environment() -> [String: String] {
        EnvironmentVariables.named([variable])
    }

    /// The date `SOURCE_DATE_EPOCH` sets, nil when it is not set (or empty,
    /// which build tools use for "not set").
    package static func fromEnvironment(_ environment: [String: String] = environment()) throws(FormPrintError) -> Date? {
        guard let text = environment[variable], !text.isEmpty else { return nil }
        return try parse(text)
    }

    /// Whole seconds, 0 to `latest`, in ASCII digits.
    package static func parse(_ text: String) throws(FormPrintError) -> Date {
        guard !text.isEmpty, text.utf8.count <= 12, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              let seconds = Int(text), seconds <= latest else {
            throw FormPrintError.badSourceDateEpoch(text)
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
