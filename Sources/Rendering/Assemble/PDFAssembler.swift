internal import CQPDF
import Foundation
import Layout

/// The combined PDF of a unit, assembled at the PDF level from the PDFs
/// its documents were already drawn into: their pages (content, fonts,
/// resources) are copied by qpdf as they are, and the combined file gets
/// its own outline, page labels and metadata. Drawing every page a second
/// time into one surface cost about as much as drawing the documents; this
/// costs a parse and a copy. The price is one font subset per document
/// instead of one for the file (the combined PDF is about a tenth larger).
package struct PDFAssembler {
    package var creationDate: Date
    package var creator: String

    package init(creationDate: Date, creator: String) {
        self.creationDate = creationDate
        self.creator = creator
    }

    /// - Parameters:
    ///   - parts: each document's PDF, in order, with a name for messages.
    ///   - outline: entries whose pages count through all parts' pages.
    ///   - pageLabels: the label of each page of the combined file.
    package func combine(_ parts: [(name: String, pdf: Data)], metadata: DocumentMetadata, outline: [OutlineEntry],
                        pageLabels: [String]) throws(RenderError) -> Data {
        let target = try QPDFDocument()
        let q = target.handle
        var sources: [QPDFDocument] = []
        for part in parts {
            let source = try QPDFDocument(reading: part.pdf, description: part.name)
            for index in 0..<source.pageCount {
                try target.check(fp_qpdf_add_page(q, source.handle, source.page(index), QPDF_FALSE), "copying page \(index + 1) of \(part.name)")
            }
            sources.append(source)
        }
        let pages = (0..<target.pageCount).map(target.page)
        let root = fp_qpdf_get_root(q)
        if !outline.isEmpty {
            fp_qpdf_oh_replace_key(q, root, "/Outlines", outlineRoot(outline, pages: pages, in: q))
            fp_qpdf_oh_replace_key(q, root, "/PageMode", fp_qpdf_oh_new_name(q, "/UseOutlines"))
        }
        if !pageLabels.isEmpty {
            let numbers = fp_qpdf_oh_new_array(q)
            for range in Self.labelRanges(pageLabels) {
                let style = fp_qpdf_oh_new_dictionary(q)
                if !range.prefix.isEmpty { fp_qpdf_oh_replace_key(q, style, "/P", fp_qpdf_oh_new_unicode_string(q, range.prefix)) }
                if let start = range.start {
                    fp_qpdf_oh_replace_key(q, style, "/S", fp_qpdf_oh_new_name(q, "/D"))
                    if start != 1 { fp_qpdf_oh_replace_key(q, style, "/St", fp_qpdf_oh_new_integer(q, Int64(start))) }
                }
                fp_qpdf_oh_append_item(q, numbers, fp_qpdf_oh_new_integer(q, Int64(range.firstPage)))
                fp_qpdf_oh_append_item(q, numbers, style)
            }
            let labels = fp_qpdf_oh_new_dictionary(q)
            fp_qpdf_oh_replace_key(q, labels, "/Nums", numbers)
            fp_qpdf_oh_replace_key(q, root, "/PageLabels", labels)
        }
        fp_qpdf_oh_replace_key(q, fp_qpdf_get_trailer(q), "/Info", fp_qpdf_make_indirect_object(q, info(metadata, in: q)))
        try target.check(fp_qpdf_init_write_memory(q), "starting to write")
        // Deterministic: the /ID is a hash of the content, not of the time.
        fp_qpdf_set_deterministic_ID(q, QPDF_TRUE)
        fp_qpdf_set_object_stream_mode(q, qpdf_o_generate)
        try target.check(fp_qpdf_write(q), "writing")
        guard let buffer = fp_qpdf_get_buffer(q) else { throw RenderError.assembly("qpdf wrote no bytes") }
        let data = Data(bytes: buffer, count: fp_qpdf_get_buffer_length(q))
        withExtendedLifetime(sources) {}
        return data
    }

    private func info(_ metadata: DocumentMetadata, in q: qpdf_data) -> qpdf_oh {
        let info = fp_qpdf_oh_new_dictionary(q)
        let entries = [("/Title", metadata.title), ("/Author", metadata.author), ("/Subject", metadata.subject),
                       ("/Keywords", metadata.keywords), ("/Creator", creator)]
        for (key, value) in entries where !value.isEmpty {
            fp_qpdf_oh_replace_key(q, info, key, fp_qpdf_oh_new_unicode_string(q, value))
        }
        fp_qpdf_oh_replace_key(q, info, "/CreationDate", fp_qpdf_oh_new_string(q, Self.pdfDate(creationDate)))
        return info
    }

    /// Page labels as the ranges PDF writes them (§12.4.2): a prefix and
    /// decimal numbers counting up from `start` ("报告-1" … "报告-10" is one
    /// range), or a label without a number as a prefix alone.
    static func labelRanges(_ labels: [String]) -> [(firstPage: Int, prefix: String, start: Int?)] {
        var ranges: [(firstPage: Int, prefix: String, start: Int?)] = []
        var previous: (prefix: String, number: Int?)?
        for (page, label) in labels.enumerated() {
            let digits = label.reversed().prefix { $0.isASCII && $0.isNumber }.count
            // Numbers with a leading zero ("01") do not round-trip through /S /D.
            let tail = label.suffix(digits)
            let number = digits > 0 && digits <= 9 && !tail.hasPrefix("0") ? Int(tail) : nil
            let prefix = number == nil ? label : String(label.dropLast(digits))
            if let previous, previous.prefix == prefix, let last = previous.number, let number, number == last + 1 {
                // Goes on with the range before.
            } else {
                ranges.append((page, prefix, number))
            }
            previous = (prefix, number)
        }
        return ranges
    }

    /// "D:20250101000000Z" (PDF 32000-1 §7.9.4).
    static func pdfDate(_ date: Date) -> String {
        "D:" + PDFDate.iso8601(date).filter(\.isNumber) + "Z"
    }

    /// The outline dictionary and its items (PDF 32000-1 §12.3.3), every
    /// entry open, each opening the top of its page.
    private func outlineRoot(_ entries: [OutlineEntry], pages: [qpdf_oh], in q: qpdf_data) -> qpdf_oh {
        let root = fp_qpdf_make_indirect_object(q, fp_qpdf_oh_new_dictionary(q))
        fp_qpdf_oh_replace_key(q, root, "/Type", fp_qpdf_oh_new_name(q, "/Outlines"))
        let count = link(entries, under: root, pages: pages, in: q)
        fp_qpdf_oh_replace_key(q, root, "/Count", fp_qpdf_oh_new_integer(q, Int64(count)))
        return root
    }

    /// Adds `entries` as the children of `parent`; returns how many items
    /// are visible below it (all of them: every entry is open).
    private func link(_ entries: [OutlineEntry], under parent: qpdf_oh, pages: [qpdf_oh], in q: qpdf_data) -> Int {
        let valid = entries.filter { $0.page >= 0 && $0.page < pages.count }
        guard !valid.isEmpty else { return 0 }
        let items = valid.map { _ in fp_qpdf_make_indirect_object(q, fp_qpdf_oh_new_dictionary(q)) }
        var visible = 0
        for (index, (entry, item)) in zip(valid, items).enumerated() {
            fp_qpdf_oh_replace_key(q, item, "/Title", fp_qpdf_oh_new_unicode_string(q, entry.title))
            fp_qpdf_oh_replace_key(q, item, "/Parent", parent)
            if index > 0 { fp_qpdf_oh_replace_key(q, item, "/Prev", items[index - 1]) }
            if index + 1 < items.count { fp_qpdf_oh_replace_key(q, item, "/Next", items[index + 1]) }
            let page = pages[entry.page]
            let destination = fp_qpdf_oh_new_array(q)
            fp_qpdf_oh_append_item(q, destination, page)
            fp_qpdf_oh_append_item(q, destination, fp_qpdf_oh_new_name(q, "/XYZ"))
            fp_qpdf_oh_append_item(q, destination, fp_qpdf_oh_new_integer(q, 0))
            fp_qpdf_oh_append_item(q, destination, fp_qpdf_oh_new_real_from_double(q, Self.top(of: page, in: q), 2))
            fp_qpdf_oh_append_item(q, destination, fp_qpdf_oh_new_integer(q, 0))
            fp_qpdf_oh_replace_key(q, item, "/Dest", destination)
            let below = link(entry.children, under: item, pages: pages, in: q)
            if below > 0 { fp_qpdf_oh_replace_key(q, item, "/Count", fp_qpdf_oh_new_integer(q, Int64(below))) }
            visible += 1 + below
        }
        fp_qpdf_oh_replace_key(q, parent, "/First", items[0])
        fp_qpdf_oh_replace_key(q, parent, "/Last", items[items.count - 1])
        return visible
    }

    /// The top edge of the page's media box, where a bookmark opens it.
    private static func top(of page: qpdf_oh, in q: qpdf_data) -> Double {
        let box = fp_qpdf_oh_get_key(q, page, "/MediaBox")
        guard fp_qpdf_oh_is_array(q, box) != 0, fp_qpdf_oh_get_array_n_items(q, box) == 4 else { return 842 }
        return fp_qpdf_oh_get_numeric_value(q, fp_qpdf_oh_get_array_item(q, box, 3))
    }
}
