/// Where a line starts in the space it is aligned in: one rule for the
/// forms' cells, the grid pages and the report's tables, which the
/// measuring of the report and the composing of a form both need.
extension HorizontalAlignment {
    /// The x of a line `lineWidth` wide set this way in the span that
    /// starts at `left` and is `width` wide.
    func start(of lineWidth: Length, left: Length, width: Length) -> Length {
        switch self {
        case .left: left
        case .center: left + (width - lineWidth) / 2
        case .right: left + width - lineWidth
        }
    }
}
