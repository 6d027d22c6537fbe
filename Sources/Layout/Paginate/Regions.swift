/// The space a paginator fills (cf. Typst's `Regions`): the height on the
/// first page, on every other page, and what the last page keeps free for
/// a footer. The table paginator and the flow paginator share it: a form's
/// regions are the page less its title (first page) or continued title,
/// with the footer reserve; a report's are its text block.
package struct Regions: Sendable {
    package var firstPage: Length
    package var otherPages: Length
    package var footer: Length

    package init(firstPage: Length, otherPages: Length, footer: Length) {
        self.firstPage = firstPage
        self.otherPages = otherPages
        self.footer = footer
    }

    /// The regions of `table` on pages of `page`: the content height less
    /// the title (first page) or the continued title (other pages), and
    /// the footer with the gap above it.
    package init(for table: MeasuredTable, page: PageSpec) {
        let content = page.contentRect.size.height
        self.init(firstPage: content - table.titleHeight, otherPages: content - table.continuedTitleHeight,
                  footer: table.footer.isEmpty ? .zero : table.footerHeight + Regions.footerGap)
    }

    /// The same height on every page, nothing kept for a footer.
    package static func uniform(_ height: Length) -> Regions {
        Regions(firstPage: height, otherPages: height, footer: .zero)
    }

    /// Space between the table's last row and the footer.
    package static let footerGap = Length.mm(3)
}
