internal import CCairoPango
import Foundation
import Layout

/// Draws each page into an SVG document (SVG has no pages), with the text
/// as glyph outlines, for embedding in web pages.
package struct SVGWriter {
    let typesetter: Typesetter

    package init(typesetter: Typesetter) {
        self.typesetter = typesetter
    }

    /// One SVG per page.
    package func svgs(_ document: PagedDocument) throws(RenderError) -> [Data] {
        var images: [Data] = []
        for page in document.pages { images.append(try svg(page)) }
        return images
    }

    package func svg(_ page: Page) throws(RenderError) -> Data {
        let target = try CairoSurface(.svg) { sink in
            cairo_svg_surface_create_for_stream(CairoSurface.write, sink.closure, page.size.width.points, page.size.height.points)
        }
        cairo_svg_surface_restrict_to_version(target.surface, CAIRO_SVG_VERSION_1_1)
        try PageDrawer(typesetter: typesetter, format: .svg).draw(page, on: target.cr)
        cairo_show_page(target.cr)
        try target.finish()
        return Self.renumberingSurfaces(target.sink.data)
    }

    /// cairo names each SVG's top group `surfaceN` after a process-wide
    /// counter, so the same page would get a different id depending on
    /// what was drawn before it (and on how many jobs run). The ids are
    /// renumbered in order of appearance, making the bytes depend on the
    /// page alone.
    static func renumberingSurfaces(_ data: Data) -> Data {
        let bytes = [UInt8](data)
        let key = Array("surface".utf8)
        var mapping: [ArraySlice<UInt8>: [UInt8]] = [:]
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == key[0], index + key.count <= bytes.count, bytes[index..<index + key.count].elementsEqual(key) {
                result += key
                index += key.count
                var end = index
                while end < bytes.count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9") { end += 1 }
                if end > index {
                    let original = bytes[index..<end]
                    let renumbered = mapping[original] ?? Array(String(mapping.count + 1).utf8)
                    mapping[original] = renumbered
                    result += renumbered
                    index = end
                }
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return Data(result)
    }
}
