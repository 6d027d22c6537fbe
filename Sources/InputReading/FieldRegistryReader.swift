import Evaluation
import Foundation
import Yams
import Support

/// Reads field declarations: the built-in registry `Layouts/fields.yaml`
/// and the `fields:` section of a layout, which have the same shape — a
/// list of `{key, label, aliases, kind}` under each level.
public enum FieldRegistryReader {
    public static let formatVersion = 1

    /// The built-in registry of this installation, read once per process.
    public static func standard() throws -> FieldRegistry {
        try StandardRegistry.registry()
    }

    public static func read(contentsOf url: URL) throws -> FieldRegistry {
        let file = url.path
        let root = try YAMLDocument.compose(try YAMLDocument.text(contentsOf: url), file: file)
        let reader = NodeReader(file: file)
        var fields = try reader.object(root, at: FieldPath())
        _ = try fields.requiredInteger("formprint-fields", in: 1...1,
            hint: "Start the file with 'formprint-fields: 1' (the field registry format version).")
        let registry = try declarations(&fields, reader)
        try fields.finish()
        return registry
    }

    /// The declarations under each level key of `fields` (`project:`,
    /// `funds:`, …); other keys are left for the caller to check.
    public static func declarations(_ fields: inout ObjectReader, _ reader: NodeReader) throws -> FieldRegistry {
        var registry = FieldRegistry()
        for level in FieldLevel.allCases {
            let declarations = try fields.list(level.rawValue) { node, path in try declaration(node, path, level, reader) }
            var seen: Set<String> = []
            for (index, declaration) in declarations.enumerated() {
                guard seen.insert(declaration.key).inserted else {
                    throw InputFileError(.invalidValue("the field '\(declaration.key)' is declared twice at \(level.rawValue)",
                                                       hint: "keep one declaration per key"),
                                         at: SourceLocation(file: reader.file, line: 0, column: 0), path: fields.path.appending(level.rawValue).appending(index))
                }
                registry.add(declaration)
            }
        }
        return registry
    }

    static func declaration(_ node: Node, _ path: FieldPath, _ level: FieldLevel, _ reader: NodeReader) throws -> FieldDeclaration {
        var fields = try reader.object(node, at: path)
        let key = try fields.requiredText("key")
        if key.isEmpty || !key.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "." || $0 == "_") })
            || key.first?.isLetter != true {
            throw InputFileError(.invalidValue("'\(key)' is not a field key", hint: "a key is ASCII letters and digits starting with a letter, e.g. adjustedBudget"),
                                 at: reader.location(of: fields.value("key")!), path: path.appending("key"))
        }
        let label = try fields.requiredText("label")
        let aliases = try fields.list("aliases") { try reader.text($0, at: $1) }
        let kindText = try fields.text("kind")
        let kind = kindText.isEmpty ? FieldKind.text : FieldKind(rawValue: kindText)
        guard let kind else {
            throw InputFileError(.invalidValue("unknown kind '\(kindText)'", hint: "use one of: \(FieldKind.allCases.map(\.rawValue).joined(separator: ", "))"),
                                 at: reader.location(of: fields.value("kind")!), path: path.appending("kind"))
        }
        let location = reader.location(of: node)
        try fields.finish()
        return FieldDeclaration(level: level, key: key, label: label, aliases: aliases, kind: kind,
                                origin: "\(location.file):\(location.line)")
    }
}

/// `Layouts/fields.yaml`, read on first use and shared by every thread.
enum StandardRegistry {
    private static let cached = Locked<FieldRegistry?>(nil)

    static func registry() throws -> FieldRegistry {
        try cached.withLock { cached in
        if let cached { return cached }
        guard let folder = ResourceFolder.locate("Layouts", containing: "fields.yaml", environment: "FORMPRINT_LAYOUTS") else {
            throw InputFileError(.unreadable("FormPrint's Layouts/fields.yaml was not found (set FORMPRINT_LAYOUTS to FormPrint's Layouts folder)"),
                                 at: SourceLocation(file: "Layouts/fields.yaml", line: 0, column: 0), path: FieldPath())
        }
        let registry = try FieldRegistryReader.read(contentsOf: folder.appendingPathComponent("fields.yaml"))
        cached = registry
        return registry
        }
    }
}
