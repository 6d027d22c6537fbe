/// The largest value each length of a layout file may take, by what it
/// means: a `rule: 30mm` passed every check and painted the table black
/// (issue 14). The bounds are generous for any real form and far below what
/// breaks a page; the loader reports a length above its bound with the bound
/// and what the length is for.
enum LengthBounds {
    struct Bound {
        var maximum: Length
        /// What the length is, for the message ("the thickness of a rule").
        var meaning: String
    }

    /// The bound for the length at `key` (the last key of its path).
    static func bound(for key: String) -> Bound? {
        switch key {
        case "rule": Bound(maximum: .pt(3), meaning: "the thickness of a rule (official forms use 0.5pt to 1.5pt)")
        case "horizontal", "vertical", "padding": Bound(maximum: .mm(10), meaning: "the padding inside a cell")
        case "size", "minSize": Bound(maximum: .pt(72), meaning: "a font size (二号 is 22pt, 初号 42pt)")
        case "lineHeight": Bound(maximum: .pt(100), meaning: "the height of a report line (GB/T 9704 uses 29pt)")
        case "gap": Bound(maximum: .mm(50), meaning: "the gap between a heading number and its text")
        case "top", "bottom", "left", "right": Bound(maximum: .mm(150), meaning: "a page margin")
        case "minRowHeight", "rowHeight": Bound(maximum: .mm(400), meaning: "the height of a table row")
        case "spaceBefore", "spaceAfter": Bound(maximum: .mm(100), meaning: "the space around a line")
        case "line": Bound(maximum: .mm(300), meaning: "the length of a signature line")
        default: nil
        }
    }
}
