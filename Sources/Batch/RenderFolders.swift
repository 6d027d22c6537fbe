import FormPrint
import Foundation

extension UnitFiles {
    /// The output folder of each unit file rendered together by `render`,
    /// decided as `batch` decides it (`OutputFolders`): two files of the
    /// same unit and year overwrote each other's documents (issue 14); now
    /// the first keeps `<unit>` and each later one gets `<unit>_<stem>`,
    /// both with a warning. `units[i]` is nil where a file cannot be read
    /// (it fails on its own when rendered).
    package static func outputFolders(paths: [String], units: [(name: String, year: Int)?]) -> [(folder: String?, warnings: [String])] {
        let inputs = paths.enumerated().map { BatchInput(path: $1, position: $0) }
        let identities = units.map { $0.map { OutputFolders.Identity(name: $0.name, year: $0.year) } }
        return OutputFolders.assign(inputs, identities).map { ($0?.folder, $0?.warnings ?? []) }
    }
}
