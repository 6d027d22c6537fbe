import Evaluation

/// Everything wrong with one layout file, found in one pass so that
/// `formprint layouts check` can report all of it at once.
package struct LayoutError: Error, Sendable, HasMessage {
    package var problems: [LayoutProblem]

    package init(problems: [LayoutProblem]) { self.problems = problems }

    package var message: Message { .joined(problems.map(\.text)) }
}

/// One problem of a layout file: what is wrong (`message`) and how to fix
/// it (`hint`), each in Chinese and English, at its line and path.
package struct LayoutProblem: Sendable, Equatable, CustomStringConvertible {
    package var location: SourceLocation
    package var path: FieldPath
    package var message: Message
    package var hint: Message

    package init(location: SourceLocation, path: FieldPath, message: Message, hint: Message = Message(chinese: "", english: "")) {
        self.location = location
        self.path = path
        self.message = message
        self.hint = hint
    }

    /// `file:line:column: error: path: message; hint`.
    package var text: Message {
        let field = path.components.isEmpty ? "" : "\(path)"
        return .error(at: location.description,
                      chinese: (field.isEmpty ? "" : field + "：") + message.chinese + (hint.chinese.isEmpty ? "" : "；\(hint.chinese)"),
                      english: (field.isEmpty ? "" : field + ": ") + message.english + (hint.english.isEmpty ? "" : "; \(hint.english)"))
    }

    package var description: String { text.text }

    package func description(in language: Language) -> String { text.text(in: language) }
}

extension Message {
    static func unknownLayoutField(_ name: String) -> Message {
        Message(chinese: "未知字段“\(name)”", english: "unknown field '\(name)'")
    }

    static func unknownFontFamily(_ name: String) -> Message {
        Message(chinese: "未知字体族“\(name)”", english: "unknown font family '\(name)'")
    }

    static let seeLayoutsReadme = Message(chinese: "本部分的字段见 Layouts/README.md", english: "see Layouts/README.md for the fields of this section")

    /// "available: a, b" after an unknown name.
    static func available(_ names: [String]) -> Message {
        Message(chinese: "可用的有：\(names.joined(separator: "、"))", english: "available: \(names.joined(separator: ", "))")
    }
}
