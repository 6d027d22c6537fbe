/// A point in time as time targets write it: "2025年", "2024年12月",
/// "2024年12月31日". Missing parts mean "some time in": "2024年" is the
/// whole year, so "2024年12月" is within it, not after it.
public struct CalendarPoint: Sendable, Hashable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    public var description: String {
        var text = "\(year)年"
        if let month { text += "\(month)月" }
        if let day { text += "\(day)日" }
        return text
    }

    /// Compares at the precision both points share: 2024年 and 2024年12月
    /// are the same; 2024年 comes before 2025年3月.
    public func compare(_ other: CalendarPoint) -> ComparisonResult {
        func order(_ a: Int, _ b: Int) -> ComparisonResult? {
            a < b ? .before : a > b ? .after : nil
        }
        if let result = order(year, other.year) { return result }
        guard let month, let otherMonth = other.month else { return .same }
        if let result = order(month, otherMonth) { return result }
        guard let day, let otherDay = other.day else { return .same }
        return order(day, otherDay) ?? .same
    }

    public enum ComparisonResult: Sendable, Equatable {
        case before, same, after
    }

    /// Years that read as calendar years rather than as a count of years
    /// ("2025年" is a year, "3年" a duration).
    public static let plausibleYears = 1900...2100
}
