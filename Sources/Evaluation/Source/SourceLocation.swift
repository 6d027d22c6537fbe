/// Where a value came from in an input file, for messages written for the
/// person who has to fix that file.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int
    /// How the place reads in the file the person edits, when it is not a
    /// line and column of text: "自评表.xlsx 项目自评表!B4" for a workbook
    /// cell, "粘贴.txt 第12行第3列" for a pasted cell.
    public var place: String?

    public init(file: String, line: Int, column: Int, place: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.place = place
    }

    public var description: String { place ?? "\(file):\(line):\(column)" }
}

/// The path of a field inside a unit file, e.g. `projects[0].funds[1].executed`.
public struct FieldPath: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var components: [Component]

    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public init(_ components: [Component] = []) { self.components = components }

    public init(stringLiteral value: String) {
        self.components = value.split(separator: ".").map { .key(String($0)) }
    }

    public func appending(_ key: String) -> FieldPath { FieldPath(components + [.key(key)]) }
    public func appending(_ index: Int) -> FieldPath { FieldPath(components + [.index(index)]) }
    /// The path without its last `count` components.
    public func deletingLast(_ count: Int) -> FieldPath { FieldPath(Array(components.dropLast(count))) }

    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text.isEmpty ? "(top level)" : text
    }
}

/// Field path → location, recorded by the reader so that later phases
/// (binding, measuring) can point back into the file that holds the value.
public struct SourceMap: Sendable, Equatable {
    public var file: String
    private var locations: [FieldPath: SourceLocation]

    public init(file: String, locations: [FieldPath: SourceLocation] = [:]) {
        self.file = file
        self.locations = locations
    }

    /// Every path read from the file, in no particular order.
    public var paths: Dictionary<FieldPath, SourceLocation>.Keys { locations.keys }

    public mutating func record(_ path: FieldPath, _ location: SourceLocation) {
        locations[path] = location
    }

    /// The location of `path`, or of its nearest recorded ancestor.
    public func location(of path: FieldPath) -> SourceLocation? {
        var components = path.components
        while true {
            if let found = locations[FieldPath(components)] { return found }
            if components.isEmpty { return nil }
            components.removeLast()
        }
    }
}

/// A unit together with where each of its values was read from.
public struct UnitDocument: Sendable, Equatable {
    public var unit: UnitEvaluation
    public var source: SourceMap

    public init(unit: UnitEvaluation, source: SourceMap) {
        self.unit = unit
        self.source = source
    }
}
