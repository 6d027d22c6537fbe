import Evaluation
import Foundation
import Support
import Yams

/// Reads a composed YAML/JSON node tree field by field, so that every error
/// carries the exact line, column and field path, unknown fields are reported
/// (with the nearest valid name) instead of silently ignored, and every value
/// read is recorded in a `SourceMap` for later phases.
///
/// A hand-written reader rather than `Decodable`: the synthesized decoders
/// ignore unknown keys and lose the position of the failing value.
package final class NodeReader {
    package let file: String
    package private(set) var sourceMap: SourceMap
    /// Nodes visited so far; bounded so that alias bombs cannot expand forever.
    private var visited = 0
    package static let maximumNodes = 500_000
    package static let maximumDepth = 64
    /// The longest value, in characters: about 30 pages of report text, or
    /// a form cell running over dozens of pages. A longer value is not a
    /// self-evaluation but a pasting accident (a whole document in one
    /// cell), and would make the renderer work through hundreds of pages.
    package static let maximumValueLength = 20_000

    package init(file: String) {
        self.file = file
        self.sourceMap = SourceMap(file: file)
    }

    package func location(of node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    fileprivate func visit(_ node: Node, _ path: FieldPath) throws {
        visited += 1
        if visited > Self.maximumNodes {
            throw InputFileError(
                .limitExceeded(Message(
                    chinese: "文件展开后超过\(Self.maximumNodes)个值（是否有相互嵌套的YAML别名 `*name`？）；单位文件最多\(Self.maximumNodes)个值",
                    english: "the file expands to more than \(Self.maximumNodes) values (are YAML aliases `*name` nesting each other?); unit files are limited to \(Self.maximumNodes) values")),
                at: location(of: node), path: path)
        }
        if path.components.count > Self.maximumDepth {
            throw InputFileError(
                .limitExceeded(Message(chinese: "字段嵌套超过\(Self.maximumDepth)层；单位文件不会这么深",
                                       english: "fields nest deeper than \(Self.maximumDepth) levels; unit files are never that deep")),
                at: location(of: node), path: path)
        }
        sourceMap.record(path, location(of: node))
    }

    package func object(_ node: Node, at path: FieldPath) throws -> ObjectReader {
        try visit(node, path)
        guard case .mapping(let mapping) = node else {
            throw InputFileError(.wrongType(expected: .mapping, found: Self.describe(node)),
                                at: location(of: node), path: path)
        }
        return ObjectReader(reader: self, node: node, mapping: mapping, path: path)
    }

    package func list(_ node: Node, at path: FieldPath) throws -> [Node] {
        try visit(node, path)
        if case .scalar(let scalar) = node, scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
            return []
        }
        guard case .sequence(let sequence) = node else {
            throw InputFileError(.wrongType(expected: .list, found: Self.describe(node)),
                                at: location(of: node), path: path)
        }
        return Array(sequence)
    }

    /// Text exactly as written: `212.40` stays "212.40" (it is never turned
    /// into a number and back), a null or empty value is "".
    package func text(_ node: Node, at path: FieldPath) throws -> String {
        try visit(node, path)
        guard case .scalar(let scalar) = node else {
            throw InputFileError(.wrongType(expected: .text, found: Self.describe(node)),
                                at: location(of: node), path: path)
        }
        if scalar.style == .plain && ["~", "null", "Null", "NULL"].contains(scalar.string) { return "" }
        if scalar.string.utf8.count > Self.maximumValueLength, case let length = scalar.string.count, length > Self.maximumValueLength {
            throw InputFileError(
                .limitExceeded(Message(
                    chinese: "该值有\(length)个字符；一个值最多\(Self.maximumValueLength)个字符（约30页）。请缩短，或分成几段或几行",
                    english: "the value has \(length) characters; a value is limited to \(Self.maximumValueLength) characters (about 30 pages). Shorten it, or split it into several paragraphs or rows")),
                at: location(of: node), path: path)
        }
        if let invisible = InvisibleCharacter.first(in: scalar.string) {
            throw InputFileError(.invalidValue(Message(chinese: "该值含有\(invisible.message.chinese)", english: "the value contains \(invisible.message.english)"),
                                               hint: invisible.hint), at: location(of: node), path: path)
        }
        return scalar.string
    }

    package static func describe(_ node: Node) -> NodeShape {
        switch node {
        case .scalar(let scalar): .writtenText(String(scalar.string.prefix(40)))
        case .mapping: .mapping
        case .sequence: .list
        case .alias: .alias
        }
    }
}

/// The fields of one mapping. Call `finish()` after reading to report the
/// fields that nobody asked for.
package struct ObjectReader {
    package let reader: NodeReader
    package let node: Node
    package let mapping: Node.Mapping
    package let path: FieldPath
    private var asked: [String] = []

    package init(reader: NodeReader, node: Node, mapping: Node.Mapping, path: FieldPath) {
        self.reader = reader
        self.node = node
        self.mapping = mapping
        self.path = path
    }

    package mutating func value(_ key: String) -> Node? {
        asked.append(key)
        for (keyNode, valueNode) in mapping where keyNode.string == key { return valueNode }
        return nil
    }

    package mutating func requiredText(_ key: String) throws -> String {
        guard let node = value(key) else {
            throw InputFileError(.missingField(key), at: reader.location(of: self.node), path: path)
        }
        return try reader.text(node, at: path.appending(key))
    }

    package mutating func text(_ key: String) throws -> String {
        guard let node = value(key) else { return "" }
        return try reader.text(node, at: path.appending(key))
    }

    package mutating func optionalObject(_ key: String) throws -> ObjectReader? {
        guard let node = value(key) else { return nil }
        return try reader.object(node, at: path.appending(key))
    }

    /// Reads each element of the list under `key` (absent means empty).
    package mutating func list<Element>(_ key: String, _ read: (Node, FieldPath) throws -> Element) throws -> [Element] {
        guard let node = value(key) else { return [] }
        let listPath = path.appending(key)
        return try reader.list(node, at: listPath).enumerated().map { index, element in
            try read(element, listPath.appending(index))
        }
    }

    package mutating func requiredInteger(_ key: String, in range: ClosedRange<Int>, hint: Message) throws -> Int {
        let raw = try requiredText(key)
        guard let number = Int(raw.trimmingSpaces()), range.contains(number) else {
            throw InputFileError(.invalidValue(Message(chinese: "“\(raw)”不是\(range.lowerBound)到\(range.upperBound)之间的整数",
                                                english: "'\(raw)' is not a whole number from \(range.lowerBound) to \(range.upperBound)"), hint: hint),
                                at: reader.location(of: value(key)!), path: path.appending(key))
        }
        return number
    }

    /// Keys of this mapping that no reader asked for, with the nearest
    /// field name that was asked for (a likely typo).
    package func unknownKeys() -> [(key: String, suggestion: String?, location: SourceLocation)] {
        mapping.compactMap { keyNode, _ in
            let key = keyNode.string ?? ""
            return asked.contains(key) ? nil : (key, nearest(to: key, in: asked), reader.location(of: keyNode))
        }
    }

    /// Every key of this mapping that no reader asked for is an error: a
    /// misspelt field would otherwise vanish from the printed form.
    package func finish() throws {
        if let first = unknownKeys().first {
            throw InputFileError(.unknownField(first.key, suggestion: first.suggestion), at: first.location, path: path)
        }
    }
}

/// The candidate closest to `word` by edit distance, if it is close enough to
/// be a plausible typo.
package func nearest(to word: String, in candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    return best.1 <= max(2, word.count / 3) ? best.0 : nil
}

package func editDistance(_ a: String, _ b: String) -> Int {
    FieldRegistry.editDistance(a, b)
}
