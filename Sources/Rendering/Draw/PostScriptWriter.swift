internal import CCairoPango
import Foundation
import Layout

/// Draws paged documents into DSC-conforming PostScript (level 2 where
/// the pages need no more, at most level 3) for
/// sending straight to a printer. Each page keeps its own size, so a
/// landscape form in a portrait set prints on its own orientation.
package struct PostScriptWriter {
    let typesetter: Typesetter
    package var creationDate: Date
    package var title: String

    package init(typesetter: Typesetter, creationDate: Date, title: String = "") {
        self.typesetter = typesetter
        self.creationDate = creationDate
        self.title = title
    }

    package func postScript(_ document: PagedDocument) throws(RenderError) -> Data {
        let first = document.pages.first?.size ?? .a4Portrait
        let target = try CairoSurface(.postScript) { sink in
            cairo_ps_surface_create_for_stream(CairoSurface.write, sink.closure, first.width.points, first.height.points)
        }
        cairo_ps_surface_restrict_to_level(target.surface, CAIRO_PS_LEVEL_3)
        // DSC text must be printable ASCII; a Chinese title is left out
        // rather than written as bytes some spoolers reject.
        if !title.isEmpty, title.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) {
            cairo_ps_surface_dsc_comment(target.surface, "%%Title: \(title)")
        }
        let drawer = PageDrawer(typesetter: typesetter, format: .postScript)
        for page in document.pages {
            cairo_ps_surface_set_size(target.surface, page.size.width.points, page.size.height.points)
            try drawer.draw(page, on: target.cr)
            cairo_show_page(target.cr)
        }
        try target.finish()
        return Self.replacingCreationDate(in: target.sink.data, with: creationDate)
    }

    /// cairo writes the wall-clock time as `%%CreationDate:` in the header
    /// and offers no way to set it (`cairo_ps_surface_dsc_comment` cannot
    /// replace a header comment). PostScript has no byte offsets, so the
    /// header line is rewritten with the document's fixed date; identical
    /// input then gives identical bytes.
    static func replacingCreationDate(in data: Data, with date: Date) -> Data {
        let key = Data("%%CreationDate: ".utf8)
        let header = data.prefix(4096)
        guard let start = header.range(of: key),
              let end = header[start.upperBound...].firstIndex(of: UInt8(ascii: "\n")) else { return data }
        var result = Data(data[..<start.upperBound])
        result.append(Data(dscDate(date).utf8))
        result.append(data[end...])
        return result
    }

    /// The date in the `ctime` form cairo writes, e.g. `Wed Jan  1 00:00:00 2025`.
    static func dscDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE MMM d HH:mm:ss yyyy"
        let text = formatter.string(from: date)
        // ctime pads the day of the month to two columns with a space.
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[2].count == 1 else { return text }
        return "\(parts[0]) \(parts[1])  \(parts[2]) \(parts[3]) \(parts[4])"
    }
}
