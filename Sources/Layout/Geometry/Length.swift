/// A length in PostScript points (1/72 inch), the unit of Cairo's PDF
/// surface. Official forms are specified in millimetres, so `mm` is the
/// usual constructor.
package struct Length: Sendable, Hashable, Comparable, CustomStringConvertible {
    package var points: Double

    package init(points: Double) { self.points = points }

    package static func pt(_ value: Double) -> Length { Length(points: value) }
    package static func mm(_ value: Double) -> Length { Length(points: value * 72 / 25.4) }
    package static let zero = Length(points: 0)

    package var millimetres: Double { points * 25.4 / 72 }

    /// Two lengths closer than this are equal when deciding whether
    /// something fits: float sums of row heights drift by far less.
    package static let tolerance = 0.01

    /// `self` fits in `available`, allowing for float rounding.
    package func fits(in available: Length) -> Bool { points <= available.points + Self.tolerance }

    package static func < (a: Length, b: Length) -> Bool { a.points < b.points }
    package static func + (a: Length, b: Length) -> Length { Length(points: a.points + b.points) }
    package static func - (a: Length, b: Length) -> Length { Length(points: a.points - b.points) }
    package static func * (a: Length, b: Double) -> Length { Length(points: a.points * b) }
    package static func / (a: Length, b: Double) -> Length { Length(points: a.points / b) }
    package static func += (a: inout Length, b: Length) { a.points += b.points }
    package static func -= (a: inout Length, b: Length) { a.points -= b.points }

    package var description: String {
        let mm = (millimetres * 10).rounded() / 10
        return "\(mm)mm"
    }

    /// Parses "20mm", "1.5cm", "10.5pt", "1in"; nil when malformed.
    package init?(parsing text: String) {
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

package struct Point: Sendable, Hashable {
    package var x: Length
    package var y: Length
    package init(x: Length, y: Length) {
        self.x = x
        self.y = y
    }
}

package struct Size: Sendable, Hashable {
    package var width: Length
    package var height: Length
    package init(width: Length, height: Length) {
        self.width = width
        self.height = height
    }

    package static let a4Portrait = Size(width: .mm(210), height: .mm(297))
    package static let a4Landscape = Size(width: .mm(297), height: .mm(210))
}

package struct Rect: Sendable, Hashable {
    package var origin: Point
    package var size: Size
    package init(x: Length, y: Length, width: Length, height: Length) {
        origin = Point(x: x, y: y)
        size = Size(width: width, height: height)
    }
    package var minX: Length { origin.x }
    package var minY: Length { origin.y }
    package var maxX: Length { origin.x + size.width }
    package var maxY: Length { origin.y + size.height }
}
