import Foundation

/// Dates and times of date-formatted cells. Excel stores them as day
/// numbers: day 1 is 1900-01-01, and day 60 is the 1900-02-29 that never
/// was (kept for Lotus 1-2-3 compatibility), so later days count from
/// 1899-12-30; workbooks in the 1904 system count from 1904-01-01.
enum DateDisplay {
    static func display(_ serial: Decimal, tokens: [ExcelNumberFormat.Token], date1904: Bool) -> String? {
        let value = NSDecimalNumber(decimal: serial).doubleValue
        guard value >= 0, value < 2_958_466 else { return nil }  // Excel's last day is 9999-12-31
        var days = Int(value.rounded(.down))
        var seconds = Int(((value - Double(days)) * 86_400).rounded())
        if seconds == 86_400 { days += 1; seconds = 0 }
        var components = DateComponents()
        if date1904 {
            components = dayComponents(from: days, base: (1904, 1, 1))
        } else if days == 60 {
            (components.year, components.month, components.day) = (1900, 2, 29)
        } else {
            components = dayComponents(from: days, base: days < 60 ? (1899, 12, 31) : (1899, 12, 30))
        }
        let hour = seconds / 3600, minute = seconds / 60 % 60, second = seconds % 60
        let twelveHour = tokens.contains(.date("AM/PM")) || tokens.contains(.date("上午/下午"))
        var result = ""
        for (index, token) in tokens.enumerated() {
            switch token {
            case .literal(let text): result += text
            case .date(let code):
                result += part(code, index: index, tokens: tokens, components, hour: hour, minute: minute, second: second,
                               twelveHour: twelveHour, elapsedHours: days * 24 + hour)
            case .digit("0"):
                // Fractions of a second ("ss.0"); shown as zero.
                result += "0"
            case .decimalPoint: result += "."
            default: break
            }
        }
        return result
    }

    private static func dayComponents(from days: Int, base: (Int, Int, Int)) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.date(from: DateComponents(year: base.0, month: base.1, day: base.2))!
        let date = calendar.date(byAdding: .day, value: days, to: start)!
        return calendar.dateComponents([.year, .month, .day, .weekday], from: date)
    }

    private static func part(_ code: String, index: Int, tokens: [ExcelNumberFormat.Token], _ date: DateComponents,
                             hour: Int, minute: Int, second: Int, twelveHour: Bool, elapsedHours: Int) -> String {
        func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
        let year = date.year ?? 1900, month = date.month ?? 1, day = date.day ?? 1
        let clockHour = twelveHour ? (hour % 12 == 0 ? 12 : hour % 12) : hour
        let weekdays = ["日", "一", "二", "三", "四", "五", "六"]
        switch code {
        case "yy": return two(year % 100)
        case "y", "yyy", "yyyy": return String(year)
        case "m", "mm":
            // "m" is minutes right after hours or right before seconds.
            let dateCodes = tokens.compactMap { if case .date(let c) = $0 { c } else { nil } }
            let position = tokens[..<index].compactMap { if case .date(let c) = $0 { c } else { nil } }.count
            let previous = position > 0 ? dateCodes[position - 1] : ""
            let next = position + 1 < dateCodes.count ? dateCodes[position + 1] : ""
            let isMinute = previous.hasPrefix("h") || previous.hasPrefix("[h") || next.hasPrefix("s")
            let number = isMinute ? minute : month
            return code == "mm" ? two(number) : String(number)
        case "mmm", "mmmm", "mmmmm": return "\(month)月"
        case "d": return String(day)
        case "dd": return two(day)
        case "ddd": return "周" + weekdays[(date.weekday ?? 1) - 1]
        case "dddd": return "星期" + weekdays[(date.weekday ?? 1) - 1]
        case "aaa": return weekdays[(date.weekday ?? 1) - 1]
        case "aaaa": return "星期" + weekdays[(date.weekday ?? 1) - 1]
        case "h": return String(clockHour)
        case "hh": return two(clockHour)
        case "[h]", "[hh]": return String(elapsedHours)
        case "[m]", "[mm]": return String(elapsedHours * 60 + minute)
        case "s": return String(second)
        case "ss": return two(second)
        case "AM/PM": return hour < 12 ? "AM" : "PM"
        case "上午/下午": return hour < 12 ? "上午" : "下午"
        default: return ""
        }
    }
}
