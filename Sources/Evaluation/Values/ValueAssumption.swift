/// Something FormPrint had to assume to read a value that is almost, but
/// not quite, a number as the forms write numbers. Each becomes a warning
/// that says what was read, so the unit can check it or fix the text.
public enum ValueAssumption: Sendable, Hashable {
    /// A "." with no digits after it ("148." read as 148).
    case strayDecimalPoint
    /// A unit written as a word ("百分比" read as "%").
    case unitWord(written: String, read: String)
    /// Full-width digits or decimal point ("１００" read as 100).
    case fullWidthDigits
    /// Digit-group separators ("1,000" read as 1000).
    case groupingSeparators
    /// A comparator in front of text that is not a number ("≥较好"): the
    /// value is read as qualitative.
    case comparatorOnText
}
