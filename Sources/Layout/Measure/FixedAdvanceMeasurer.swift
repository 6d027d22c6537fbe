/// A font-free `TextMeasurer`: every character advances `font.size` plus
/// the font's tracking, ASCII characters half of that. Characters in
/// `missing` have no glyph, as if no bundled font covered them. For the
/// layout tests, the fuzz targets and property checks, which lay out
/// without fonts; `package`, not part of the library.
package struct FixedAdvanceMeasurer: TextMeasurer {
    package var missing: Set<Character> = []

    package init(missing: Set<Character> = []) { self.missing = missing }

    package func advance(of character: Character, font: FontSpec) throws(MeasureError) -> Length {
        if missing.contains(character) { throw .missingGlyphs([character]) }
        let full = font.size + font.tracking
        return character.isASCII ? full / 2 : full
    }

    package func width(of text: String, font: FontSpec) throws(MeasureError) -> Length {
        var absent: [Character] = []
        var total = Length.zero
        for character in text {
            if missing.contains(character) {
                if !absent.contains(character) { absent.append(character) }
                continue
            }
            total += try advance(of: character, font: font)
        }
        if !absent.isEmpty { throw .missingGlyphs(absent) }
        return total
    }
}
