import Foundation
import Layout
import TestSupport
import Testing

@testable import Rendering

/// Measuring many characters in one shaping pass must give exactly what
/// measuring each alone gives: otherwise output would depend on which text
/// a renderer met first.
@Suite(.serialized)
struct TypesetterTests {
    @Test("advances measured in context equal advances measured alone, for every face", arguments: FontFamily.allCases)
    func contextFreeAdvances(family: FontFamily) throws {
        let fonts = try FontLibrary(directory: RenderingTests.fonts)
        let text = try String(contentsOf: RepositoryPaths.exampleUnit, encoding: .utf8) + "，。、；：？！（）《》「」“”‘’—…·　"
        let characters = Array(Set(text.filter { !$0.isASCII && !$0.isNewline && !$0.isWhitespace || $0 == "\u{3000}" }))
        let font = FontSpec(family: family, bold: false, size: .pt(16), tracking: .pt(-0.21))
        let batched = try Typesetter(fonts: fonts), alone = try Typesetter(fonts: fonts)
        batched.prepare(String(characters), font: font)
        // The one pass measured them (not the one-by-one path afterwards).
        #expect(batched.measuredCount(font) >= characters.count - 5, "\(batched.measuredCount(font)) of \(characters.count)")
        var differing: [String] = []
        for character in characters {
            let a = try batched.advance(of: character, font: font), b = try alone.advance(of: character, font: font)
            if abs(a.points - b.points) > 1e-6 { differing.append("\(character) \(a.points) vs \(b.points)") }
        }
        #expect(differing.isEmpty, "\(differing.prefix(10))")
        #expect(characters.count > 300)
    }
}
