import Foundation

/// Text for OFD's XML files: escaped, numbers in millimetres written
/// the same way on every machine.
enum OFDXML {
    static let namespace = "http://www.ofdspec.org/2016"
    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            // XML 1.0 has no other control characters; a unit file cannot print them either.
            case _ where scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

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
