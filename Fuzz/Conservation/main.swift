// Fuzzes what an officer's table becomes on the page (issue 24): any bytes
// read as a pasted table or, when they are a ZIP, as a workbook; every unit
// that imports is bound onto every shipped form layout, and each cell that
// prints one of its values must print it as written, in the cell's declared
// format without a lost digit, or as one of its parts (FigureConservation,
// which the form pipeline checks after binding; the form is then measured,
// paginated and composed with a fixed-advance measurer).
// Any bytes must give conserved figures or a named error — never a crash, a
// hang, or a figure that changed on its way to the page.
import Evaluation
import Foundation
import FuzzSupport
import Importing
import Layout

/// The shipped form layouts, read once (static storage, see Fuzz/Render).
enum Shipped {
    // Fuzz/Conservation/main.swift → the checkout.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let layouts: [LayoutSpec] = {
        do {
            let folder = root.appendingPathComponent("Layouts")
            return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
                .filter { $0.hasSuffix(".yaml") && $0 != "fields.yaml" }
                .map { try LayoutLoader.load(contentsOf: folder.appendingPathComponent($0)) }
        } catch {
            fatalError("the conservation fuzzer needs the checkout's Layouts/: \(error)")
        }
    }()
}

fuzz { data in
    let file = data.starts(with: [0x50, 0x4B]) ? "fuzz.xlsx" : "fuzz.txt"
    guard let imported = try? UnitImporter.importData(data, file: file, options: ImportOptions(layouts: Shipped.layouts)) else { return }
    let unit = imported.unit
    for layout in Shipped.layouts {
        guard case .table(let table) = layout.body else { continue }
        let instances: [DocumentInstance] = layout.document == .department
            ? (unit.department == nil ? [] : [.department]) : unit.projects.indices.map { .project(index: $0) }
        for instance in instances {
            // The whole form pipeline — bind, measure, paginate, compose —
            // whose conservation check runs after binding.
            do {
                _ = try FormPipeline.pages(unit, instance, onto: layout, table: table, measurer: FixedAdvanceMeasurer())
            } catch .figureChanged(let written, let printed, let origin) {
                fatalError("a figure changed on its way to the page (\(layout.id), \(origin)): \(written) → \(printed)")
            } catch {
                continue   // a named limit (a row too tall for a page, say)
            }
        }
    }
}
