internal import CCairoPango
import Foundation
import Layout

/// The fonts an OFD document uses: each face file Pango chose, with an ID
/// in first-use order and the code points it prints, for its subset.
final class OFDFontTable {
    struct Entry {
        var id: Int
        var file: String
        var codePoints: Set<UInt32> = []
    }
    private(set) var entries: [Entry] = []
    private var byFile: [String: Int] = [:]
    let ids: OFDIDs

    init(ids: OFDIDs) { self.ids = ids }

    func id(for file: String, adding text: Substring) -> Int {
        let index: Int
        if let known = byFile[file] {
            index = known
        } else {
            index = entries.count
            entries.append(Entry(id: ids.next(), file: file))
            byFile[file] = index
        }
        for scalar in text.unicodeScalars { entries[index].codePoints.insert(scalar.value) }
        return entries[index].id
    }
}

/// OFD's object IDs: one sequence through the document (GB/T 33190 §7.5).
final class OFDIDs {
    private(set) var last = 0
    func next() -> Int {
        last += 1
        return last
    }
}

/// One page's Content.xml from its draw items: the same fold as
/// `PageDrawer`, with Pango setting each text run exactly as for PDF, so
/// that each character sits where the PDF puts it. Text objects carry the
/// characters (searchable) and their advances; rules of one width are one
/// path object.
struct OFDPageContent {
    let typesetter: Typesetter
    let fonts: OFDFontTable
    let ids: OFDIDs

    func xml(_ page: Page) throws(RenderError) -> String {
        let layout = pango_layout_new(typesetter.context)!
        defer { formprint_object_unref(UnsafeMutableRawPointer(layout)) }
        var objects = ""
        let sheet = Rect(x: .zero, y: .zero, width: page.size.width, height: page.size.height)
        try objects += self.objects(page.items, transform: page.transform, sheet: sheet, layout: layout)
        try objects += self.objects(page.overlay, transform: .none, sheet: sheet, layout: layout)
        let box = "0 0 \(OFDXML.millimetres(page.size.width.points)) \(OFDXML.millimetres(page.size.height.points))"
        return OFDXML.header + "<ofd:Page xmlns:ofd=\"\(OFDXML.namespace)\"><ofd:Area><ofd:PhysicalBox>\(box)</ofd:PhysicalBox></ofd:Area>"
            + "<ofd:Content><ofd:Layer ID=\"\(ids.next())\">\(objects)</ofd:Layer></ofd:Content></ofd:Page>\n"
    }

    /// Where an object's coordinates go: relative to its boundary on a plain
    /// page; on a page whose items are fitted or turned, in the items' own
    /// space, mapped onto the sheet by a CTM (the sheet is the boundary).
    private func placement(_ transform: PageTransform, box: (minX: Double, minY: Double, maxX: Double, maxY: Double),
                           sheet: Rect) -> (boundary: String, origin: (x: Double, y: Double), ctm: String) {
        let k = OFDXML.millimetresPerPoint
        guard let placement = transform.placement else {
            let boundary = [box.minX, box.minY, max(box.maxX - box.minX, 0.01), max(box.maxY - box.minY, 0.01)]
                .map(OFDXML.millimetres).joined(separator: " ")
            return (boundary, (box.minX, box.minY), "")
        }
        // sheet = translation + rotate(quarterTurns) · scale · (p − origin), as PageDrawer sets it in cairo.
        let angle = Double(placement.quarterTurns) * Double.pi / 2
        let (cosine, sine) = (cos(angle).rounded(), sin(angle).rounded())
        let s = placement.scale
        let (ox, oy) = (placement.origin.x.points, placement.origin.y.points)
        let (tx, ty) = (placement.translation.x.points, placement.translation.y.points)
        let a = s * cosine, b = s * sine, c = -s * sine, d = s * cosine
        let e = tx - (a * ox + c * oy), f = ty - (b * ox + d * oy)
        let ctm = [a, b, c, d].map(OFDXML.number) + [e * k, f * k].map(OFDXML.number)
        let boundary = [sheet.minX.points, sheet.minY.points, sheet.size.width.points, sheet.size.height.points]
            .map(OFDXML.millimetres).joined(separator: " ")
        return (boundary, (0, 0), " CTM=\"\(ctm.joined(separator: " "))\"")
    }

    private func objects(_ items: [DrawItem], transform: PageTransform, sheet: Rect, layout: OpaquePointer) throws(RenderError) -> String {
        var out = ""
        var rules: [LineSegment] = []
        func flushRules() {
            guard let width = rules.first?.width else { return }
            let minX = rules.map { min($0.from.x.points, $0.to.x.points) }.min()! - width.points
            let maxX = rules.map { max($0.from.x.points, $0.to.x.points) }.max()! + width.points
            let minY = rules.map { min($0.from.y.points, $0.to.y.points) }.min()! - width.points
            let maxY = rules.map { max($0.from.y.points, $0.to.y.points) }.max()! + width.points
            let place = placement(transform, box: (minX, minY, maxX, maxY), sheet: sheet)
            func point(_ p: Point) -> String {
                OFDXML.millimetres(p.x.points - place.origin.x) + " " + OFDXML.millimetres(p.y.points - place.origin.y)
            }
            let path = rules.map { "M \(point($0.from)) L \(point($0.to))" }.joined(separator: " ")
            out += "<ofd:PathObject ID=\"\(ids.next())\" Boundary=\"\(place.boundary)\"\(place.ctm) LineWidth=\"\(OFDXML.millimetres(width.points))\" Cap=\"Square\">"
                + "<ofd:AbbreviatedData>\(path)</ofd:AbbreviatedData></ofd:PathObject>"
            rules = []
        }
        for item in items {
            switch item {
            case .line(let segment):
                if let width = rules.first?.width, width != segment.width { flushRules() }
                rules.append(segment)
            case .text(let run):
                flushRules()
                out += try text(run, transform: transform, sheet: sheet, layout: layout)
            }
        }
        flushRules()
        return out
    }

    /// One text object per face Pango chose within the run (a 仿宋 line
    /// with its digits in 宋体 is two), positioned glyph cluster by cluster.
    private func text(_ run: TextRun, transform: PageTransform, sheet: Rect, layout: OpaquePointer) throws(RenderError) -> String {
        typesetter.prepare(layout, run.text, run.font, spacing: run.font.tracking + run.extraSpacing)
        guard let line = pango_layout_get_line_readonly(layout, 0) else { return "" }
        let utf8 = Array(run.text.utf8)
        let scale = Double(formprint_pango_scale())
        let size = run.font.size.points
        var x = run.origin.x.points
        var out = ""
        var node = line.pointee.runs
        while let current = node {
            defer { node = current.pointee.next }
            guard let glyphItem = current.pointee.data?.assumingMemoryBound(to: PangoGlyphItem.self).pointee,
                  let item = glyphItem.item?.pointee, let glyphs = glyphItem.glyphs?.pointee,
                  let font = item.analysis.font, let file = formprint_font_file(font).map({ String(cString: $0) }) else { continue }
            // Glyph clusters: byte offsets into the run's text and their advances.
            var clusters: [(start: Int, advance: Double)] = []
            for index in 0..<Int(glyphs.num_glyphs) {
                let start = Int(item.offset) + Int(glyphs.log_clusters[index])
                let width = Double(glyphs.glyphs[index].geometry.width) / scale
                if let last = clusters.last, last.start == start {
                    clusters[clusters.count - 1].advance += width
                } else {
                    clusters.append((start, width))
                }
            }
            clusters.sort { $0.start < $1.start }
            // The characters in order, and the advance after each but the
            // last (DeltaX): a cluster's advance follows its last character;
            // the other characters of a cluster sit on its first.
            let end = Int(item.offset + item.length)
            var characters = ""
            var deltas: [Double] = []
            var total = 0.0
            for (index, cluster) in clusters.enumerated() {
                let next = index + 1 < clusters.count ? clusters[index + 1].start : end
                let text = String(decoding: utf8[cluster.start..<next], as: UTF8.self)
                let count = text.unicodeScalars.count
                characters += text
                for position in 0..<count where !(index == clusters.count - 1 && position == count - 1) {
                    deltas.append(position == count - 1 ? cluster.advance : 0)
                }
                total += cluster.advance
            }
            let fontID = fonts.id(for: file, adding: Substring(characters))
            let baseline = run.origin.y.points
            let place = placement(transform, box: (x, baseline - size, x + total, baseline + size * 0.25), sheet: sheet)
            let deltaText = deltas.isEmpty ? "" : " DeltaX=\"\(deltas.map(OFDXML.millimetres).joined(separator: " "))\""
            out += "<ofd:TextObject ID=\"\(ids.next())\" Boundary=\"\(place.boundary)\"\(place.ctm) Font=\"\(fontID)\" Size=\"\(OFDXML.millimetres(size))\">"
                + "<ofd:TextCode X=\"\(OFDXML.millimetres(x - place.origin.x))\" Y=\"\(OFDXML.millimetres(baseline - place.origin.y))\"\(deltaText)>"
                + OFDXML.escaped(characters) + "</ofd:TextCode></ofd:TextObject>"
            x += total
        }
        return out
    }
}
