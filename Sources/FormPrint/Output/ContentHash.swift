import Crypto
import Foundation

/// SHA-256 for change detection (`--skip-unchanged`) and for the short tags
/// that keep truncated file names apart, computed by swift-crypto (already
/// the server's dependency) rather than by a SHA-256 of FormPrint's own.
///
/// Why SHA-256 and not FNV-1a: the hash decides whether a unit is
/// re-rendered, so a collision would silently keep a stale PDF; SHA-256
/// makes that impossible in practice, and costs far less than rendering.
package struct ContentHash {
    private var hasher = SHA256()

    package init() {}

    package mutating func update(_ bytes: some Collection<UInt8>) {
        hasher.update(data: Array(bytes))
    }

    package mutating func update(_ text: String) {
        update(Array(text.utf8))
    }

    /// Adds a labelled field: its length and bytes, so that ("ab", "c")
    /// and ("a", "bc") hash differently.
    package mutating func field(_ label: String, _ bytes: some Collection<UInt8>) {
        update(Array("\(label):\(bytes.count):".utf8))
        update(bytes)
    }

    package mutating func field(_ label: String, _ text: String) {
        field(label, Array(text.utf8))
    }

    /// The 32 bytes of the digest; the hash can go on being updated.
    package func finalize() -> [UInt8] {
        Array(hasher.finalize())
    }

    /// The digest as 64 lowercase hex digits.
    package func hexDigest() -> String {
        finalize().map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }

    package static func hex(_ bytes: some Collection<UInt8>) -> String {
        var hash = ContentHash()
        hash.update(bytes)
        return hash.hexDigest()
    }

    package static func hex(_ text: String) -> String { hex(Array(text.utf8)) }
}

extension String {
    package func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
