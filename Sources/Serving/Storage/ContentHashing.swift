import FormPrint
import Foundation

/// FormPrint's SHA-256, named for the desk's uses (stored names, checks).
enum ContentHashing {
    static func hex(_ data: Data) -> String { ContentHash.hex(data) }
}
