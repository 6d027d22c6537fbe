import Evaluation
import InputReading

/// Removes the invisible characters that the unit-file reader rejects
/// (controls, bidirectional marks, zero-width joiners, byte-order marks)
/// from imported text. Spreadsheets and pasted text carry them often; each
/// removal is a note with its place, so nothing changes silently.
enum InvisibleText {
    /// `text` without invisible characters, and what was removed.
    static func cleaned(_ text: String) -> (text: String, removed: [InvisibleCharacter]) {
        guard InvisibleCharacter.first(in: text) != nil else { return (text, []) }
        var kept = String.UnicodeScalarView()
        var removed: [InvisibleCharacter] = []
        for scalar in text.unicodeScalars {
            if let invisible = InvisibleCharacter.first(in: String(scalar)) { removed.append(invisible) } else { kept.append(scalar) }
        }
        return (String(kept), removed)
    }

    static func note(_ removed: [InvisibleCharacter], at place: ImportPlace) -> ImportNote {
        let names = removed.map(\.message)
        let unique = names.reduce(into: [Message]()) { if !$0.contains($1) { $0.append($1) } }
        return ImportNote(.repaired, at: place, Message(chinese: "删去了" + unique.map(\.chinese).joined(separator: "、"),
                                                        english: "removed " + unique.map(\.english).joined(separator: ", ")))
    }

    /// Cleans pasted text line by line, noting each line's removals.
    static func cleanedLines(_ text: String, file: String) -> (text: String, notes: [ImportNote]) {
        guard InvisibleCharacter.first(in: text) != nil else { return (text, []) }
        var notes: [ImportNote] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            let (kept, removed) = cleaned(String(line))
            if !removed.isEmpty { notes.append(note(removed, at: .text(file: file, line: index + 1, column: 1))) }
            return kept
        }
        return (lines.joined(separator: "\n"), notes)
    }
}
