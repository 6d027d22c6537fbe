/// Something the importer wants the person to know about one place of the
/// input. Nothing is changed or dropped silently: every repair of the text
/// and every cell that fitted nowhere becomes a note.
public struct ImportNote: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The input was repaired while reading (a heading's stray " x", a
        /// paragraph re-joined across an old page break, …). Review it.
        case repaired
        /// A cell or line that fits no field of any recognised form; it is
        /// not in the unit file. `--strict` makes these errors.
        case unplaced
        /// A value the importer had to infer (the unit's name, the year,
        /// the text encoding) and where it took it from.
        case inferred
    }

    public var kind: Kind
    public var place: ImportPlace
    public var message: String

    public init(_ kind: Kind, at place: ImportPlace, _ message: String) {
        self.kind = kind
        self.place = place
        self.message = message
    }

    public var description: String { "\(place): \(kind.rawValue): \(message)" }
}
