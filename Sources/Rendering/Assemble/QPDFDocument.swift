internal import CQPDF
import Foundation

/// The one owner of a qpdf document (`qpdf_data`) and of the bytes it was
/// read from: qpdf reads from memory without copying and copies foreign
/// stream data only when the document it went into is written, so the
/// bytes live as long as this object. Freed with `qpdf_cleanup` in
/// `deinit`; every call that can fail is checked by `check`.
final class QPDFDocument {
    let handle: qpdf_data
    private let bytes: UnsafeMutableRawBufferPointer?

    /// An empty PDF to add pages to.
    init() throws(RenderError) {
        try Self.loadLibrary()
        guard let handle = fp_qpdf_init() else { throw RenderError.assembly("qpdf_init failed") }
        self.handle = handle
        self.bytes = nil
        fp_qpdf_silence_errors(handle)
        try check(fp_qpdf_empty_pdf(handle), "starting an empty PDF")
    }

    /// The PDF `data`, named `description` in messages.
    init(reading data: Data, description: String) throws(RenderError) {
        try Self.loadLibrary()
        guard let handle = fp_qpdf_init() else { throw RenderError.assembly("qpdf_init failed") }
        self.handle = handle
        let bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, data.count), alignment: 1)
        data.copyBytes(to: bytes)
        self.bytes = bytes
        fp_qpdf_silence_errors(handle)
        let base = bytes.baseAddress!.assumingMemoryBound(to: CChar.self)
        try check(fp_qpdf_read_memory(handle, description, base, UInt64(data.count), nil), "reading \(description)")
    }

    /// libqpdf is opened on first use (see CQPDF.h for why).
    static func loadLibrary() throws(RenderError) {
        guard formprint_qpdf_load() != 0 else { throw RenderError.assembly(String(cString: formprint_qpdf_load_error())) }
    }

    deinit {
        var owned: qpdf_data? = handle
        fp_qpdf_cleanup(&owned)
        bytes?.deallocate()
    }

    /// Throws qpdf's own message when the last call failed.
    func check(_ code: QPDF_ERROR_CODE, _ doing: String) throws(RenderError) {
        // qpdf_has_error, not the code: the code also flags warnings.
        guard fp_qpdf_has_error(handle) != QPDF_FALSE else { return }
        let error = fp_qpdf_get_error(handle)
        let text = error.map { String(cString: fp_qpdf_get_error_full_text(handle, $0)) } ?? "unknown error"
        throw RenderError.assembly("\(doing): \(text)")
    }

    var pageCount: Int { Int(fp_qpdf_get_num_pages(handle)) }

    func page(_ index: Int) -> qpdf_oh { fp_qpdf_get_page_n(handle, index) }
}
