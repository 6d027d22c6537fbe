import Evaluation

/// Something the importer wants the person to know about one place of the
/// input. Nothing is changed or dropped silently: every repair of the text
/// and every cell that fitted nowhere becomes a note.
package struct ImportNote: Sendable, Hashable, HasMessage {
    package enum Kind: String, Sendable, Hashable {
        /// The input was repaired while reading (a heading's stray " x", a
        /// paragraph re-joined across an old page break, …). Review it.
        case repaired
        /// A cell or line that fits no field of any recognised form; it is
        /// not in the unit file. `--strict` makes these errors.
        case unplaced
        /// A value the importer had to infer (the unit's name, the year,
        /// the text encoding) and where it took it from.
        case inferred

        /// 已修正 / 未导入 / 推断 — repaired / unplaced / inferred.
        package var word: Message {
            switch self {
            case .repaired: Message(chinese: "已修正", english: "repaired")
            case .unplaced: Message(chinese: "未导入", english: "unplaced")
            case .inferred: Message(chinese: "推断", english: "inferred")
            }
        }
    }

    package var kind: Kind
    package var place: ImportPlace
    /// What was done or found, without the place.
    package var text: Message

    package init(_ kind: Kind, at place: ImportPlace, _ text: Message) {
        self.kind = kind
        self.place = place
        self.text = text
    }

    /// `place: unplaced: …` / `place: 未导入：…`.
    package var message: Message {
        Message(chinese: "\(place): \(kind.word.chinese)：\(text.chinese)", english: "\(place): \(kind.rawValue): \(text.english)")
    }

    package func message(in language: Language) -> String { message.text(in: language) }
}
