import Foundation
import Testing

/// The library's public surface is the README's example and the model
/// (issue 26): everything else is `package`, shared between the package's
/// targets and invisible to a program that depends on the library. A test
/// inside the package cannot see the difference (`package` declarations are
/// visible to it), so this reads the declarations themselves: a new
/// `public` outside the list fails here, with its file and line, until it
/// is made `package` or added to the list on purpose.
@Suite struct PublicSurfaceTests {
    /// The facade's public types: read, check, render, write.
    static let facadeTypes: Set<String> = [
        "LayoutCatalog", "UnitFiles", "UnitChecker", "CheckedUnit", "UnitRenderer", "FontFallback",
        "RenderOptions", "OutputFormat", "RenderedUnit", "RenderedDocument", "OutputFile", "FormPrintError", "Finding",
    ]

    /// Files below the facade whose public types its public API returns:
    /// a finding's rule and severity, and the font fallback choice.
    static let publicBelowTheFacade: Set<String> = [
        "Review/Findings/Finding.swift", "Review/Findings/Rule.swift", "Review/Findings/Severity.swift",
        "Rendering/Fonts/FontLibrary.swift",
    ]

    /// The model (`Evaluation`) is public as a whole: a caller builds and
    /// reads units with it.
    static let publicModules: Set<String> = ["Evaluation"]

    struct Declaration: CustomStringConvertible {
        var file: String
        var line: Int
        var text: String
        /// Declared inside another declaration (a member or a nested type).
        var nested: Bool
        var description: String { "Sources/\(file):\(line): \(text)" }
    }

    /// Every `public` or `open` declaration under Sources/, by file.
    static func publicDeclarations() throws -> [Declaration] {
        let sources = repositoryRoot.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        var found: [Declaration] = []
        for url in files {
            let relative = String(url.path.dropFirst(sources.path.count + 1))
            let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
            for (index, line) in lines.enumerated() {
                let trimmed = line.drop { $0 == " " }
                // `open` as a modifier, not a variable named `open`.
                let isOpen = ["open class ", "open func ", "open var ", "open override "].contains { trimmed.hasPrefix($0) }
                if trimmed.hasPrefix("public ") || isOpen {
                    found.append(Declaration(file: relative, line: index + 1, text: String(trimmed), nested: trimmed.count < line.count))
                }
            }
        }
        return found.sorted { ($0.file, $0.line) < ($1.file, $1.line) }
    }

    @Test("outside the model, only the facade's types and what they return are public")
    func nothingElseIsPublic() throws {
        let stray = try Self.publicDeclarations().filter { declaration in
            let module = String(declaration.file.prefix { $0 != "/" })
            return !Self.publicModules.contains(module) && module != "FormPrint"
                && !Self.publicBelowTheFacade.contains(declaration.file)
        }
        #expect(stray.isEmpty, "make these `package`, or add them to the public surface on purpose:\n\(stray.map(\.description).joined(separator: "\n"))")
    }

    @Test("the facade's public types are the README's example: about ten")
    func facadeTypesAreTheExample() throws {
        let kinds = ["struct ", "enum ", "final class ", "class ", "typealias ", "protocol ", "actor "]
        let declared = try Self.publicDeclarations().filter { $0.file.hasPrefix("FormPrint/") }.compactMap { declaration -> String? in
            let rest = declaration.text.dropFirst("public ".count)
            // A nested type (FormPrintError.Resource) belongs to its outer type's surface.
            guard !declaration.nested, let kind = kinds.first(where: { rest.hasPrefix($0) }) else { return nil }
            return String(rest.dropFirst(kind.count).prefix { $0.isLetter || $0.isNumber })
        }
        #expect(Set(declared).isSuperset(of: Self.facadeTypes), "missing: \(Self.facadeTypes.subtracting(declared).sorted())")
        #expect(Set(declared).isSubset(of: Self.facadeTypes), "new public types: \(Set(declared).subtracting(Self.facadeTypes).sorted())")
    }
}
