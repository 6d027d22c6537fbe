/// The light diagonal 「草稿」 on every page of a document printed while
/// error findings remain, so that a draft is never mistaken for the form
/// the unit files. Decided here, as draw items; the surfaces only draw them.
package enum DraftMark {
    package static let text = "草稿"
    /// 黑体, large enough to cross the form.
    package static let font = FontSpec(family: .hei, bold: true, size: .pt(110))
    package static let gray = 0.5
    /// The form reads through the mark.
    package static let opacity = 0.3
    /// From the lower left up to the upper right.
    package static let angle = -35.0

    /// `pages` with the mark centred on each sheet, above everything else.
    package static func marked(_ pages: [Page], measurer: some TextMeasurer) throws(LayoutFailure) -> [Page] {
        let width = try measurer.width(of: text, font: font, at: .layout(file: "", path: "draft"))
        return pages.map { page in
            var page = page
            let radians = angle * Double.pi / 180
            // The run's baseline start such that its middle sits at the sheet's centre.
            let half = width.points / 2, rise = font.size.points * 0.35
            let centre = (x: page.size.width.points / 2, y: page.size.height.points / 2)
            let x = centre.x - half * cos(radians) - rise * sin(radians)
            let y = centre.y - half * sin(radians) + rise * cos(radians)
            page.overlay.append(.text(TextRun(text: text, font: font, origin: Point(x: .pt(x), y: .pt(y)), angle: angle, gray: gray, opacity: opacity)))
            return page
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
