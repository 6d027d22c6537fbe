import Evaluation

/// One official form (or report) layout, loaded from a `Layouts/*.yaml`
/// data file and fully validated: every field binding is resolved to a
/// `ScalarField` or `FieldBinding`, every style to a `TextStyle`, so
/// later phases never look anything up by string. A library caller sees
/// what identifies it; its page, body and fields are the engine's.
package struct LayoutSpec: Sendable {
    /// Stable identifier used by unit files and `--layout`, e.g. `project-jilin`.
    package var id: String
    package var document: DocumentKind
    /// Human-readable name, e.g. 项目支出绩效自评表（吉林·6列）.
    package var name: String
    /// Where the layout comes from (the official document or sample it follows).
    package var origin: String
    /// The file it was loaded from.
    package var file: String
    /// Whether it is the layout of its document kind when a unit file names
    /// none (`default: true`; a layout that extends it is not).
    package var isDefault: Bool = false
    /// The scoring profile that scores a form printed in it (`scoring:
    /// national`, a file of `Scoring/`); nil for a form that does not score.
    package var scoring: String?
    package var page: PageSpec
    package var body: Body
    /// Fields this layout declares in its `fields:` section, beyond the
    /// built-in registry; a unit file may carry them.
    package var fields: FieldRegistry = FieldRegistry()

    package enum Body: Sendable {
        case table(TableSpec)
        case flow(FlowSpec)
    }
}

package struct PageSpec: Sendable, Hashable {
    package var size: Size
    package var margins: Margins
    /// The printable region inside the margins.
    package var contentRect: Rect {
        Rect(x: margins.left, y: margins.top,
             width: size.width - margins.left - margins.right,
             height: size.height - margins.top - margins.bottom)
    }
}

package struct Margins: Sendable, Hashable {
    package var top: Length
    package var bottom: Length
    package var left: Length
    package var right: Length
}

/// The type families a layout can ask for; the rendering module maps them
/// to the bundled fonts.
package enum FontFamily: String, Sendable, Hashable, CaseIterable {
    /// 宋体 style, for tables and titles.
    case song
    /// 仿宋 style, for report body text.
    case fang
    /// 黑体 style, for first-level headings.
    case hei
    /// 楷体 style, for second-level headings.
    case kai
}

package enum HorizontalAlignment: String, Sendable, Hashable, CaseIterable {
    case left, center, right
}

package struct TextStyle: Sendable, Hashable {
    package var family: FontFamily
    package var bold: Bool
    package var size: Length
    package var align: HorizontalAlignment
    /// Line pitch as a multiple of the font size.
    package var lineSpacing: Double
    /// Stack the characters vertically, one per line (narrow side labels).
    package var vertical: Bool
    /// Extra space after each character (negative tightens), e.g. −0.21pt
    /// to set 28 characters of 16pt in GB/T 9704's 156 mm line.
    package var tracking: Length
    /// The smallest size the text may shrink to in a fixed-height row; nil
    /// never shrinks.
    package var minimumSize: Length?
    /// The family for Western letters and digits (e.g. a serif beside 仿宋);
    /// nil sets them in `family`.
    package var latinFamily: FontFamily?

    package init(family: FontFamily, bold: Bool = false, size: Length, align: HorizontalAlignment = .left,
                lineSpacing: Double = 1.25, vertical: Bool = false, tracking: Length = .zero, minimumSize: Length? = nil,
                latinFamily: FontFamily? = nil) {
        self.family = family
        self.bold = bold
        self.size = size
        self.align = align
        self.lineSpacing = lineSpacing
        self.vertical = vertical
        self.tracking = tracking
        self.minimumSize = minimumSize
        self.latinFamily = latinFamily
    }

    /// The font part alone: what the text measurer needs.
    package var font: FontSpec { FontSpec(family: family, bold: bold, size: size, tracking: tracking, latinFamily: latinFamily) }
}

/// A font at a size: the key for measuring and drawing text.
package struct FontSpec: Sendable, Hashable {
    package var family: FontFamily
    package var bold: Bool
    package var size: Length
    package var tracking: Length
    /// Western letters and digits are set in this family when given.
    package var latinFamily: FontFamily?

    package init(family: FontFamily, bold: Bool, size: Length, tracking: Length = .zero, latinFamily: FontFamily? = nil) {
        self.family = family
        self.bold = bold
        self.size = size
        self.tracking = tracking
        self.latinFamily = latinFamily
    }

    /// The font a character is set in: the Latin family for ASCII letters
    /// and digits (and the marks inside numbers), else this one.
    package func font(for character: Character) -> FontSpec {
        guard let latinFamily, FontSpec.isLatin(character) else { return self }
        return FontSpec(family: latinFamily, bold: bold, size: size, tracking: tracking)
    }

    package static func isLatin(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || ".,%-+/:()".contains(character))
    }
}
