internal import CCairoPango
import Foundation
import Layout

/// Draws paged documents into PDF bytes, with the document's metadata, its
/// outline (bookmarks) and page labels.
package struct PDFWriter {
    let typesetter: Typesetter
    /// The creation date written into the PDF, so identical input gives
    /// identical bytes (cairo would otherwise write the current time).
    package var creationDate: Date
    package var creator: String

    package init(typesetter: Typesetter, creationDate: Date, creator: String) {
        self.typesetter = typesetter
        self.creationDate = creationDate
        self.creator = creator
    }

    /// - Parameter pageLabels: the label of each page as a viewer shows it
    ///   (the number printed on the page); empty for viewers' default 1, 2, 3.
    package func pdf(_ document: PagedDocument, pageLabels: [String] = []) throws(RenderError) -> Data {
        let first = document.pages.first?.size ?? .a4Portrait
        let target = try CairoSurface(.pdf) { sink in
            cairo_pdf_surface_create_for_stream(CairoSurface.write, sink.closure, first.width.points, first.height.points)
        }
        setMetadata(target.surface, document.metadata)
        addOutline(document.outline, parent: Int32(CAIRO_PDF_OUTLINE_ROOT), pages: document.pages.count, to: target.surface)
        let drawer = PageDrawer(typesetter: typesetter, format: .pdf)
        for (index, page) in document.pages.enumerated() {
            cairo_pdf_surface_set_size(target.surface, page.size.width.points, page.size.height.points)
            if index < pageLabels.count { cairo_pdf_surface_set_page_label(target.surface, pageLabels[index]) }
            try drawer.draw(page, on: target.cr)
            cairo_show_page(target.cr)
        }
        try target.finish()
        // cairo writes its small objects as plain text; packing them into an
        // object stream makes a one-page form a sixth smaller.
        return PDFCompactor.compact(target.sink.data)
    }

    /// Bookmarks are added before the pages are drawn: cairo resolves
    /// `page=N` destinations when it finishes the document.
    private func addOutline(_ entries: [OutlineEntry], parent: Int32, pages: Int, to surface: OpaquePointer) {
        for entry in entries where entry.page >= 0 && entry.page < pages {
            let flags = entry.children.isEmpty ? cairo_pdf_outline_flags_t(0) : CAIRO_PDF_OUTLINE_FLAG_OPEN
            let id = cairo_pdf_surface_add_outline(surface, parent, entry.title, "page=\(entry.page + 1)", flags)
            addOutline(entry.children, parent: id, pages: pages, to: surface)
        }
    }

    private func setMetadata(_ surface: OpaquePointer, _ metadata: DocumentMetadata) {
        let entries: [(cairo_pdf_metadata_t, String)] = [
            (CAIRO_PDF_METADATA_TITLE, metadata.title), (CAIRO_PDF_METADATA_AUTHOR, metadata.author),
            (CAIRO_PDF_METADATA_SUBJECT, metadata.subject), (CAIRO_PDF_METADATA_KEYWORDS, metadata.keywords),
            (CAIRO_PDF_METADATA_CREATOR, creator), (CAIRO_PDF_METADATA_CREATE_DATE, PDFDate.iso8601(creationDate)),
        ]
        for (key, value) in entries where !value.isEmpty {
            cairo_pdf_surface_set_metadata(surface, key, value)
        }
    }
}
