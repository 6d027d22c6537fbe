import Foundation
import Support
import Yams

/// The unit a unit file names (`unit: {name: …}`), read only as far as
/// that: for a file that could not be rendered, so that the bureau's
/// roster lists the failure under the unit that sent it, not under the
/// file's name. A syntax error below the name does not hide it: the lines
/// before the error are read instead. A file that reads but has no name
/// (or is not a mapping) names nobody.
package enum UnitNameProbe {
    package static func name(inFile url: URL) -> String? {
        guard ["yaml", "yml", "json"].contains(url.pathExtension.lowercased()),
              let text = try? YAMLDocument.text(contentsOf: url) else { return nil }
        return name(in: text)
    }

    package static func name(in text: String) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // A few cuts: an unclosed bracket is reported where the file ends,
        // a line after the one that opened it.
        for _ in 0..<4 where !lines.isEmpty {
            do {
                return name(of: try YAMLDocument.compose(lines.joined(separator: "\n"), file: ""))
            } catch let error as InputFileError {
                lines = Array(lines.prefix(min(lines.count - 1, max(0, error.location.line - 1))))
            } catch {
                return nil
            }
        }
        return nil
    }

    static func name(of root: Node) -> String? {
        guard let name = root["unit"]?["name"]?.string?.trimmingSpacesAndNewlines(), !name.isEmpty else { return nil }
        return name
    }
}
