// Fuzzes the path from a unit file to its pages (issue 14): any bytes read
// as a unit file, and every unit that reads is checked and scored by both
// scoring profiles and laid out on every shipped layout — bound, measured
// (with a fixed-advance measurer: no fonts, so the run is fast and the
// layout engine, not Pango, is what is fuzzed), paginated and composed.
// Any bytes must give pages or a named error — never a crash or a hang.
import Evaluation
import Foundation
import FuzzSupport
import Importing
import Layout
import Review

/// The shipped layouts and scoring profiles, read once. Held in static
/// storage: as top-level values captured only by the fuzz closure, the
/// optimiser kept them where LeakSanitizer did not see them, and it reported
/// them (768 bytes, allocated once at start) as leaked at exit.
enum Shipped {
    // Fuzz/Render/main.swift → the checkout.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let layouts: [LayoutSpec] = load {
        try ["project-jilin", "project-national", "department-jilin", "report-gbt9704"].map {
            try LayoutLoader.load(contentsOf: root.appendingPathComponent("Layouts/\($0).yaml"))
        }
    }
    static let profiles: [ScoringProfile] = load {
        try ["jilin", "national"].map { try ScoringProfileReader.read(contentsOf: root.appendingPathComponent("Scoring/\($0).yaml")) }
    }

    /// The layout a report's attached form prints in: the first shipped
    /// layout of its kind, as a plan would resolve one.
    static let attachedLayouts: [DocumentKind: LayoutSpec] = Dictionary(layouts.map { ($0.document, $0) }, uniquingKeysWith: { first, _ in first })

    static func load<T>(_ body: () throws -> T) -> T {
        do { return try body() } catch { fatalError("the render fuzzer needs the checkout's Layouts/ and Scoring/: \(error)") }
    }
}

func render(_ unit: UnitEvaluation, on layout: LayoutSpec, computed: ComputedValues) throws {
    let instances: [DocumentInstance] = switch layout.document {
    case .department: unit.department == nil ? [] : [.department]
    case .project: unit.projects.indices.map { .project(index: $0) }
    case .report: unit.report == nil ? [] : [.report]
    }
    for instance in instances {
        _ = try DocumentPipeline.pages(unit, instance, onto: layout, attachedLayouts: Shipped.attachedLayouts, computed: computed,
                                       measurer: FixedAdvanceMeasurer())
    }
}

fuzz { data in
    let text = String(decoding: data, as: UTF8.self)
    guard let document = try? UnitFileReader.read(text: text, file: "fuzz.yaml") else { return }
    for profile in Shipped.profiles {
        _ = Reviewer.findings(in: document, profile: profile)
        // The scorecard is bound beside the unit, as the renderer binds it.
        let computed = ComputedValues(Scoring.scored(document.unit, profile: profile).computed)
        for layout in Shipped.layouts {
            do {
                try render(document.unit, on: layout, computed: computed)
            } catch LayoutFailure.figureChanged(let written, let printed, let origin) {
                // The pipeline's conservation check (issue 24) caught a binder bug.
                fatalError("a figure changed on its way to the page (\(layout.id), \(origin)): \(written) → \(printed)")
            } catch {
                continue   // a named limit: the error, not a crash, is the answer
            }
        }
    }
}
