import Foundation

/// The process environment, read a variable at a time.
///
/// `ProcessInfo.processInfo.environment` copies the whole environment into
/// a new dictionary on every call: 0.37 M instructions with a shell's usual
/// 35 variables, and a fresh `render` asked for it 14 times, each time for
/// one or two names (5.2 M in all, issue 25). `getenv` reads the one name
/// where it is, and still sees a variable a test sets after start.
package enum EnvironmentVariables {
    /// The variable's value, nil when it is not set.
    package static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The named variables that are set, for the functions that take an
    /// environment as a dictionary (so that tests can hand them one).
    package static func named(_ names: [String]) -> [String: String] {
        var values: [String: String] = [:]
        for name in names {
            if let value = value(name) { values[name] = value }
        }
        return values
    }
}
