// The shipped form layouts and the conservation check the importing fuzz
// targets (conservation, workbook) share: every unit that imports goes
// through the whole form pipeline on every shipped form layout, and a figure
// that would change on its way to the page is a finding (issue 24).
import Evaluation
import Foundation
import Layout

package enum ShippedForms {
    // Fuzz/ShippedForms/ShippedForms.swift → the checkout.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Read once, held in static storage (as top-level values captured by the
    /// fuzz closure, LeakSanitizer reported them as leaked at exit).
    package static let layouts: [LayoutSpec] = {
        do {
            let folder = root.appendingPathComponent("Layouts")
            return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
                .filter { $0.hasSuffix(".yaml") && $0 != "fields.yaml" }
                .map { try LayoutLoader.load(contentsOf: folder.appendingPathComponent($0)) }
        } catch {
            fatalError("the fuzz targets need the checkout's Layouts/: \(error)")
        }
    }()

    /// Every form of `unit` on every shipped form layout — bound, measured
    /// with a fixed-advance measurer (no fonts: the engine is fuzzed, not
    /// Pango), paginated and composed. The pipeline checks conservation after
    /// binding; a changed figure stops the fuzzer with the input.
    package static func assertConserved(_ unit: UnitEvaluation) {
        for layout in layouts {
            guard case .table = layout.body else { continue }
            let instances: [DocumentInstance] = layout.document == .department
                ? (unit.department == nil ? [] : [.department]) : unit.projects.indices.map { .project(index: $0) }
            for instance in instances {
                do {
                    _ = try DocumentPipeline.pages(unit, instance, onto: layout, measurer: FixedAdvanceMeasurer())
                } catch .figureChanged(let written, let printed, let origin) {
                    fatalError("a figure changed on its way to the page (\(layout.id), \(origin)): \(written) → \(printed)")
                } catch {
                    continue   // a named limit (a row too tall for a page, say)
                }
            }
        }
    }
}
