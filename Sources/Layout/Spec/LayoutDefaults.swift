import Evaluation
import Foundation

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
    static func topLevel(_ key: String, in text: String) -> String? {
        let prefix = "\(key):"
        for line in text.split(whereSeparator: \.isNewline) where line.hasPrefix(prefix) {
            let value = line.dropFirst(prefix.count).prefix { $0 != "#" }.trimmingCharacters(in: .whitespaces)
            return value.isEmpty ? nil : value
        }
        return nil
    }
}
