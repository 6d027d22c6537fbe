import Foundation
import Support

/// Finds FormPrint's data folders (`Fonts/`, `Layouts/`) at run time: an
/// environment variable if set, else next to or above the executable (an
/// installed copy or `.build/…/formprint` in a checkout), else the checkout
/// this module was compiled from.
package enum ResourceFolder {
    package static func locate(_ folder: String, containing marker: String, environment variable: String) -> URL? {
        if let path = EnvironmentVariables.value(variable), !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        for root in searchRoots {
            for candidate in [root + "/" + folder, root + "/share/formprint/" + folder]
            where FileManager.default.fileExists(atPath: candidate + "/" + marker) {
                return URL(fileURLWithPath: candidate)
            }
        }
        return nil
    }

    /// Where the folders are looked for, in order: the executable's folder
    /// and the five above it, then the checkout. Worked out once per
    /// process — resolving the executable's links and stepping up through
    /// URLs cost 0.9 M instructions a call, and a `render` makes six
    /// (issue 25); the executable does not move while it runs.
    private static let searchRoots: [String] = {
        var roots: [String] = []
        var directory = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            roots.append(directory.path)
            directory = directory.deletingLastPathComponent()
        }
        // Sources/InputReading/ResourceFolder.swift → the checkout root.
        var source = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { source = source.deletingLastPathComponent() }
        roots.append(source.path)
        return roots
    }()
}
