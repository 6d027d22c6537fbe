import Evaluation
import Foundation
import Yams
import Support

/// Reads field declarations: the built-in registry `Layouts/fields.yaml`
/// and the `fields:` section of a layout, which have the same shape — a
/// list of `{key, label, aliases, kind}` under each level.
package enum FieldRegistryReader {
    package static let formatVersion = 1

    /// The built-in registry of this installation, read once per process.
    package static func standard() throws -> FieldRegistry {
        try StandardRegistry.registry()
    }

    package static func read(contentsOf url: URL) throws -> FieldRegistry {
        let file = url.path
        let root = try YAMLDocument.compose(try YAMLDocument.text(contentsOf: url), file: file)
        let reader = NodeReader(file: file)
        var fields = try reader.object(root, at: FieldPath())
        _ = try fields.requiredInteger("formprint-fields", in: 1...1,
            hint: Message(chinese: "请在文件开头写“formprint-fields: 1”（字段登记表的格式版本）。",
                          english: "Start the file with 'formprint-fields: 1' (the field registry format version)."))
        let registry = try declarations(&fields, reader)
        try fields.finish()
        return registry
    }

    /// The declarations under each level key of `fields` (`project:`,
    /// `funds:`, …); other keys are left for the caller to check.
    package static func declarations(_ fields: inout ObjectReader, _ reader: NodeReader) throws -> FieldRegistry {
        var registry = FieldRegistry()
        for level in FieldLevel.allCases {
            let declarations = try fields.list(level.rawValue) { node, path in try declaration(node, path, level, reader) }
            var seen: Set<String> = []
            for (index, declaration) in declarations.enumerated() {
                guard seen.insert(declaration.key).inserted else {
                    throw InputFileError(.invalidValue(Message(chinese: "字段“\(declaration.key)”在\(level.rawValue)下声明了两次",
                                                               english: "the field '\(declaration.key)' is declared twice at \(level.rawValue)"),
                                                       hint: Message(chinese: "每个键只保留一处声明", english: "keep one declaration per key")),
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
            throw InputFileError(.invalidValue(Message(chinese: "“\(key)”不是字段键", english: "'\(key)' is not a field key"),
                                               hint: Message(chinese: "键由ASCII字母和数字组成，以字母开头，例如 adjustedBudget",
                                                             english: "a key is ASCII letters and digits starting with a letter, e.g. adjustedBudget")),
                                 at: reader.location(of: fields.value("key")!), path: path.appending("key"))
        }
        let label = try fields.requiredText("label")
        let aliases = try fields.list("aliases") { try reader.text($0, at: $1) }
        let kindText = try fields.text("kind")
        let kind = kindText.isEmpty ? FieldKind.text : FieldKind(rawValue: kindText)
        guard let kind else {
            throw InputFileError(.invalidValue(Message(chinese: "未知类型“\(kindText)”", english: "unknown kind '\(kindText)'"),
                                               hint: .useOneOf(FieldKind.allCases.map(\.rawValue))),
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
            throw InputFileError(.unreadable(Message(chinese: "找不到FormPrint的 Layouts/fields.yaml（请把 FORMPRINT_LAYOUTS 设为FormPrint的Layouts文件夹）",
                                                     english: "FormPrint's Layouts/fields.yaml was not found (set FORMPRINT_LAYOUTS to FormPrint's Layouts folder)")),
                                 at: SourceLocation(file: "Layouts/fields.yaml", line: 0, column: 0), path: FieldPath())
        }
        let registry = try FieldRegistryReader.read(contentsOf: folder.appendingPathComponent("fields.yaml"))
        cached = registry
        return registry
        }
    }
}
