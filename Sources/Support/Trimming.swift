import Foundation

extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)`, without Foundation's work for
    /// a text whose ends are no white space — nearly every value a unit
    /// file or a layout holds. Foundation's first trim in a process cost
    /// 0.86 M instructions, and each later one builds a new String (issue 25).
    package func trimmingSpaces() -> String {
        endsMayBeSpace ? trimmingCharacters(in: .whitespaces) : String(self)
    }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, the same way.
    package func trimmingSpacesAndNewlines() -> String {
        endsMayBeSpace ? trimmingCharacters(in: .whitespacesAndNewlines) : String(self)
    }

    /// Whether the first or last scalar is, or ever was, Unicode white
    /// space or a newline: a superset of both of Foundation's sets, so a
    /// text for which this is false is the same trimmed by either.
    /// `FastPathEquivalenceTests` checks both against Foundation.
    private var endsMayBeSpace: Bool {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return false }
        func mayBeSpace(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0...0x20, 0x85, 0xA0, 0x1680, 0x180E, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: true
            default: false
            }
        }
        return mayBeSpace(first) || mayBeSpace(last)
    }
}
