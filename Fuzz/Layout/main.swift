// Fuzzes the layout loader and, for every layout it accepts, the layout
// engine behind it: the example unit is bound onto the layout, measured
// (with a fixed-advance measurer, no fonts), paginated and composed. Any
// bytes must give pages, a LayoutError or a LayoutFailure — never a crash
// or a hang.
import Evaluation
import Foundation
import FuzzSupport
import Importing
import Layout

// Fuzz/Layout/main.swift → the checkout's Examples/liuhe-2024.yaml.
let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Examples/liuhe-2024.yaml")
let unit: UnitEvaluation
do {
    unit = try UnitFileReader.read(contentsOf: example).unit
} catch {
    fatalError("the layout fuzzer needs \(example.path): \(error)")
}

func render(_ layout: LayoutSpec) throws {
    let instance: DocumentInstance = switch layout.document {
    case .department: .department
    case .project: .project(index: 0)
    case .report: .report
    }
    // The example's report attaches no form, so a report layout needs no
    // attached layouts.
    _ = try DocumentPipeline.pages(unit, instance, onto: layout, measurer: FixedAdvanceMeasurer())
}

fuzz { data in
    let text = String(decoding: data, as: UTF8.self)
    guard let layout = try? LayoutLoader.load(text: text, file: "fuzz.yaml") else { return }
    _ = try? render(layout)
}
