import Evaluation

/// Why a unit or layout file could not be read, written for the person fixing it:
/// what is wrong, where (file:line:column and the field path), how to fix it.
public struct InputFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Problem: Sendable, Equatable {
        /// The file is not well-formed YAML/JSON.
        case syntax(String)
        /// The file could not be read at all.
        case unreadable(String)
        /// A value has the wrong shape (a list where text was expected, …).
        case wrongType(expected: String, found: String)
        case missingField(String)
        case unknownField(String, suggestion: String?)
        /// Every unknown field of a file, reported at once.
        case unknownFields([UnknownField])
        case invalidValue(String, hint: String)
        /// A limit that protects against hostile input was exceeded.
        case limitExceeded(String)
    }

    public var problem: Problem
    public var location: SourceLocation
    public var path: FieldPath

    public init(_ problem: Problem, at location: SourceLocation, path: FieldPath) {
        self.problem = problem
        self.location = location
        self.path = path
    }

    public var description: String {
        let field = path.components.isEmpty ? "" : " (\(path))"
        switch problem {
        case .syntax(let message):
            return "\(location): error: not valid YAML/JSON: \(message). Check indentation and quoting near this line; values that start with > = [ { * & ! | or contain \": \" must be quoted."
        case .unreadable(let message):
            return "\(location.file): error: cannot read the file: \(message)."
        case .wrongType(let expected, let found):
            return "\(location): error: \(path) must be \(expected), found \(found). Write it as \(expected)."
        case .missingField(let name):
            return "\(location): error: missing required field '\(name)'\(field). Add '\(name): …' here."
        case .unknownField(let name, let suggestion):
            let hint = suggestion.map { "did you mean '\($0)'?" } ?? "remove it or check the field names in README.md."
            return "\(location): error: unknown field '\(name)'\(field); \(hint)"
        case .unknownFields(let fields):
            return fields.map(\.description).joined(separator: "\n")
        case .invalidValue(let message, let hint):
            return "\(location): error: \(path): \(message). \(hint)"
        case .limitExceeded(let message):
            return "\(location.line == 0 ? location.file : location.description): error: \(message)"
        }
    }
}

/// A field of a unit file that no reader and no declaration knows, with the
/// nearest declared field by key or by Chinese label.
public struct UnknownField: Sendable, Equatable, CustomStringConvertible {
    public var name: String
    public var suggestion: FieldSuggestion?
    public var location: SourceLocation
    public var path: FieldPath

    public init(name: String, suggestion: FieldSuggestion?, location: SourceLocation, path: FieldPath) {
        self.name = name
        self.suggestion = suggestion
        self.location = location
        self.path = path
    }

    public var description: String {
        let field = path.components.isEmpty ? "" : " (\(path))"
        let hint = suggestion.map { "did you mean \($0.description)? 是否应为 \($0.description)？" }
            ?? "remove it, or declare it in Layouts/fields.yaml or the layout's 'fields:' section. 请删除该字段，或在字段登记表中声明。"
        return "\(location): error: unknown field '\(name)'\(field) 未知字段“\(name)”; \(hint)"
    }
}
