/// What the renderer draws: a small closed set, fully positioned. The
/// renderer folds over these and decides nothing.
package enum DrawItem: Sendable, Hashable {
    case text(TextRun)
    case line(LineSegment)
}

/// One line of text, set without wrapping, its baseline starting at `origin`.
package struct TextRun: Sendable, Hashable {
    package var text: String
    package var font: FontSpec
    /// Left end of the baseline.
    package var origin: Point
    /// Extra space after each character on top of the font's tracking,
    /// used to justify a line to the full measure.
    package var extraSpacing: Length
    /// FormPrint computed the text (a formula's or a scoring profile's value
    /// for a field the unit left empty); the page dump marks it. Drawing
    /// ignores it.
    package var isComputed: Bool
    /// Turned about `origin` by this many degrees (clockwise on the page):
    /// the diagonal 「草稿」 mark.
    package var angle: Double
    /// The text's grey, from 0 (black) to 1 (white), and how much it covers
    /// what lies under it (1: fully): the draft mark is a light grey the
    /// form shows through.
    package var gray: Double
    package var opacity: Double

    package init(text: String, font: FontSpec, origin: Point, extraSpacing: Length = .zero, isComputed: Bool = false,
                angle: Double = 0, gray: Double = 0, opacity: Double = 1) {
        self.text = text
        self.font = font
        self.origin = origin
        self.extraSpacing = extraSpacing
        self.isComputed = isComputed
        self.angle = angle
        self.gray = gray
        self.opacity = opacity
    }
}

/// A straight rule (cell borders, signature lines).
package struct LineSegment: Sendable, Hashable {
    package var from: Point
    package var to: Point
    package var width: Length

    package init(from: Point, to: Point, width: Length) {
        self.from = from
        self.to = to
        self.width = width
    }
}

package struct Page: Sendable {
    package var size: Size
    /// Drawn through `transform`.
    package var items: [DrawItem]
    /// How `items` are turned onto the sheet: a landscape table bound into
    /// a portrait report is turned a quarter.
    package var transform: PageTransform
    /// Drawn on the sheet as it is, after `items` (page numbers).
    package var overlay: [DrawItem]
    /// The outline entries that open on this page, in reading order.
    package var bookmarks: [Bookmark]

    package init(size: Size, items: [DrawItem], transform: PageTransform = .none, overlay: [DrawItem] = [],
                bookmarks: [Bookmark] = []) {
        self.size = size
        self.items = items
        self.transform = transform
        self.overlay = overlay
        self.bookmarks = bookmarks
    }

    /// Whether nothing is printed on the page (GB/T 9704 leaves blank pages unnumbered).
    package var isBlank: Bool { items.isEmpty && overlay.isEmpty }
}

/// How a page's items are put on the sheet. A form bound into a report is
/// fitted into the report's text block (GB/T 9704 keeps every page number
/// in one place), and a landscape form in a portrait report is turned.
package enum PageTransform: Sendable, Hashable {
    case none
    /// The region `from` of the items' own page, scaled down to fit `to`
    /// on the sheet if it must (never up), turned by `turn`.
    case fit(from: Rect, to: Rect, turn: QuarterTurn)

    package enum QuarterTurn: Sendable, Hashable {
        case none
        /// The content's top to the sheet's right edge (an even page's outer side).
        case clockwise
        /// The content's top to the sheet's left edge (an odd page's binding side).
        case counterclockwise
    }

    /// The affine map of this transform as (scale, rotation in quarter
    /// turns clockwise, translation applied after them): a sheet point is
    /// translation + rotate(scale × (p − from.origin)).
    package var placement: (scale: Double, quarterTurns: Int, translation: Point, origin: Point)? {
        guard case .fit(let from, let to, let turn) = self else { return nil }
        let turned = turn != .none
        let width = turned ? from.size.height : from.size.width
        let height = turned ? from.size.width : from.size.height
        let scale = min(1, to.size.width.points / width.points, to.size.height.points / height.points)
        let left = to.minX + (to.size.width - width * scale) / 2
        let top = turned ? to.minY + (to.size.height - height * scale) / 2 : to.minY
        let origin = Point(x: from.minX, y: from.minY)
        switch turn {
        case .none: return (scale, 0, Point(x: left, y: top), origin)
        case .clockwise: return (scale, 1, Point(x: left + width * scale, y: top), origin)
        case .counterclockwise: return (scale, 3, Point(x: left, y: top + height * scale), origin)
        }
    }

    /// Where a point of the page's items lands on the sheet.
    package func apply(_ point: Point) -> Point {
        guard let placement else { return point }
        let u = (point.x - placement.origin.x) * placement.scale, v = (point.y - placement.origin.y) * placement.scale
        switch placement.quarterTurns {
        case 1: return Point(x: placement.translation.x - v, y: placement.translation.y + u)
        case 3: return Point(x: placement.translation.x + v, y: placement.translation.y - u)
        default: return Point(x: placement.translation.x + u, y: placement.translation.y + v)
        }
    }
}

/// A laid-out document, ready to draw: pages plus the metadata and the
/// outline the file carries.
package struct PagedDocument: Sendable {
    package var pages: [Page]
    package var metadata: DocumentMetadata
    /// The reader's outline: by default the pages' own bookmarks as a tree.
    package var outline: [OutlineEntry]

    package init(pages: [Page], metadata: DocumentMetadata, outline: [OutlineEntry]? = nil) {
        self.pages = pages
        self.metadata = metadata
        self.outline = outline ?? Outline.tree(of: pages)
    }
}

package struct DocumentMetadata: Sendable, Hashable {
    package var title: String
    package var author: String
    package var subject: String
    package var keywords: String

    package init(title: String, author: String, subject: String, keywords: String) {
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
    }
}

/// Where a line of text sits in its line box: the baseline of an
/// ideographic em box centred in the pitch (CJK fonts put the em box's top
/// at 0.88 em above the baseline).
func baseline(lineTop: Length, pitch: Length, size: Length) -> Length {
    lineTop + (pitch - size) / 2 + size * 0.88
}
