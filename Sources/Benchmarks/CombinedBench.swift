import Evaluation
import FormPrint
import Foundation
import InputReading
import Layout

/// The seed's three documents per unit with the combined PDF, made both
/// ways in one run: assembled from the documents' PDFs (what `render
/// --combined` and `batch` do) and drawn a second time page by page (what
/// they did before), so the ratio is measured on the same machine state.
extension Benchmark {
    struct CombinedFigures {
        var drawnMilliseconds: Double
        var assembledMilliseconds: Double
        var drawnBytes: Int
        var assembledBytes: Int
    }

    func combinedFigures(_ renderer: UnitRenderer, rounds: Int, unitsPerRound: Int = 10) throws -> CombinedFigures? {
        guard let examples = ResourceFolder.locate("Examples", containing: "liuhe-2024.yaml", environment: "FORMPRINT_EXAMPLES") else {
            return nil
        }
        let document = try UnitFiles.read(examples.appendingPathComponent("liuhe-2024.yaml"))
        var drawn: [Double] = [], assembled: [Double] = []
        var drawnBytes = 0, assembledBytes = 0
        // Alternating rounds, so that a burst of load elsewhere hits both ways.
        for _ in 0..<rounds {
            var started = ContinuousClock.now
            for _ in 0..<unitsPerRound { assembledBytes = try renderer.render(document, options: RenderOptions(combined: true)).combined?.data.count ?? 0 }
            assembled.append(milliseconds(ContinuousClock.now - started) / Double(unitsPerRound))
            started = ContinuousClock.now
            for _ in 0..<unitsPerRound { drawnBytes = try drawnTwice(document, renderer) }
            drawn.append(milliseconds(ContinuousClock.now - started) / Double(unitsPerRound))
        }
        return CombinedFigures(drawnMilliseconds: median(drawn), assembledMilliseconds: median(assembled),
                               drawnBytes: drawnBytes, assembledBytes: assembledBytes)
    }

    /// The unit's documents, then every page drawn again into the combined PDF.
    func drawnTwice(_ document: UnitDocument, _ renderer: UnitRenderer) throws -> Int {
        let unit = document.unit
        let plan = try renderer.catalog.plan(for: document, options: RenderOptions())
        let computed = try renderer.scores(unit, plan: plan)
        let laidOut = try renderer.layouter.layOut(document, computed, plan: plan, draft: false)
        for document in laidOut {
            _ = try renderer.writer.write(document, plan: plan, folder: "bench", resolution: RenderOptions().resolution)
        }
        return try renderer.writer.drawCombined(laidOut, unit: unit, creationDate: plan.creationDate).count
    }
}
