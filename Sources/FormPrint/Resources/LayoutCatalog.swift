import Evaluation
import Foundation
import InputReading
import Layout
import Support

/// The layouts available to a run: the built-in `Layouts/` folder, then
/// each `--layouts` folder, a later file overriding an earlier one with
/// the same id.
///
/// Built-in layouts are named by their file (`project-national.yaml` is
/// `project-national`) and loaded when first used: a fresh process that
/// prints one form parses one layout file, not all of them. Layouts from a
/// user's folder are loaded at once, so that every problem in them is
/// reported before anything is rendered.
public struct LayoutCatalog: Sendable {
    private var loaded: [String: LayoutSpec] = [:]
    private var builtIn: [String: URL] = [:]
    /// The `--layouts` folders added so far: where a layout's `extends:`
    /// and `stylesheet:` are looked for, with its own folder and the built-in one.
    private var folders: [URL] = []

    /// The layout each document kind uses when the unit file names none:
    /// the built-in layout whose file says `default: true`.
    package static let defaults = LayoutDefaults.layouts

    package init() {}

    /// The built-in layouts (and `extraFolders`, in order).
    public static func standard(adding extraFolders: [URL] = []) throws -> LayoutCatalog {
        guard let folder = ResourceLocator.locate("Layouts", containing: "README.md", environment: "FORMPRINT_LAYOUTS") else {
            throw FormPrintError.resourcesMissing(.layouts)
        }
        var catalog = LayoutCatalog()
        for name in try Self.layoutFiles(in: folder) {
            catalog.builtIn[String(name.prefix { $0 != "." })] = folder.appendingPathComponent(name)
        }
        for extra in extraFolders { try catalog.add(folder: extra) }
        return catalog
    }

    /// Files beside the layouts that are not layouts: the field registry.
    static let registryFiles: Set<String> = ["fields.yaml"]

    static func layoutFiles(in folder: URL) throws -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !Self.registryFiles.contains($0) }.sorted()
        } catch {
            throw FormPrintError.unreadableLayouts(folder.path, SystemReason.message(of: error))
        }
    }

    /// Adds every `*.yaml` layout of `folder`; all problems of all files are
    /// reported together.
    package mutating func add(folder: URL) throws {
        var problems: [LayoutProblem] = []
        folders.append(folder)
        for name in try Self.layoutFiles(in: folder) {
            do {
                add(try LayoutLoader.load(contentsOf: folder.appendingPathComponent(name), userFolders: folders))
            } catch {
                problems += error.problems
            }
        }
        if !problems.isEmpty { throw LayoutError(problems: problems) }
    }

    package mutating func add(_ spec: LayoutSpec) {
        loaded[spec.id] = spec
        builtIn[spec.id] = nil
    }

    /// The fields a unit file may carry: the built-in registry and the
    /// `fields:` sections of the layouts added from folders. (Built-in
    /// layouts declare their fields in `Layouts/fields.yaml`, so they need
    /// not be loaded to know them.)
    package var fields: FieldRegistry {
        get throws {
            loaded.keys.sorted().reduce(try FieldRegistryReader.standard()) { $0.merging(loaded[$1]!.fields) }
        }
    }

    /// Every layout id available.
    public var ids: [String] { Set(loaded.keys).union(builtIn.keys).sorted() }

    /// The layout with `id`, loading a built-in one on first use.
    package func spec(_ id: String) throws -> LayoutSpec? {
        if let spec = loaded[id] { return spec }
        guard let file = builtIn[id] else { return nil }
        return try LayoutCache.spec(id, file: file)
    }

    /// Every layout, loaded.
    package func all() throws -> [LayoutSpec] { try ids.compactMap { try spec($0) } }

    /// The layout for `kind`: `requested` (from the command line or the
    /// unit file) or the default.
    package func layout(for kind: DocumentKind, requested: String?) throws -> LayoutSpec {
        let id = requested ?? Self.defaults[kind]!
        guard let spec = try spec(id) else {
            let candidates = try all().filter { $0.document == kind }.map(\.id).sorted()
            throw FormPrintError.unknownLayout(id, kind: kind, available: candidates)
        }
        guard spec.document == kind else {
            throw FormPrintError.layoutForWrongDocument(id, expected: kind, actual: spec.document)
        }
        return spec
    }
}

/// Built-in layouts loaded so far in this process, by file: every worker
/// of a batch shares them, and a file edited during a run does not change
/// the layout halfway through it.
enum LayoutCache {
    private static let specs = Locked<[String: LayoutSpec]>([:])

    static func spec(_ id: String, file: URL) throws -> LayoutSpec {
        try specs.withLock { specs in
            if let spec = specs[file.path] { return spec }
            let spec = try LayoutLoader.load(contentsOf: file)
            guard spec.id == id else {
                throw LayoutError(problems: [LayoutProblem(
                    location: SourceLocation(file: file.path, line: 1, column: 1), path: "id",
                    message: Message(chinese: "内置表样文件\(file.lastPathComponent)的标识是“\(spec.id)”", english: "the built-in layout file \(file.lastPathComponent) has the id '\(spec.id)'"),
                    hint: Message(chinese: "内置表样文件请以其标识命名：\(spec.id).yaml", english: "name a built-in layout file after its id: \(spec.id).yaml"))])
            }
            specs[file.path] = spec
            return spec
        }
    }
}
