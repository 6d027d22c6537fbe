import Foundation

/// What a worksheet says about its printed shape, beyond its cells: the
/// `<col width>` of its columns (Excel character units) and the page
/// orientation of its `<pageSetup>`. Read by a pass of its own so that the
/// cell reader, which every import runs, stays as it is.
struct SheetGeometry {
    /// Width per 1-based column, in Excel character units (the width of "0"
    /// in the workbook's default font).
    var columnWidths: [Int: Decimal] = [:]
    /// nil when the sheet sets no orientation.
    var landscape: Bool?

    /// More `<col>` ranges than any template has; a hostile range
    /// (min=1 max=16384) is clipped to the first columns.
    static let maximumColumns = 256

    init(_ data: Data, part: String, file: String) throws {
        var widths: [Int: Decimal] = [:]
        var landscape: Bool?
        try XMLEvents.parse(data, part: part, file: file, start: { name, attributes in
            switch name {
            case "col":
                guard let first = attributes["min"].flatMap(Int.init), let last = attributes["max"].flatMap(Int.init),
                      let width = attributes["width"].flatMap({ Decimal(string: $0) }), first >= 1, first <= last,
                      width > 0, width < 256 else { return }
                for column in first...min(last, Self.maximumColumns) where widths.count < Self.maximumColumns { widths[column] = width }
            case "pageSetup":
                if let orientation = attributes["orientation"] { landscape = orientation == "landscape" }
            default: break
            }
        })
        columnWidths = widths
        self.landscape = landscape
    }
}
