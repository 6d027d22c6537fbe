import Foundation
import Layout

extension OFDPageContent {
    /// How a page's items land on the sheet. Without a turn the fit is
    /// applied to the coordinates here (scaled lengths, moved points), so
    /// that every reader places them; a quarter turn needs a CTM on each
    /// object, with the sheet as its boundary and the items' own
    /// coordinates (GB/T 33190 §8.2).
    struct Mapping {
        var scale = 1.0
        var map: (Point) -> (x: Double, y: Double) = { ($0.x.points, $0.y.points) }
        /// Set for turned pages: " CTM=\"a b c d e f\"" and the sheet's boundary.
        var ctm: (attribute: String, boundary: String)?

        init(_ transform: PageTransform, sheet: Rect) {
            guard let placement = transform.placement else { return }
            if placement.quarterTurns % 4 == 0 {
                scale = placement.scale
                map = { point in let p = transform.apply(point); return (p.x.points, p.y.points) }
                return
            }
            // sheet = translation + rotate(quarterTurns) · scale · (p − origin), as PageDrawer sets it in cairo.
            let angle = Double(placement.quarterTurns) * Double.pi / 2
            let (cosine, sine) = (cos(angle).rounded(), sin(angle).rounded())
            let s = placement.scale
            let (ox, oy) = (placement.origin.x.points, placement.origin.y.points)
            let (tx, ty) = (placement.translation.x.points, placement.translation.y.points)
            let a = s * cosine, b = s * sine, c = -s * sine, d = s * cosine
            let e = tx - (a * ox + c * oy), f = ty - (b * ox + d * oy)
            let k = OFDXML.millimetresPerPoint
            let matrix = ([a, b, c, d].map(OFDXML.number) + [e * k, f * k].map(OFDXML.number)).joined(separator: " ")
            let boundary = [sheet.minX.points, sheet.minY.points, sheet.size.width.points, sheet.size.height.points]
                .map(OFDXML.millimetres).joined(separator: " ")
            ctm = (" CTM=\"\(matrix)\"", boundary)
        }

        /// The boundary attribute, CTM attribute and coordinate origin of an
        /// object whose box (in sheet points, after `map`) is given.
        func place(minX: Double, minY: Double, maxX: Double, maxY: Double) -> (boundary: String, ctm: String, origin: (x: Double, y: Double)) {
            if let ctm { return (ctm.boundary, ctm.attribute, (0, 0)) }
            let boundary = [minX, minY, max(maxX - minX, 0.01), max(maxY - minY, 0.01)].map(OFDXML.millimetres).joined(separator: " ")
            return (boundary, "", (minX, minY))
        }
    }
}
