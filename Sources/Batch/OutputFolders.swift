import Evaluation
import FormPrint
import Foundation

/// Decides each unit's output folder over the whole batch (every shard
/// decides the same): `<unit name made safe>`, and when two units of the
/// same year would share it — same name, or names equal on a
/// case-insensitive file system — the first in sorted order keeps it and
/// each later one gets `<name>_<its file's stem>` (then `_2`, `_3` if even
/// that is taken). Both are reported.
enum OutputFolders {
    struct Identity: Sendable, Hashable {
        var name: String
        var year: Int
    }

    struct Assignment: Sendable {
        var folder: String
        var warnings: [String] = []
    }

    /// `identities[i]` belongs to `inputs[i]`; nil for a file that could
    /// not be read (it fails later, with its reason).
    static func assign(_ inputs: [BatchInput], _ identities: [Identity?]) -> [Assignment?] {
        struct Key: Hashable { var folder: String; var year: Int }
        func key(_ folder: String, _ year: Int) -> Key { Key(folder: FileNaming.collisionKey(folder), year: year) }

        var result = [Assignment?](repeating: nil, count: inputs.count)
        var owner: [Key: Int] = [:]
        var later: [Int] = []
        // First pass: the first unit of each folder keeps it.
        for (index, identity) in identities.enumerated() {
            guard let identity else { continue }
            let folder = FileNaming.safeComponent(identity.name)
            if owner[key(folder, identity.year)] == nil {
                owner[key(folder, identity.year)] = index
                result[index] = Assignment(folder: folder)
            } else {
                later.append(index)
            }
        }
        // Second pass: the others get their file's stem, avoiding every
        // folder already taken.
        for index in later {
            let identity = identities[index]!
            let plain = FileNaming.safeComponent(identity.name)
            let first = owner[key(plain, identity.year)]!
            var folder = FileNaming.safeComponent(identity.name + "_" + inputs[index].stem)
            var number = 2
            while owner[key(folder, identity.year)] != nil {
                folder = FileNaming.safeComponent("\(identity.name)_\(inputs[index].stem)_\(number)")
                number += 1
            }
            owner[key(folder, identity.year)] = index
            result[index] = Assignment(folder: folder, warnings: [Message(
                chinese: "单位“\(identity.name)”（\(identity.year)年度）\(duplicateMarker.chinese)\(inputs[first].path)中；写入文件夹“\(folder)”",
                english: "unit '\(identity.name)' (\(identity.year))\(duplicateMarker.english)\(inputs[first].path); written to folder '\(folder)'").text])
            result[first]?.warnings.append(Message(
                chinese: "单位“\(identity.name)”（\(identity.year)年度）\(duplicateMarker.chinese)\(inputs[index].path)中，后者写入文件夹“\(folder)”",
                english: "unit '\(identity.name)' (\(identity.year))\(duplicateMarker.english)\(inputs[index].path), which is written to folder '\(folder)'").text)
        }
        return result
    }

    /// The words that mark a duplicate-unit warning, in either language
    /// (a merged summary may hold shards run in both).
    static let duplicateMarker = Message(chinese: "也在", english: " is also in ")

    package static func isDuplicateWarning(_ warning: String) -> Bool {
        warning.contains(duplicateMarker.english) || (warning.hasPrefix("单位“") && warning.contains("）" + duplicateMarker.chinese))
    }
}

extension UnitSummary {
    /// The warnings that another input holds the same unit and year.
    package var duplicateWarnings: [String] { warnings.filter(OutputFolders.isDuplicateWarning) }
}
