internal import CCairoPango
import Foundation
import Layout

/// Draws each page into a PNG image at a chosen resolution, on white, for
/// previews and thumbnails.
package struct PNGWriter {
    let typesetter: Typesetter
    /// Pixels per inch.
    package var resolution: Double

    package init(typesetter: Typesetter, resolution: Double) {
        self.typesetter = typesetter
        self.resolution = resolution
    }

    /// The pixel size of `page` at this resolution (rounded to the nearest
    /// pixel: A4 at 150 dpi is 1240 × 1754).
    package func pixelSize(of page: Page) -> (width: Int, height: Int) {
        (Self.pixels(page.size.width.points, resolution), Self.pixels(page.size.height.points, resolution))
    }

    static func pixels(_ points: Double, _ resolution: Double) -> Int {
        max(1, Int((points * resolution / 72).rounded()))
    }

    /// One PNG per page.
    package func pngs(_ document: PagedDocument) throws(RenderError) -> [Data] {
        var images: [Data] = []
        for page in document.pages { images.append(try png(page)) }
        return images
    }

    package func png(_ page: Page) throws(RenderError) -> Data {
        let (width, height) = pixelSize(of: page)
        let target = try CairoSurface(.png) { _ in
            cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height))
        }
        cairo_set_source_rgb(target.cr, 1, 1, 1)
        cairo_paint(target.cr)
        cairo_scale(target.cr, resolution / 72, resolution / 72)
        try PageDrawer(typesetter: typesetter, format: .png).draw(page, on: target.cr)
        cairo_surface_flush(target.surface)
        let status = cairo_surface_write_to_png_stream(target.surface, CairoSurface.write, target.sink.closure)
        try target.check(status, "writing the image")
        try target.finish()
        return target.sink.data
    }
}
