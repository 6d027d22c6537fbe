internal import CCairoPango

/// One reference to a GObject (a Pango font map, context or layout),
/// released when its owner goes. A `Typesetter` whose `init` throws halfway
/// releases what it had already made: Swift releases the properties that
/// were set, where a `deinit` would not run.
final class GObjectReference {
    let pointer: UnsafeMutableRawPointer

    init(_ pointer: UnsafeMutableRawPointer) { self.pointer = pointer }

    deinit { formprint_object_unref(pointer) }
}

/// One Pango font description, freed when its owner goes.
final class FontDescriptionOwner {
    let description: OpaquePointer

    init(_ description: OpaquePointer) { self.description = description }

    deinit { pango_font_description_free(description) }
}
