import Evaluation
import Foundation
import Importing
import Layout
import Testing

/// Inputs the layout fuzzer (Fuzz/Layout) saved, replayed as it runs them:
/// the layout is loaded and, if it loads, the example unit is laid out on
/// it. Each gives pages, a LayoutError or a LayoutFailure.
@Suite("Layout fuzz findings stay fixed")
struct LayoutFuzzRegressionTests {
    static let folder = layoutsFolder().deletingLastPathComponent().appendingPathComponent("Tests/FuzzRegressions/layout")
    static let inputs = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()

    @Test("each saved layout input loads and lays out, or is refused with its problems", .hangGuard(minutes: 1), arguments: inputs)
    func replay(name: String) throws {
        let unit = try UnitFileReader.read(contentsOf: layoutsFolder().deletingLastPathComponent().appendingPathComponent("Examples/liuhe-2024.yaml")).unit
        let text = String(decoding: try Data(contentsOf: Self.folder.appendingPathComponent(name)), as: UTF8.self)
        let layout: LayoutSpec
        do {
            layout = try LayoutLoader.load(text: text, file: name)
        } catch {
            #expect(!error.problems.isEmpty)
            return
        }
        do {
            let instance: DocumentInstance = switch layout.document {
            case .department: .department
            case .project: .project(index: 0)
            case .report: .report
            }
            #expect(!(try DocumentPipeline.pages(unit, instance, onto: layout, measurer: FixedAdvanceMeasurer())).isEmpty)
        } catch let failure as LayoutFailure {
            #expect(!failure.description.isEmpty)
        }
    }
}
