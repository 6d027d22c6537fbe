import Foundation

/// Reading inputs (`Read/UnitFiles+Read.swift`) and writing a rendered
/// unit's files: the steps the command line runs for each input.
public enum UnitFiles {
    /// Writes every file of a rendered unit atomically, in order.
    public static func write(_ unit: RenderedUnit, into folder: URL) throws -> [URL] {
        // Never outside `folder`, whatever the unit and project names.
        try AtomicFile.write(unit.files.map { (data: $0.data, relativePath: $0.relativePath) }, inside: folder)
    }
}
