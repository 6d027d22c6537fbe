import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Support
import Testing
import Yams

/// The one escaping module (Support/Escaping): XML, HTML and YAML text each
/// read back as what was written, by a real parser of that language.
@Suite("Escaping text for XML, HTML and YAML")
struct EscapingTests {
    /// Scalars that have broken one writer or another: markup, quotes,
    /// controls, separators, the byte-order mark, CJK and a supplementary
    /// ideograph with its variation selector.
    static let awkward: [Unicode.Scalar] = [
        "&", "<", ">", "\"", "'", "\\", "\t", "\n", "\r", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}", "\u{85}",
        "\u{A0}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{3000}", "a", " ", "#", ":", "-", "%", "元", "葛", "\u{E0100}",
        "\u{20BB7}", "1", ".",
    ]

    static func randomText(_ random: inout SplitMix64) -> String {
        var text = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...12, using: &random) { text.append(random.pick(awkward)) }
        return String(text)
    }

    @Test("XML drops the controls XML 1.0 cannot hold and escapes the four markup characters")
    func xmlEscapes() {
        #expect(MarkupEscaping.xml("a&b<c>\"d'\u{1}\te\r\n") == "a&amp;b&lt;c&gt;&quot;d'&#9;e&#13;&#10;")
    }

    @Test("HTML escapes the single quote as well and keeps every other character")
    func htmlEscapes() {
        #expect(MarkupEscaping.html("<a href='x'>\"&\u{1}") == "&lt;a href=&#39;x&#39;&gt;&quot;&amp;\u{1}")
    }

    @Test("random XML text and attributes read back through XMLParser as written, less the dropped controls", arguments: 0..<4)
    func xmlRoundTrips(seed: UInt64) throws {
        var random = SplitMix64(mixing: seed)
        for _ in 0..<200 {
            let text = Self.randomText(&random)
            let document = "<r a=\"\(MarkupEscaping.xml(text))\">\(MarkupEscaping.xml(text))</r>"
            let reader = TextCollector()
            let parser = XMLParser(data: Data(document.utf8))
            parser.delegate = reader
            #expect(parser.parse(), "\(text.debugDescription)")
            let kept = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 || "\t\n\r".unicodeScalars.contains($0) }))
            #expect(reader.text == kept, "\(text.debugDescription) read as \(reader.text.debugDescription)")
            #expect(reader.attribute == kept, "\(text.debugDescription) read as \(reader.attribute.debugDescription)")
        }
    }

    @Test("random YAML scalars, plain or quoted, read back through Yams as written", arguments: 0..<4)
    func yamlRoundTrips(seed: UInt64) throws {
        var random = SplitMix64(mixing: seed)
        for _ in 0..<200 {
            let text = Self.randomText(&random)
            // Yams drops a scalar's leading U+FEFF: it decodes the scalar with
            // Foundation's String(bytes:encoding:), which takes it for a
            // byte-order mark. Invisible, and printed as nothing.
            guard text.unicodeScalars.first != "\u{FEFF}" else { continue }
            // The scalar's text as YAML reads it (compose: no conversion to numbers).
            let block = try Yams.compose(yaml: "key: \(YAMLScalar.format(text))\n")
            #expect(block?["key"]?.scalar?.string == text, "\(text.debugDescription) → \(YAMLScalar.format(text))")
            let flow = try Yams.compose(yaml: "{key: \(YAMLScalar.format(text, inFlow: true))}\n")
            #expect(flow?["key"]?.scalar?.string == text, "\(text.debugDescription) → \(YAMLScalar.format(text, inFlow: true))")
        }
    }
}

/// The character data of a parsed document.
private final class TextCollector: NSObject, XMLParserDelegate {
    var text = ""
    var attribute = ""
    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        attribute = attributes["a"] ?? ""
    }
}
