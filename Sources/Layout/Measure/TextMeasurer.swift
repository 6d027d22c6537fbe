/// Measures text for the layout engine. Production uses Pango over the
/// bundled fonts (in `Rendering`); tests use a fixed-advance measurer, so
/// most layout tests run without fonts. Line breaking itself is
/// FormPrint's (`LineBreaker`), so the Chinese rules hold in every cell.
package protocol TextMeasurer {
    /// The advance of one character, tracking included.
    func advance(of character: Character, font: FontSpec) throws(MeasureError) -> Length
    /// The advance width of `text` set on one line.
    func width(of text: String, font: FontSpec) throws(MeasureError) -> Length
    /// A hint that the characters of `text` are about to be measured one by
    /// one: a measurer may measure them all in one pass.
    func prepare(_ text: String, font: FontSpec)
    /// `text` broken into lines no wider than `width` by `LineBreaker`; a
    /// measurer may remember the answer (forms repeat their labels).
    func lines(of text: String, font: FontSpec, width: Length) throws(MeasureError) -> [TextLine]
}

extension TextMeasurer {
    package func prepare(_ text: String, font: FontSpec) {}

    package func lines(of text: String, font: FontSpec, width: Length) throws(MeasureError) -> [TextLine] {
        try breakLines(text, font: font, width: width)
    }

    /// Breaks `text` into lines no wider than `width`; explicit newlines
    /// always break.
    package func breakLines(_ text: String, font: FontSpec, width: Length) throws(MeasureError) -> [TextLine] {
        try LineBreaker(measurer: self, font: font, width: width).lines(of: text)
    }
}

package struct TextLine: Sendable, Hashable {
    package var text: String
    package var width: Length

    package init(text: String, width: Length) {
        self.text = text
        self.width = width
    }
}

package enum MeasureError: Error, Sendable, Equatable {
    /// Characters that no bundled font has a glyph for.
    case missingGlyphs([Character])
}
