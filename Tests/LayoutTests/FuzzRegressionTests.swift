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
        let measurer = FixedAdvanceMeasurer()
        do {
            switch layout.body {
            case .table(let table):
                let instance: DocumentInstance = layout.document == .department ? .department : .project(index: 0)
                let measured = try TableMeasurer.measure(TableBinder.bind(unit, instance, onto: layout, table: table), with: measurer)
                let pages = try TablePaginator.paginate(measured, regions: Regions(for: measured, page: layout.page))
                #expect(!(try TableComposer.compose(measured, pages: pages, page: layout.page, measurer: measurer)).isEmpty)
            case .flow(let flow):
                let report = try #require(unit.report)
                #expect(!(try ReportComposer.compose(ReportBinder.bind(report, flow: flow), flow: flow, page: layout.page, measurer: measurer)).isEmpty)
            }
        } catch let failure as LayoutFailure {
            #expect(!failure.description.isEmpty)
        }
    }
}
