import Foundation

/// A validator for the part of JSON Schema (draft 2020-12) that
/// `Schemas/unit.schema.json` uses, so the tests need no network or Python.
/// A keyword it does not know is an error, never silently ignored — a
/// schema that grows beyond this subset fails its test until the validator
/// learns the keyword.
public struct SchemaValidator {
    public struct Failure: Error, CustomStringConvertible {
        public var path: String
        public var message: String
        public var description: String { "\(path.isEmpty ? "(top level)" : path): \(message)" }
    }

    /// Keywords that only annotate.
    static let annotations: Set<String> = ["$schema", "$id", "$comment", "title", "description", "examples", "default",
                                           "markdownDescription", "deprecated"]
    static let assertions: Set<String> = ["exclusiveMinimum", "$ref", "$defs", "type", "properties", "required", "additionalProperties", "items",
                                          "const", "enum", "minimum", "maximum", "minLength", "pattern"]

    let root: JSONValue

    public init(schema: JSONValue) { root = schema }

    /// Every failure in `instance` (empty when it validates).
    public func validate(_ instance: JSONValue) throws -> [Failure] {
        var failures: [Failure] = []
        try check(instance, against: root, path: "", &failures)
        return failures
    }

    private func check(_ instance: JSONValue, against schema: JSONValue, path: String, _ failures: inout [Failure]) throws {
        guard case .object(let keywords) = schema else {
            if schema == .bool(false) { failures.append(Failure(path: path, message: "no value is allowed here")) }
            return
        }
        for (keyword, value) in keywords {
            if Self.annotations.contains(keyword) || keyword == "$defs" { continue }
            guard Self.assertions.contains(keyword) else {
                throw Failure(path: path, message: "the test validator does not implement the keyword '\(keyword)'")
            }
            switch keyword {
            case "$ref":
                guard case .string(let reference) = value, reference.hasPrefix("#/") else {
                    throw Failure(path: path, message: "only local $ref (#/...) is supported")
                }
                var target = root
                for component in reference.dropFirst(2).split(separator: "/") {
                    guard let next = target[String(component)] else { throw Failure(path: path, message: "unresolved $ref \(reference)") }
                    target = next
                }
                try check(instance, against: target, path: path, &failures)
            case "type":
                let allowed: [String]
                switch value {
                case .string(let type): allowed = [type]
                case .array(let types): allowed = types.compactMap { if case .string(let t) = $0 { t } else { nil } }
                default: throw Failure(path: path, message: "bad 'type'")
                }
                if !allowed.contains(where: { Self.matches(instance, type: $0) }) {
                    failures.append(Failure(path: path, message: "expected \(allowed.joined(separator: " or ")), found \(Self.typeName(instance))"))
                }
            case "properties":
                guard case .object(let members) = instance, case .object(let properties) = value else { continue }
                for (name, propertySchema) in properties {
                    if let member = members.first(where: { $0.key == name }) {
                        try check(member.value, against: propertySchema, path: path + "/" + name, &failures)
                    }
                }
            case "required":
                guard case .object(let members) = instance, case .array(let names) = value else { continue }
                for case .string(let name) in names where !members.contains(where: { $0.key == name }) {
                    failures.append(Failure(path: path, message: "missing required '\(name)'"))
                }
            case "additionalProperties":
                guard case .object(let members) = instance else { continue }
                var known = Set<String>()
                if case .object(let properties)? = schema["properties"] { known = Set(properties.map(\.key)) }
                for member in members where !known.contains(member.key) {
                    if value == .bool(false) {
                        failures.append(Failure(path: path, message: "unknown field '\(member.key)'"))
                    } else {
                        try check(member.value, against: value, path: path + "/" + member.key, &failures)
                    }
                }
            case "items":
                guard case .array(let elements) = instance else { continue }
                for (index, element) in elements.enumerated() {
                    try check(element, against: value, path: path + "/\(index)", &failures)
                }
            case "const":
                if !Self.equal(instance, value) { failures.append(Failure(path: path, message: "must be \(value)")) }
            case "enum":
                guard case .array(let options) = value else { continue }
                if !options.contains(where: { Self.equal(instance, $0) }) { failures.append(Failure(path: path, message: "not one of the allowed values")) }
            case "minimum", "maximum":
                guard case .number(let number) = instance, case .number(let limit) = value else { continue }
                if keyword == "minimum" ? number < limit : number > limit {
                    failures.append(Failure(path: path, message: "\(number) is \(keyword == "minimum" ? "below" : "above") \(limit)"))
                }
            case "exclusiveMinimum":
                guard case .number(let number) = instance, case .number(let limit) = value else { continue }
                if number <= limit { failures.append(Failure(path: path, message: "\(number) is not above \(limit)")) }
            case "minLength":
                guard case .string(let text) = instance, case .number(let limit) = value else { continue }
                if Double(text.count) < limit { failures.append(Failure(path: path, message: "shorter than \(Int(limit))")) }
            case "pattern":
                guard case .string(let text) = instance, case .string(let pattern) = value else { continue }
                if text.range(of: pattern, options: .regularExpression) == nil {
                    failures.append(Failure(path: path, message: "does not match \(pattern)"))
                }
            default:
                break
            }
        }
    }

    static func matches(_ instance: JSONValue, type: String) -> Bool {
        switch (type, instance) {
        case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array), ("object", .object): true
        case ("integer", .number(let number)): number == number.rounded()
        default: false
        }
    }

    static func typeName(_ instance: JSONValue) -> String {
        switch instance {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool { a == b }
}
