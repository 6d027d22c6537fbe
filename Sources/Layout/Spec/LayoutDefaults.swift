import Evaluation
import Foundation
import Support

/// The layout each document kind uses when the unit file names none: the
/// built-in layout whose file says `default: true` (the seed's 吉林 forms and
/// the GB/T 9704 report).
///
/// Read from the files' top-level `default:` and `document:` lines (a
/// layout that `extends` another takes the base's document), without
/// loading the layouts: a fresh process that prints one form still parses
/// one layout file. `BuiltInLayoutTests` checks that each kind has exactly
/// one default and that the full loader reads the same.
package enum LayoutDefaults {
    package static let layouts: [DocumentKind: String] = builtIn(in: LayoutSearch.builtInFolder)

    static func builtIn(in folder: URL?) -> [DocumentKind: String] {
        guard let folder else { return [:] }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") && $0 != "fields.yaml" }.sorted()
        var defaults: [DocumentKind: String] = [:]
        for name in names {
            let text = (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
            guard topLevel("default", in: text) == "true", let document = document(of: text, in: folder, depth: 0) else { continue }
            let id = topLevel("id", in: text) ?? String(name.dropLast(".yaml".count))
            if defaults[document] == nil { defaults[document] = id }
        }
        return defaults
    }

    private static func document(of text: String, in folder: URL, depth: Int) -> DocumentKind? {
        if let written = topLevel("document", in: text) { return DocumentKind(rawValue: written) }
        guard depth < 8, let base = topLevel("extends", in: text),
              let baseText = try? String(contentsOf: folder.appendingPathComponent("\(base).yaml"), encoding: .utf8) else { return nil }
        return document(of: baseText, in: folder, depth: depth + 1)
    }

    /// The plain value of a top-level `key: value` line, its comment cut.
    ///
    /// Found on the UTF-8 bytes, line by line, stopping at the first match:
    /// splitting every built-in file into Characters for each key was a
    /// tenth of a fresh `render` (issue 25), and stepping through the
    /// String's UTF-8 view by index still cost 2.2 M instructions over the
    /// nine files. A line ends at any Unicode newline, as `isNewline`
    /// splits; `FastPathEquivalenceTests` keeps the splitting version
    /// beside this one.
    static func topLevel(_ key: String, in text: String) -> String? {
        let prefixText = "\(key):", prefix = Array(prefixText.utf8)
        func value(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = bytes.count, next = bytes.count
                var index = lineStart
                while index < bytes.count {
                    if let length = UTF8LineBreak.length(in: bytes, at: index) {
                        lineEnd = index
                        next = index + length
                        break
                    }
                    index += 1
                }
                if lineEnd - lineStart >= prefix.count, prefix.indices.allSatisfy({ bytes[lineStart + $0] == prefix[$0] }) {
                    let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]), as: UTF8.self)
                    // A byte match whose colon a combining mark joins is not the key.
                    if line.hasPrefix(prefixText) {
                        let written = line.dropFirst(prefixText.count).prefix { $0 != "#" }.trimmingSpaces()
                        return written.isEmpty ? nil : written
                    }
                }
                lineStart = next
            }
            return nil
        }
        if let found = text.utf8.withContiguousStorageIfAvailable(value) { return found }
        return Array(text.utf8).withUnsafeBufferPointer(value)
    }
}
