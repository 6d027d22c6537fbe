/// The line breaks `Character.isNewline` is true for, found on UTF-8 bytes:
/// LF, VT, FF, CR (U+000A…U+000D), NEL (U+0085), LINE SEPARATOR (U+2028)
/// and PARAGRAPH SEPARATOR (U+2029). Stepping through a String's Characters
/// to find them costs tens of instructions a byte (issue 25).
package enum UTF8LineBreak {
    /// The length in bytes of the line break at `index`, nil if none starts there.
    package static func length(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        switch bytes[index] {
        case 0x0A...0x0D: return 1
        case 0xC2: return index + 1 < bytes.count && bytes[index + 1] == 0x85 ? 2 : nil
        case 0xE2:
            guard index + 2 < bytes.count, bytes[index + 1] == 0x80 else { return nil }
            return bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 ? 3 : nil
        default: return nil
        }
    }

    /// Whether `text` holds a line break or one of the ASCII bytes `also`.
    package static func contains(in text: String, orAny also: [UInt8] = []) -> Bool {
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            for index in bytes.indices where also.contains(bytes[index]) || length(in: bytes, at: index) != nil { return true }
            return false
        }
        if let found = text.utf8.withContiguousStorageIfAvailable(scan) { return found }
        return Array(text.utf8).withUnsafeBufferPointer(scan)
    }
}
