/// Page numbers below the text block: "— 1 —" alternating sides for
/// GB/T 9704 reports, "第 1 页 共 2 页" centred for forms.
package enum PageNumbering {
    /// Numbers every printed page of `pages` (in the overlay, so that a
    /// turned table page keeps its number where the others have it); blank
    /// pages are counted but not numbered.
    package static func number(_ pages: [Page], _ spec: PageNumberSpec, content: Rect,
                              measurer: some TextMeasurer) throws(LayoutFailure) -> [Page] {
        var numbered = pages
        for index in numbered.indices where !numbered[index].isBlank {
            numbered[index].overlay.append(try item(page: index + 1, of: pages.count, spec, content: content, measurer: measurer))
        }
        return numbered
    }

    static func item(page number: Int, of total: Int, _ spec: PageNumberSpec, content: Rect,
                     measurer: some TextMeasurer) throws(LayoutFailure) -> DrawItem {
        let text = spec.text(page: number, of: total)
        let width: Length
        do {
            width = try measurer.width(of: text, font: spec.style.font)
        } catch {
            switch error {
            case .missingGlyphs(let characters):
                throw LayoutFailure.missingGlyphs(characters, in: .layout(file: "page number format", path: "pageNumber.format"), text: text)
            }
        }
        let inset = spec.style.size * spec.inset
        let x: Length
        if !spec.alternate {
            x = content.minX + (content.size.width - width) / 2
        } else if number % 2 == 1 {
            x = content.maxX - inset - width
        } else {
            x = content.minX + inset
        }
        let top = content.maxY + spec.gap
        return .text(TextRun(text: text, font: spec.style.font, origin: Point(x: x, y: top + spec.style.size * 0.88)))
    }
}
