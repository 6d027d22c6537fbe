/// A sentence for people in both languages FormPrint speaks. Every message
/// FormPrint prints — findings, errors of every module, import notes,
/// progress, tables, help — is one of these, written once in its type's
/// catalogue (its `message` property), so the two sentences never drift
/// apart and the command line can print either.
public struct Message: Sendable, Hashable {
    public var chinese: String
    public var english: String

    public init(chinese: String, english: String) {
        self.chinese = chinese
        self.english = english
    }

    public func text(in language: Language) -> String {
        switch language {
        case .chinese: chinese
        case .english: english
        }
    }

    /// The text in the language the command line chose (`Language.current`).
    public var text: String { text(in: .current) }

    /// `place: error: …` / `place: 错误：…`, as a compiler writes it, so an
    /// editor can jump to the place; no place gives just `error: …`.
    public static func error(at place: String?, chinese: String, english: String) -> Message {
        let at = place.map { "\($0): " } ?? ""
        return Message(chinese: at + "错误：" + chinese, english: at + "error: " + english)
    }

    /// Both texts of each message joined by `separator` (e.g. a list of problems).
    public static func joined(_ messages: [Message], separator: String = "\n") -> Message {
        Message(chinese: messages.map(\.chinese).joined(separator: separator),
                english: messages.map(\.english).joined(separator: separator))
    }
}

/// A value whose text for people is a catalogued `Message`: its
/// `description` (what `"\(error)"` prints) is that message in the chosen
/// language, so no error type writes a sentence outside its catalogue.
public protocol HasMessage: CustomStringConvertible {
    var message: Message { get }
}

extension HasMessage {
    public var description: String { message.text }

    /// The description in `language`, whatever the command line chose.
    public func description(in language: Language) -> String { message.text(in: language) }
}
