import Evaluation

/// What one input file became: the unit, the documents recognised in it,
/// and every note about repairs, inferences and cells that fit nowhere.
package struct ImportedUnit: Sendable {
    package var unit: UnitEvaluation
    package var documents: [RecognisedDocument]
    package var notes: [ImportNote]
    /// Where each value of `unit` was read from: the cell of the workbook
    /// or the line and column of the paste.
    package var places: [FieldPath: SourceLocation]
    /// The text of the cell each value was found in, as the file holds it
    /// (`validate --explain`); absent where a value is not one cell's text
    /// (joined from columns); a converted amount's is the text before conversion.
    package var writtenTexts: [FieldPath: String]
    /// The amounts converted from the money unit their heading named.
    package var conversions: [FieldPath: ConvertedAmount]

    package init(unit: UnitEvaluation, documents: [RecognisedDocument], notes: [ImportNote], places: [FieldPath: SourceLocation] = [:],
                writtenTexts: [FieldPath: String] = [:], conversions: [FieldPath: ConvertedAmount] = [:]) {
        self.unit = unit
        self.documents = documents
        self.notes = notes
        self.places = places
        self.writtenTexts = writtenTexts
        self.conversions = conversions
    }

    package var repairs: [ImportNote] { notes.filter { $0.kind == .repaired } }
    package var unplaced: [ImportNote] { notes.filter { $0.kind == .unplaced } }
    package var inferences: [ImportNote] { notes.filter { $0.kind == .inferred } }

    /// The unit with the place of each value in the imported file, so that
    /// findings name the cell or line the officer edits.
    package func document(file: String) -> UnitDocument {
        var source = SourceMap(file: file, locations: places)
        // A value whose cell is not known is named by the file alone.
        source.record(FieldPath(), SourceLocation(file: file, line: 0, column: 0, place: file))
        return UnitDocument(unit: unit, source: source)
    }
}

/// One document found in the input, with where its title is and a short
/// count of what was read from it.
package struct RecognisedDocument: Sendable, Hashable, HasMessage {
    package var kind: DocumentKind
    package var place: ImportPlace
    /// E.g. "2024年政数局综合类项目: 4 funds rows, 6 indicators".
    package var summary: Message

    package init(kind: DocumentKind, place: ImportPlace, summary: Message) {
        self.kind = kind
        self.place = place
        self.summary = summary
    }

    package var message: Message {
        Message(chinese: "\(kind.chineseName)（\(place.short.chinese)）：\(summary.chinese)",
                english: "\(kind.chineseName) (\(place.short.english)): \(summary.english)")
    }
}
