internal import CCairoPango
import Foundation

/// Font subsets for OFD files, made by HarfBuzz's hb-subset: the glyphs of
/// the code points a document prints, with their `cmap`, so that a reader
/// maps the text to the same glyphs. One subsetter per writer; each face
/// file is opened (memory-mapped) once.
final class FontSubsetter {
    private var faces: [String: HarfBuzzFace] = [:]

    /// The subset of the face in `file` that covers `codePoints`.
    func subset(of file: String, codePoints: [UInt32]) throws(RenderError) -> Data {
        let face: HarfBuzzFace
        if let open = faces[file] {
            face = open
        } else {
            face = try HarfBuzzFace(file: file)
            faces[file] = face
        }
        return try face.subset(codePoints)
    }
}

/// The one owner of a HarfBuzz face and the blob it reads.
final class HarfBuzzFace {
    private let blob: OpaquePointer
    private let face: OpaquePointer
    let file: String

    init(file: String) throws(RenderError) {
        // hb_blob_create_from_file_or_fail returns NULL (not the empty blob) when the file cannot be read.
        guard let blob = hb_blob_create_from_file_or_fail(file) else {
            throw RenderError.fontsMissing("\(file) (could not be read to embed it in an OFD file)")
        }
        self.blob = blob
        guard let face = hb_face_create(blob, 0) else {
            hb_blob_destroy(blob)
            throw RenderError.fontsMissing("\(file) (HarfBuzz could not open it)")
        }
        self.face = face
        self.file = file
    }

    deinit {
        hb_face_destroy(face)
        hb_blob_destroy(blob)
    }

    func subset(_ codePoints: [UInt32]) throws(RenderError) -> Data {
        guard let input = hb_subset_input_create_or_fail() else { throw RenderError.ofd("hb_subset_input_create_or_fail failed") }
        defer { hb_subset_input_destroy(input) }
        let unicodes = hb_subset_input_unicode_set(input)
        for codePoint in codePoints { hb_set_add(unicodes, codePoint) }
        // No hinting to keep (the bundled faces have none), and the
        // layout tables are of no use to a reader placing glyphs by DeltaX.
        hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING.rawValue)
        let dropped = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG)
        for tag in ["GSUB", "GPOS", "GDEF", "BASE"] { hb_set_add(dropped, Self.tag(tag)) }
        guard let subset = hb_subset_or_fail(face, input) else {
            throw RenderError.ofd("hb-subset could not subset \(file)")
        }
        defer { hb_face_destroy(subset) }
        guard let data = hb_face_reference_blob(subset) else { throw RenderError.ofd("hb-subset wrote no font for \(file)") }
        defer { hb_blob_destroy(data) }
        var length: UInt32 = 0
        guard let bytes = hb_blob_get_data(data, &length), length > 0 else { throw RenderError.ofd("hb-subset wrote an empty font for \(file)") }
        return Data(bytes: bytes, count: Int(length))
    }

    static func tag(_ name: String) -> UInt32 {
        name.utf8.reduce(0) { $0 << 8 | UInt32($1) }
    }
}
