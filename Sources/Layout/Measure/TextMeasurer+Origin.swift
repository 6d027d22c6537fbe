/// Measuring and setting text whose place in the input is known: a missing
/// glyph becomes a `LayoutFailure` that names that place and quotes the
/// text, so the person fixing the input finds it.
extension TextMeasurer {
    /// The width of `text` on one line, its missing glyphs reported at `origin`.
    package func width(of text: String, font: FontSpec, at origin: TextOrigin) throws(LayoutFailure) -> Length {
        do { return try width(of: text, font: font) } catch {
            switch error {
            case .missingGlyphs(let characters): throw LayoutFailure.missingGlyphs(characters, in: origin, text: text)
            }
        }
    }

    /// `text` set as runs from `x` by `LineSetter` (justified to `measure`
    /// when given), its missing glyphs reported at `origin` quoting
    /// `quoted` — the whole value when `text` is one line of it.
    func runs(of text: String, font: FontSpec, x: Length, justifyTo measure: Length? = nil, at origin: TextOrigin,
              quoting quoted: String? = nil) throws(LayoutFailure) -> [TextRun] {
        do {
            return try LineSetter(measurer: self, font: font).runs(text, x: x, justifyTo: measure)
        } catch {
            switch error {
            case .missingGlyphs(let characters): throw LayoutFailure.missingGlyphs(characters, in: origin, text: quoted ?? text)
            }
        }
    }
}
