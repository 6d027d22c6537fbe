/// One line of the report, measured and set across the text block but not
/// yet on a page: its runs' x positions are final, their y is decided by
/// the page and row it lands on. `ReportMeasurer` makes them,
/// `FlowPaginator` decides their pages, `ReportComposer` places them.
package struct FlowLine: Sendable {
    package var runs: [TextRun]
    /// A heading line must not end a page (it stays with its text).
    package var keepWithNext: Bool
    /// Rules of a table row, with y measured from the top of the line box.
    package var rules: [LineSegment] = []
    /// The outline entry a heading's first line opens.
    package var bookmark: Bookmark?

    /// For a table body's lines, the lines of the table's header.
    package var repeatedHeader: Range<Int>?

    package var isBlank: Bool { runs.isEmpty && rules.isEmpty }

    /// What the paginator needs of the line: the paginator decides on
    /// these alone, never on the text.
    package var paginated: FlowPaginator.Line {
        FlowPaginator.Line(keepWithNext: keepWithNext, isBlank: isBlank, repeatedHeader: repeatedHeader)
    }
}
