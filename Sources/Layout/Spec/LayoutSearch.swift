import Foundation
import InputReading

/// Where the files a layout names are found — the base of `extends: ID`
/// (the file `ID.yaml`) and the stylesheet of `stylesheet: NAME` (the file
/// `styles/NAME.yaml`): the layout's own folder, then the user's
/// `--layouts` folders (the last named first), then the built-in `Layouts/`.
/// The first folder that has the file wins, so a province's folder may
/// replace a built-in base or stylesheet, and a user's `project-national.yaml`
/// may extend the built-in one of the same name.
package struct LayoutSearch: Sendable {
    package var folders: [URL]

    package init(folders: [URL]) { self.folders = folders }

    /// The folders searched from `file`: its own, `userFolders` (later ones
    /// first) and the built-in `Layouts/`, each once.
    package static func around(file: String, userFolders: [URL] = []) -> LayoutSearch {
        var folders = [URL(fileURLWithPath: file).deletingLastPathComponent()] + userFolders.reversed()
        if let builtIn = builtInFolder { folders.append(builtIn) }
        var seen: Set<String> = []
        return LayoutSearch(folders: folders.filter { seen.insert($0.standardizedFileURL.path).inserted })
    }

    /// The built-in `Layouts/` (`FORMPRINT_LAYOUTS` overrides where it is found).
    package static var builtInFolder: URL? {
        ResourceFolder.locate("Layouts", containing: "fields.yaml", environment: "FORMPRINT_LAYOUTS")
    }

    /// The layout file `id.yaml` (or `.yml`), skipping the files in `excluded`
    /// (the file that asks, so that it may extend a file of its own name).
    func layoutFile(_ id: String, excluding excluded: Set<String>) -> URL? {
        file(["\(id).yaml", "\(id).yml"], excluding: excluded)
    }

    /// The stylesheet `styles/name.yaml`.
    func stylesheetFile(_ name: String, excluding excluded: Set<String>) -> URL? {
        file(["styles/\(name).yaml", "styles/\(name).yml"], excluding: excluded)
    }

    private func file(_ names: [String], excluding excluded: Set<String>) -> URL? {
        for folder in folders {
            for name in names {
                let url = folder.appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: url.path), !excluded.contains(url.standardizedFileURL.path) { return url }
            }
        }
        return nil
    }

    /// The names found in the folders, for a "did you mean": layout ids or
    /// stylesheet names.
    func available(stylesheets: Bool) -> [String] {
        var names: Set<String> = []
        for folder in folders {
            let directory = stylesheets ? folder.appendingPathComponent("styles") : folder
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            where (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && name != "fields.yaml" {
                names.insert(String(name.prefix { $0 != "." }))
            }
        }
        return names.sorted()
    }
}
