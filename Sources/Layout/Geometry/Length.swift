/// A length in PostScript points (1/72 inch), the unit of Cairo's PDF
/// surface. Official forms are specified in millimetres, so `mm` is the
/// usual constructor.
public struct Length: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var points: Double

    public init(points: Double) { self.points = points }

    public static func pt(_ value: Double) -> Length { Length(points: value) }
    public static func mm(_ value: Double) -> Length { Length(points: value * 72 / 25.4) }
    public static let zero = Length(points: 0)

    public var millimetres: Double { points * 25.4 / 72 }

    /// Two lengths closer than this are equal when deciding whether
    /// something fits: float sums of row heights drift by far less.
    public static let tolerance = 0.01

    /// `self` fits in `available`, allowing for float rounding.
    public func fits(in available: Length) -> Bool { points <= available.points + Self.tolerance }

    public static func < (a: Length, b: Length) -> Bool { a.points < b.points }
    public static func + (a: Length, b: Length) -> Length { Length(points: a.points + b.points) }
    public static func - (a: Length, b: Length) -> Length { Length(points: a.points - b.points) }
    public static func * (a: Length, b: Double) -> Length { Length(points: a.points * b) }
    public static func / (a: Length, b: Double) -> Length { Length(points: a.points / b) }
    public static func += (a: inout Length, b: Length) { a.points += b.points }
    public static func -= (a: inout Length, b: Length) { a.points -= b.points }

    public var description: String {
        let mm = (millimetres * 10).rounded() / 10
        return "\(mm)mm"
    }

    /// Parses "20mm", "1.5cm", "10.5pt", "1in"; nil when malformed.
    public init?(parsing text: String) {
        let units: [(String, Double)] = [("mm", 72 / 25.4), ("cm", 720 / 25.4), ("pt", 1), ("in", 72)]
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            let number = text.dropLast(suffix.count).trimmingSpaces
            guard let value = Double(number), value.isFinite else { return nil }
            self.init(points: value * factor)
            return
        }
        return nil
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var text = self
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return text
    }
}

public struct Point: Sendable, Hashable {
    public var x: Length
    public var y: Length
    public init(x: Length, y: Length) {
        self.x = x
        self.y = y
    }
}

public struct Size: Sendable, Hashable {
    public var width: Length
    public var height: Length
    public init(width: Length, height: Length) {
        self.width = width
        self.height = height
    }

    public static let a4Portrait = Size(width: .mm(210), height: .mm(297))
    public static let a4Landscape = Size(width: .mm(297), height: .mm(210))
}

public struct Rect: Sendable, Hashable {
    public var origin: Point
    public var size: Size
    public init(x: Length, y: Length, width: Length, height: Length) {
        origin = Point(x: x, y: y)
        size = Size(width: width, height: height)
    }
    public var minX: Length { origin.x }
    public var minY: Length { origin.y }
    public var maxX: Length { origin.x + size.width }
    public var maxY: Length { origin.y + size.height }
}
