internal import CCairoPango
import Foundation
import Layout
import Support

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
        guard let layout = pango_layout_new(typesetter.context) else { throw RenderError.ofd("pango_layout_new failed") }
        defer { formprint_object_unref(UnsafeMutableRawPointer(layout)) }
        var objects = ""
        let sheet = Rect(x: .zero, y: .zero, width: page.size.width, height: page.size.height)
        try objects += self.objects(page.items, transform: page.transform, sheet: sheet, layout: layout)
        try objects += self.objects(page.overlay, transform: .none, sheet: sheet, layout: layout)
        let box = "0 0 \(OFDXML.millimetres(page.size.width.points)) \(OFDXML.millimetres(page.size.height.points))"
        return OFDXML.header + "<ofd:Page xmlns:ofd=\"\(OFDXML.namespace)\"><ofd:Area><ofd:PhysicalBox>\(box)</ofd:PhysicalBox></ofd:Area>"
            + "<ofd:Content><ofd:Layer ID=\"\(ids.next())\">\(objects)</ofd:Layer></ofd:Content></ofd:Page>\n"
    }

    private func objects(_ items: [DrawItem], transform: PageTransform, sheet: Rect, layout: OpaquePointer) throws(RenderError) -> String {
        let mapping = Mapping(transform, sheet: sheet)
        var out = ""
        var rules: [LineSegment] = []
        func flushRules() {
            guard let width = rules.first?.width else { return }
            let ends = rules.map { (mapping.map($0.from), mapping.map($0.to)) }
            let lineWidth = width.points * mapping.scale
            let xs = ends.flatMap { [$0.0.x, $0.1.x] }, ys = ends.flatMap { [$0.0.y, $0.1.y] }
            let place = mapping.place(minX: xs.min()! - lineWidth, minY: ys.min()! - lineWidth, maxX: xs.max()! + lineWidth, maxY: ys.max()! + lineWidth)
            func point(_ p: (x: Double, y: Double)) -> String {
                OFDXML.millimetres(p.x - place.origin.x) + " " + OFDXML.millimetres(p.y - place.origin.y)
            }
            let path = ends.map { "M \(point($0.0)) L \(point($0.1))" }.joined(separator: " ")
            out += "<ofd:PathObject ID=\"\(ids.next())\" Boundary=\"\(place.boundary)\"\(place.ctm) LineWidth=\"\(OFDXML.millimetres(lineWidth))\" Cap=\"Square\">"
                + "<ofd:AbbreviatedData>\(path)</ofd:AbbreviatedData></ofd:PathObject>"
            rules = []
        }
        for item in items {
            switch item {
            case .line(let segment):
                if let width = rules.first?.width, width != segment.width { flushRules() }
                rules.append(segment)
            case .text(let run) where run.angle != 0 || run.gray != 0 || run.opacity != 1:
                flushRules()
                out += try turnedText(run, sheet: sheet, layout: layout)
            case .text(let run):
                flushRules()
                out += try text(run, mapping: mapping, layout: layout)
            }
        }
        flushRules()
        return out
    }

    /// One text object per face Pango chose within the run (a 仿宋 line
    /// with its digits in 宋体 is two), positioned glyph cluster by cluster.
    private func text(_ run: TextRun, mapping: Mapping, layout: OpaquePointer) throws(RenderError) -> String {
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
                  let item = glyphItem.item?.pointee, let glyphs = glyphItem.glyphs?.pointee else { continue }
            // A run without a face file cannot be embedded: an error, never a silently missing word.
            guard let font = item.analysis.font, let file = formprint_font_file(font).map({ String(cString: $0) }) else {
                throw RenderError.ofd("Pango set part of '\(run.text)' in a face with no font file to embed")
            }
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
            // The run's start on the sheet; lengths scale with the fit.
            let start = mapping.map(Point(x: .pt(x), y: run.origin.y))
            let scaled = size * mapping.scale
            let place = mapping.place(minX: start.x, minY: start.y - scaled, maxX: start.x + total * mapping.scale, maxY: start.y + scaled * 0.25)
            let deltaText = deltas.isEmpty ? "" : " DeltaX=\"\(deltas.map { OFDXML.millimetres($0 * mapping.scale) }.joined(separator: " "))\""
            let textX = mapping.ctm == nil ? start.x - place.origin.x : x
            let textY = mapping.ctm == nil ? start.y - place.origin.y : run.origin.y.points
            out += "<ofd:TextObject ID=\"\(ids.next())\" Boundary=\"\(place.boundary)\"\(place.ctm) Font=\"\(fontID)\" Size=\"\(OFDXML.millimetres(mapping.ctm == nil ? scaled : size))\">"
                + "<ofd:TextCode X=\"\(OFDXML.millimetres(textX))\" Y=\"\(OFDXML.millimetres(textY))\"\(mapping.ctm == nil ? deltaText : deltaTextUnscaled(deltas))>"
                + MarkupEscaping.xml(characters) + "</ofd:TextCode></ofd:TextObject>"
            x += total
        }
        return out
    }

    /// A run turned about its origin and set in grey (the 「草稿」 mark, in
    /// the overlay): one text object whose CTM turns it, coloured by FillColor.
    private func turnedText(_ run: TextRun, sheet: Rect, layout: OpaquePointer) throws(RenderError) -> String {
        typesetter.prepare(layout, run.text, run.font, spacing: run.font.tracking + run.extraSpacing)
        guard let line = pango_layout_get_line_readonly(layout, 0), let first = line.pointee.runs,
              let glyphItem = first.pointee.data?.assumingMemoryBound(to: PangoGlyphItem.self).pointee,
              let item = glyphItem.item?.pointee, let glyphs = glyphItem.glyphs?.pointee else { return "" }
        guard let font = item.analysis.font, let file = formprint_font_file(font).map({ String(cString: $0) }) else {
            throw RenderError.ofd("Pango set '\(run.text)' in a face with no font file to embed")
        }
        let scale = Double(formprint_pango_scale())
        let advances = (0..<Int(glyphs.num_glyphs)).map { Double(glyphs.glyphs[$0].geometry.width) / scale }
        let fontID = fonts.id(for: file, adding: Substring(run.text))
        let radians = run.angle * Double.pi / 180
        let size = run.font.size.points
        let ctm = [cos(radians), sin(radians), -sin(radians), cos(radians), run.origin.x.points * OFDXML.millimetresPerPoint,
                   run.origin.y.points * OFDXML.millimetresPerPoint].map(OFDXML.number).joined(separator: " ")
        let level = String(Int((run.gray * 255).rounded()))
        let deltas = advances.dropLast().map(OFDXML.millimetres).joined(separator: " ")
        return "<ofd:TextObject ID=\"\(ids.next())\" Boundary=\"0 0 \(OFDXML.millimetres(sheet.size.width.points)) \(OFDXML.millimetres(sheet.size.height.points))\" CTM=\"\(ctm)\" Font=\"\(fontID)\" Size=\"\(OFDXML.millimetres(size))\">"
            + "<ofd:FillColor Value=\"\(level) \(level) \(level)\" Alpha=\"\(Int((run.opacity * 255).rounded()))\"/>"
            + "<ofd:TextCode X=\"0\" Y=\"0\"\(deltas.isEmpty ? "" : " DeltaX=\"\(deltas)\"")>\(MarkupEscaping.xml(run.text))</ofd:TextCode></ofd:TextObject>"
    }

    /// Under a CTM the advances stay in the items' own units.
    private func deltaTextUnscaled(_ deltas: [Double]) -> String {
        deltas.isEmpty ? "" : " DeltaX=\"\(deltas.map(OFDXML.millimetres).joined(separator: " "))\""
    }
}
