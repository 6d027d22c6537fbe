import Evaluation
import Foundation
import Layout

/// The layouts available to a run: the built-in `Layouts/` folder, then
/// each `--layouts` folder, a later file overriding an earlier one with
/// the same id.
public struct LayoutCatalog: Sendable {
    public private(set) var layouts: [String: LayoutSpec] = [:]

    /// The layout each document kind uses when the unit file names none.
    public static let defaults: [DocumentKind: String] = [
        .project: "project-jilin", .department: "department-jilin", .report: "report-gbt9704",
    ]

    public init() {}

    /// The built-in layouts (and `extraFolders`, in order).
    public static func standard(adding extraFolders: [URL] = []) throws -> LayoutCatalog {
        guard let builtIn = ResourceLocator.locate("Layouts", containing: "README.md", environment: "FORMPRINT_LAYOUTS") else {
            throw FormPrintError.resourcesMissing("Layouts/ (set FORMPRINT_LAYOUTS to FormPrint's Layouts folder)")
        }
        var catalog = LayoutCatalog()
        try catalog.add(folder: builtIn)
        for folder in extraFolders { try catalog.add(folder: folder) }
        return catalog
    }

    /// Adds every `*.yaml` layout of `folder`; all problems of all files are
    /// reported together.
    public mutating func add(folder: URL) throws {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw FormPrintError.unreadableLayouts(folder.path, (error as NSError).localizedDescription)
        }
        var problems: [LayoutProblem] = []
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            do {
                let spec = try LayoutLoader.load(contentsOf: folder.appendingPathComponent(name))
                layouts[spec.id] = spec
            } catch {
                problems += error.problems
            }
        }
        if !problems.isEmpty { throw LayoutError(problems: problems) }
    }

    public mutating func add(_ spec: LayoutSpec) { layouts[spec.id] = spec }

    /// The layout for `kind`: `requested` (from the command line or the
    /// unit file) or the default.
    public func layout(for kind: DocumentKind, requested: String?) throws -> LayoutSpec {
        let id = requested ?? Self.defaults[kind]!
        guard let spec = layouts[id] else {
            let candidates = layouts.values.filter { $0.document == kind }.map(\.id).sorted()
            throw FormPrintError.unknownLayout(id, kind: kind, available: candidates)
        }
        guard spec.document == kind else {
            throw FormPrintError.layoutForWrongDocument(id, expected: kind, actual: spec.document)
        }
        return spec
    }
}
