import Evaluation

/// Everything wrong with one layout file, found in one pass so that
/// `formprint layouts check` can report all of it at once.
public struct LayoutError: Error, Sendable, CustomStringConvertible {
    public var problems: [LayoutProblem]

    public init(problems: [LayoutProblem]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

public struct LayoutProblem: Sendable, Equatable, CustomStringConvertible {
    public var location: SourceLocation
    public var path: FieldPath
    public var message: String
    public var hint: String

    public init(location: SourceLocation, path: FieldPath, message: String, hint: String) {
        self.location = location
        self.path = path
        self.message = message
        self.hint = hint
    }

    public var description: String {
        let field = path.components.isEmpty ? "" : "\(path): "
        return "\(location): error: \(field)\(message)" + (hint.isEmpty ? "" : "; \(hint)")
    }
}
