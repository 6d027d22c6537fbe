import Foundation

/// Finds FormPrint's data folders (`Fonts/`, `Layouts/`) at run time: an
/// environment variable if set, else next to or above the executable (an
/// installed copy or `.build/…/formprint` in a checkout), else the checkout
/// this module was compiled from.
package enum ResourceFolder {
    package static func locate(_ folder: String, containing marker: String, environment variable: String) -> URL? {
        if let path = ProcessInfo.processInfo.environment[variable], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        var candidates: [URL] = []
        var directory = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(directory.appendingPathComponent(folder))
            candidates.append(directory.appendingPathComponent("share/formprint").appendingPathComponent(folder))
            directory = directory.deletingLastPathComponent()
        }
        // Sources/InputReading/ResourceFolder.swift → the checkout root.
        var source = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { source = source.deletingLastPathComponent() }
        candidates.append(source.appendingPathComponent(folder))
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent(marker).path) }
    }
}
