/// Which lines of a flow (the report) go on which page. The report is set
/// on a fixed pitch, so a page holds a whole number of lines; a heading is
/// kept with the text after it, a table row with itself, and a table that
/// continues on the next page repeats its header rows there. Decides
/// only: `ReportMeasurer` measured the lines, `ReportComposer` places them.
package enum FlowPaginator {
    /// What the paginator needs to know of a line.
    package struct Line: Sendable, Equatable {
        /// The line must not end a page (a heading, a table row going on,
        /// the line before the 署名).
        package var keepWithNext: Bool
        /// A blank line never starts a page.
        package var isBlank: Bool
        /// For a line of a table's body, the lines (indices into the flow)
        /// of its table's header, printed again at the top of a page the
        /// table continues on.
        package var repeatedHeader: Range<Int>?

        package init(keepWithNext: Bool, isBlank: Bool, repeatedHeader: Range<Int>? = nil) {
            self.keepWithNext = keepWithNext
            self.isBlank = isBlank
            self.repeatedHeader = repeatedHeader
        }
    }

    /// The lines of each page, by index into `lines`; a repeated header's
    /// lines appear again on the pages its table continues on.
    package static func paginate(_ lines: [Line], regions: Regions, pitch: Length) -> [[Int]] {
        func capacity(_ height: Length) -> Int { max(1, Int((height.points + Length.tolerance) / pitch.points)) }
        let firstPage = capacity(regions.firstPage), otherPages = capacity(regions.otherPages)
        var pages: [[Int]] = [[]]
        // Lines of the current page that are its own, not a repeated header.
        var own = 0
        var perPage: Int { pages.count == 1 ? firstPage : otherPages }

        func newPage(before index: Int) {
            pages.append([])
            own = 0
            // A table going on repeats its header — unless the header alone
            // would fill the page.
            if let header = lines[index].repeatedHeader, index > header.upperBound, header.count < otherPages {
                pages[pages.count - 1] += Array(header)
            }
        }

        var index = 0
        while index < lines.count {
            if pages[pages.count - 1].count == perPage { newPage(before: index) }
            let line = lines[index]
            if own == 0 && line.isBlank && pages.count > 1 { index += 1; continue }
            // Keep a run of keep-with-next lines together with the line after it.
            var run = index
            while run < lines.count - 1 && lines[run].keepWithNext && !lines[run].isBlank { run += 1 }
            let needed = run - index + 1
            let free = perPage - pages[pages.count - 1].count
            if line.keepWithNext && !line.isBlank && needed > free && needed <= otherPages && own > 0 {
                newPage(before: index)
            }
            pages[pages.count - 1].append(index)
            own += 1
            index += 1
        }
        return pages
    }
}
