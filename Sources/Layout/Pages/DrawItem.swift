/// What the renderer draws: a small closed set, fully positioned. The
/// renderer folds over these and decides nothing.
public enum DrawItem: Sendable, Hashable {
    case text(TextRun)
    case line(LineSegment)
}

/// One line of text, set without wrapping, its baseline starting at `origin`.
public struct TextRun: Sendable, Hashable {
    public var text: String
    public var font: FontSpec
    /// Left end of the baseline.
    public var origin: Point
    /// Extra space after each character on top of the font's tracking,
    /// used to justify a line to the full measure.
    public var extraSpacing: Length

    public init(text: String, font: FontSpec, origin: Point, extraSpacing: Length = .zero) {
        self.text = text
        self.font = font
        self.origin = origin
        self.extraSpacing = extraSpacing
    }
}

/// A straight rule (cell borders, signature lines).
public struct LineSegment: Sendable, Hashable {
    public var from: Point
    public var to: Point
    public var width: Length

    public init(from: Point, to: Point, width: Length) {
        self.from = from
        self.to = to
        self.width = width
    }
}

public struct Page: Sendable {
    public var size: Size
    public var items: [DrawItem]

    public init(size: Size, items: [DrawItem]) {
        self.size = size
        self.items = items
    }
}

/// A laid-out document, ready to draw: pages plus the metadata the PDF
/// carries.
public struct PagedDocument: Sendable {
    public var pages: [Page]
    public var metadata: DocumentMetadata

    public init(pages: [Page], metadata: DocumentMetadata) {
        self.pages = pages
        self.metadata = metadata
    }
}

public struct DocumentMetadata: Sendable, Hashable {
    public var title: String
    public var author: String
    public var subject: String
    public var keywords: String

    public init(title: String, author: String, subject: String, keywords: String) {
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
