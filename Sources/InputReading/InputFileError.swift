import Evaluation

/// Why a unit or layout file could not be read, written for the person fixing it:
/// what is wrong, where (file:line:column and the field path), how to fix it.
/// `message` is the type's catalogue of sentences, in Chinese and English.
package struct InputFileError: Error, Sendable, Equatable, HasMessage {
    package enum Problem: Sendable, Equatable {
        /// The file is not well-formed YAML/JSON (the parser's own words).
        case syntax(String)
        /// The file could not be read at all.
        case unreadable(Message)
        /// Bytes that are not UTF-8 text (GB18030, a workbook, …).
        case notUTF8Text
        /// A value has the wrong shape (a list where text was expected, …).
        case wrongType(expected: NodeShape, found: NodeShape)
        case missingField(String)
        case unknownField(String, suggestion: String?)
        /// Every unknown field of a file, reported at once.
        case unknownFields([UnknownField])
        case invalidValue(Message, hint: Message)
        /// A limit that protects against hostile input was exceeded.
        case limitExceeded(Message)
    }

    package var problem: Problem
    package var location: SourceLocation
    package var path: FieldPath

    package init(_ problem: Problem, at location: SourceLocation, path: FieldPath) {
        self.problem = problem
        self.location = location
        self.path = path
    }

    package var message: Message {
        let field = path.components.isEmpty ? "" : " (\(path))"
        let at = location.description
        switch problem {
        case .syntax(let detail):
            return .error(at: at,
                chinese: "不是有效的YAML/JSON：\(YAMLProblemWords.chinese(detail))。请检查这一行附近的缩进和引号；以 > = [ { * & ! | 开头或含有“: ”的值须加引号。（读取器原文：\(detail)）",
                english: "not valid YAML/JSON: \(detail). Check indentation and quoting near this line; values that start with > = [ { * & ! | or contain \": \" must be quoted.")
        case .unreadable(let reason):
            return .cannotRead(at: location.file, reason)
        case .notUTF8Text:
            return .error(at: location.file,
                chinese: "无法读取文件：不是UTF-8文本。请另存为UTF-8（中文版Office保存的文件常为GB18030编码）。",
                english: "cannot read the file: it is not UTF-8 text; save it as UTF-8 (files from Chinese Office installations are often GB18030).")
        case .wrongType(let expected, let found):
            return .error(at: at,
                chinese: "\(path)应为\(expected.expected.chinese)，实为\(found.found.chinese)。请写成\(expected.expected.chinese)。",
                english: "\(path) must be \(expected.expected.english), found \(found.found.english). Write it as \(expected.expected.english).")
        case .missingField(let name):
            return .error(at: at, chinese: "缺少必填字段“\(name)”\(field)。请在此处添加“\(name): …”。",
                          english: "missing required field '\(name)'\(field). Add '\(name): …' here.")
        case .unknownField(let name, let suggestion):
            let hint = suggestion.map { Message.didYouMean($0) } ?? Message(chinese: "请删除，或对照README.md中的字段名。", english: "remove it or check the field names in README.md.")
            return Message.unknownField(name, at: at, field: field, hint: hint)
        case .unknownFields(let fields):
            return .joined(fields.map(\.message))
        case .invalidValue(let detail, let hint):
            return .error(at: at, chinese: "\(path)：\(detail.chinese)。\(hint.chinese)", english: "\(path): \(detail.english). \(hint.english)")
        case .limitExceeded(let detail):
            return .error(at: location.line == 0 ? location.file : at, chinese: detail.chinese, english: detail.english)
        }
    }
}

extension Message {
    /// "use one of: a, b, c" — the values a setting takes.
    package static func useOneOf(_ names: [String]) -> Message {
        Message(chinese: "请用以下之一：\(names.joined(separator: "、"))", english: "use one of: \(names.joined(separator: ", "))")
    }

    /// "did you mean 'x'?" after a misspelt name.
    package static func didYouMean(_ name: String) -> Message {
        Message(chinese: "是否应为“\(name)”？", english: "did you mean '\(name)'?")
    }

    /// "did you mean 'implementingUnit'（实施单位）?", the name already quoted.
    package static func didYouMean(quoted name: String) -> Message {
        Message(chinese: "是否应为 \(name)？", english: "did you mean \(name)?")
    }

    /// `place: error: unknown field 'x' (path); hint`.
    static func unknownField(_ name: String, at place: String, field: String, hint: Message) -> Message {
        .error(at: place, chinese: "未知字段“\(name)”\(field)；\(hint.chinese)", english: "unknown field '\(name)'\(field); \(hint.english)")
    }

    /// `place: error: cannot read the file: reason.`
    package static func cannotRead(at place: String, _ reason: Message) -> Message {
        .error(at: place, chinese: "无法读取文件：\(reason.chinese)。", english: "cannot read the file: \(reason.english).")
    }

    /// A file with nothing in it.
    package static let emptyFile = Message(chinese: "文件是空的", english: "the file is empty")

    /// No hint.
    package static let none = Message(chinese: "", english: "")

    /// A flag written as something else than true or false.
    package static func notTrueOrFalse(_ text: String) -> Message {
        Message(chinese: "“\(text)”不是 true 或 false", english: "'\(text)' is not true or false")
    }
}

/// What a YAML/JSON value is, or should be, in a `wrongType` error.
package enum NodeShape: Sendable, Equatable {
    case mapping, list, text, alias
    /// A scalar, with the start of what was written.
    case writtenText(String)

    /// What was expected, with how it is written.
    package var expected: Message {
        switch self {
        case .mapping: Message(chinese: "字段映射（键: 值）", english: "a mapping of fields (key: value)")
        case .list: Message(chinese: "列表（以“- ”开头的行）", english: "a list (lines starting with '- ')")
        default: found
        }
    }

    /// What was found.
    package var found: Message {
        switch self {
        case .mapping: Message(chinese: "字段映射", english: "a mapping of fields")
        case .list: Message(chinese: "列表", english: "a list")
        case .text: Message(chinese: "文字", english: "text")
        case .alias: Message(chinese: "别名", english: "an alias")
        case .writtenText(let text): Message(chinese: "文字“\(text.prefix(40))”", english: "the text \"\(text.prefix(40))\"")
        }
    }
}

/// A field of a unit file that no reader and no declaration knows, with the
/// nearest declared field by key or by Chinese label.
package struct UnknownField: Sendable, Equatable, HasMessage {
    package var name: String
    package var suggestion: FieldSuggestion?
    package var location: SourceLocation
    package var path: FieldPath

    package init(name: String, suggestion: FieldSuggestion?, location: SourceLocation, path: FieldPath) {
        self.name = name
        self.suggestion = suggestion
        self.location = location
        self.path = path
    }

    package var message: Message {
        let field = path.components.isEmpty ? "" : " (\(path))"
        let hint = suggestion.map { Message.didYouMean(quoted: $0.description) }
            ?? Message(chinese: "请删除该字段，或在 Layouts/fields.yaml 或表样的“fields:”部分中声明。",
                       english: "remove it, or declare it in Layouts/fields.yaml or the layout's 'fields:' section.")
        return Message.unknownField(name, at: location.description, field: field, hint: hint)
    }
}
