import Foundation
import Evaluation

/// What the form readers share while reading one input: which cells were
/// used, the notes so far, and the clues to the unit's name and year.
struct ReadingContext {
    var file: String
    private(set) var used: Set<Int> = []
    /// The cells used, in the order they were read: where each value came from.
    private(set) var usedCells: [GridCell] = []
    var notes: [ImportNote] = []
    var evidence = UnitEvidence()

    init(file: String) { self.file = file }

    mutating func use(_ cell: GridCell?) {
        if let cell, used.insert(cell.id).inserted { usedCells.append(cell) }
    }

    mutating func note(_ kind: ImportNote.Kind, _ place: ImportPlace, _ message: Message) {
        notes.append(ImportNote(kind, at: place, message))
    }

    /// Every cell of `rows` that no reader used becomes an `unplaced` note:
    /// nothing in the input disappears without a word. `context` says where
    /// the cell is (`LooseCells`).
    mutating func reportUnused(_ rows: [GridRow], in context: Message) {
        for row in rows {
            for cell in row.cells where !used.contains(cell.id) {
                used.insert(cell.id)
                note(.unplaced, cell.place, Message(chinese: "“\(Self.excerpt(cell.text))”\(context.chinese)，不属于任何字段，未写入单位文件",
                                                    english: "\"\(Self.excerpt(cell.text))\" \(context.english) fits no field; it is not in the unit file"))
            }
        }
    }

    static func excerpt(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return flat.count > 30 ? String(flat.prefix(30)) + "…" : flat
    }
}

/// Clues to the unit's name and the evaluated year, with where they were
/// found; the strongest clue wins and the choice is reported.
struct UnitEvidence {
    struct Clue<Value: Sendable>: Sendable {
        var value: Value
        /// Lower is stronger.
        var rank: Int
        var source: Message
        var place: ImportPlace
    }

    private(set) var names: [Clue<String>] = []
    private(set) var years: [Clue<Int>] = []

    mutating func name(_ value: String, rank: Int, source: Message, at place: ImportPlace) {
        let value = value.trimmedCell
        guard !value.isEmpty else { return }
        names.append(Clue(value: value, rank: rank, source: source, place: place))
    }

    mutating func year(_ value: Int, rank: Int, source: Message, at place: ImportPlace) {
        guard (1990...2100).contains(value) else { return }
        years.append(Clue(value: value, rank: rank, source: source, place: place))
    }

    /// The first year written as "2024年" in `text` (not "2024年度" of a
    /// title, which `FormTitle.year` reads).
    mutating func yearMentioned(in text: String, rank: Int, source: Message, at place: ImportPlace) {
        guard let range = text.range(of: #"(19|20)\d\d年"#, options: .regularExpression),
              let year = Int(text[range].prefix(4)) else { return }
        self.year(year, rank: rank, source: source, at: place)
    }

    var bestName: Clue<String>? { names.min { $0.rank < $1.rank } }
    var bestYear: Clue<Int>? { years.min { $0.rank < $1.rank } }
}

/// Clue strengths, strongest first.
enum ClueRank {
    /// "（2024年度）", "填报单位：…"
    static let declared = 0
    /// 部门名称; a year in a form's title.
    static let formHeader = 1
    /// 实施单位; a year in a project or task name.
    static let formField = 2
    /// The report's 署名 or title.
    static let report = 3
}

/// Where a cell that fits no field is, in an unplaced note:
/// "“备注” 位于所有表格之外，…" / "\"备注\" outside every form fits no field".
extension Message {
    static let outsideEveryForm = Message(chinese: "位于所有表格之外", english: "outside every form")
    static let belowFormAfterEmptyRows = Message(chinese: "位于表格下方的空行之后", english: "below a form, after empty rows,")
    static let belowFormAfterEmptyLine = Message(chinese: "位于表格下方的空行之后", english: "below a form, after an empty line,")

    /// A clue's source that is a label of the form (实施单位, 部门名称): the same in both languages.
    static func label(_ text: String) -> Message { Message(chinese: text, english: text) }
}
