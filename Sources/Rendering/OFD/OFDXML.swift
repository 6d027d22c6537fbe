import Foundation

/// Text for OFD's XML files (escaped by `MarkupEscaping.xml`): numbers in millimetres written
/// the same way on every machine.
enum OFDXML {
    static let namespace = "http://www.ofdspec.org/2016"
    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

    /// Points (1/72 inch) to millimetres.
    static let millimetresPerPoint = 25.4 / 72

    /// A length in millimetres with at most three decimals (1 µm), trailing
    /// zeros dropped: "12.5", "0.176", "210".
    static func number(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(format: "%.3f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    static func millimetres(_ points: Double) -> String { number(points * millimetresPerPoint) }
}
