import Foundation
import InputReading
import Layout
import Support

/// What the person running the import can say that the file may not:
/// the evaluated year and the unit's name, which win over what the
/// importer would infer; and the layouts a form may be recognised as.
package struct ImportOptions: Sendable {
    package var year: Int?
    package var unitName: String?
    /// Layouts to recognise forms by (built-in and `--layouts`): each form
    /// is read as the one it fits best, and the unit file names the layout.
    /// Empty: the built-in layouts.
    package var layouts: [LayoutSpec]

    package init(year: Int? = nil, unitName: String? = nil, layouts: [LayoutSpec] = []) {
        self.year = year
        self.unitName = unitName
        self.layouts = layouts
    }

    /// `layouts`, or the built-in ones when none are given.
    var recognisedLayouts: [LayoutSpec] {
        get throws { layouts.isEmpty ? try BuiltInLayouts.all() : layouts }
    }
}

/// The layouts of the `Layouts/` folder, loaded once per process, for an
/// import that names none.
enum BuiltInLayouts {
    private static let loaded = Locked<[LayoutSpec]?>(nil)

    static func all() throws -> [LayoutSpec] {
        try loaded.withLock { loaded in
            if let loaded { return loaded }
            guard let folder = ResourceFolder.locate("Layouts", containing: "README.md", environment: "FORMPRINT_LAYOUTS") else { return [] }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            let specs = try names.filter { $0.hasSuffix(".yaml") && $0 != "fields.yaml" }.sorted().map { name in
                try LayoutLoader.load(contentsOf: folder.appendingPathComponent(name))
            }
            loaded = specs
            return specs
        }
    }
}
