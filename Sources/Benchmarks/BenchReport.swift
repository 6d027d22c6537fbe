import FormPrint
import Foundation

/// What one benchmark run measured. Times are medians over repeated runs,
/// in milliseconds; rates in pages per second.
package struct BenchReport: Encodable, Sendable {
    package struct Phase: Codable, Sendable {
        package var name: String
        package var milliseconds: Double
    }
    package struct Scale: Codable, Sendable {
        package var units: Int
        package var millisecondsPerPage: Double
        package var peakMegabytes: Double
    }

    /// The seed unit's three documents and its combined PDF, per unit.
    package struct SeedUnit: Codable, Sendable {
        /// The combined PDF assembled from the documents' PDFs.
        package var assembledMilliseconds: Double
        /// The combined PDF drawn again from the pages (before).
        package var drawnTwiceMilliseconds: Double
        package var assembledCombinedBytes: Int
        package var drawnCombinedBytes: Int
        package var speedup: Double { assembledMilliseconds > 0 ? drawnTwiceMilliseconds / assembledMilliseconds : 0 }
    }

    /// The C floor (`formprint-floor`) and FormPrint as whole processes,
    /// measured alternately in the same run.
    package struct Floor: Codable, Sendable {
        /// The floor drawing the one-page form once, whole process.
        package var freshProcessMilliseconds: Double
        /// The floor's cost per further page, each into its own PDF.
        package var perPageMilliseconds: Double
        /// `formprint render` of the same form, whole process.
        package var formprintFreshMilliseconds: Double
        /// `formprint batch --jobs 1`: the cost per further one-page unit.
        package var batchPerUnitMilliseconds: Double
        package var instructions: Instructions?

        package var freshRatio: Double { freshProcessMilliseconds > 0 ? formprintFreshMilliseconds / freshProcessMilliseconds : 0 }
        package var batchRatio: Double { perPageMilliseconds > 0 ? batchPerUnitMilliseconds / perPageMilliseconds : 0 }
    }

    /// Instruction counts (callgrind) of the same processes.
    package struct Instructions: Codable, Sendable {
        package var freshFormPrint: Int
        package var freshFloor: Int
        /// Per further one-page unit of `formprint batch --jobs 1`.
        package var batchPerUnit: Int
        /// Per further page of the floor.
        package var floorPerPage: Int
        /// The seed unit (three documents and the combined PDF) in a batch:
        /// a batch of two copies less a batch of one.
        package var seedUnit: Int?

        package var freshRatio: Double { Double(freshFormPrint) / Double(max(1, freshFloor)) }
        package var batchRatio: Double { Double(batchPerUnit) / Double(max(1, floorPerPage)) }
    }

    package var machine: String
    /// The machine's load average (1 minute) when the run ended.
    package var loadAverage: Double = 0
    package var formprintVersion: String
    /// One one-page project form into its own PDF file, in a batch on one core.
    package var oneFormMilliseconds: Double
    package var pagesPerSecondOneJob: Double
    package var pagesPerSecondTwoJobs: Double
    package var twoJobSpeedup: Double { pagesPerSecondOneJob > 0 ? pagesPerSecondTwoJobs / pagesPerSecondOneJob : 0 }
    /// The 300-indicator project form, to PDF bytes.
    package var threeHundredIndicatorsMilliseconds: Double
    package var threeHundredIndicatorsPages: Int
    /// `formprint render` of one form in a new process (nil when the
    /// benchmark does not know its own executable).
    package var freshProcessMilliseconds: Double?
    package var bytesPerOnePageForm: Double
    /// Where the time of one form goes.
    package var phases: [Phase]
    /// The same page drawn by a minimal Cairo + Pango program, and
    /// FormPrint's time as a multiple of it.
    package var directDrawingMilliseconds: Double
    /// FormPrint from the unit in memory to the file (every phase but
    /// reading the unit file, which the direct program has no equivalent
    /// of) over the direct drawing to a file.
    package var ratioToDirectDrawing: Double {
        let read = phases.first { $0.name == "read" }?.milliseconds ?? 0
        return directDrawingMilliseconds > 0 ? (oneFormMilliseconds - read) / directDrawingMilliseconds : 0
    }
    /// Cost per page and peak memory as the batch grows.
    package var scaling: [Scale]
    package var seedUnit: SeedUnit?
    /// Nil when `formprint-floor` was not built beside `formprint`.
    package var floor: Floor?

    enum CodingKeys: String, CodingKey {
        case machine, formprintVersion, oneFormMilliseconds, pagesPerSecondOneJob, pagesPerSecondTwoJobs, twoJobSpeedup
        case threeHundredIndicatorsMilliseconds, threeHundredIndicatorsPages, freshProcessMilliseconds, bytesPerOnePageForm
        case phases, directDrawingMilliseconds, ratioToDirectDrawing, scaling, seedUnit, seedUnitSpeedup, floor, loadAverage
    }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(machine, forKey: .machine)
        try container.encode(formprintVersion, forKey: .formprintVersion)
        try container.encode(oneFormMilliseconds, forKey: .oneFormMilliseconds)
        try container.encode(pagesPerSecondOneJob, forKey: .pagesPerSecondOneJob)
        try container.encode(pagesPerSecondTwoJobs, forKey: .pagesPerSecondTwoJobs)
        try container.encode(twoJobSpeedup, forKey: .twoJobSpeedup)
        try container.encode(threeHundredIndicatorsMilliseconds, forKey: .threeHundredIndicatorsMilliseconds)
        try container.encode(threeHundredIndicatorsPages, forKey: .threeHundredIndicatorsPages)
        try container.encodeIfPresent(freshProcessMilliseconds, forKey: .freshProcessMilliseconds)
        try container.encode(bytesPerOnePageForm, forKey: .bytesPerOnePageForm)
        try container.encode(phases, forKey: .phases)
        try container.encode(directDrawingMilliseconds, forKey: .directDrawingMilliseconds)
        try container.encode(ratioToDirectDrawing, forKey: .ratioToDirectDrawing)
        try container.encode(scaling, forKey: .scaling)
        try container.encodeIfPresent(seedUnit, forKey: .seedUnit)
        try container.encodeIfPresent(seedUnit?.speedup, forKey: .seedUnitSpeedup)
        try container.encodeIfPresent(floor, forKey: .floor)
        try container.encode(loadAverage, forKey: .loadAverage)
    }

    /// The figures beside the targets of the issue 25 and the performance
    /// reference: every time also as a multiple of the C floor's, measured
    /// in the same run (its cost per page, or its fresh process).
    package var table: String {
        func ms(_ value: Double) -> String { String(format: "%.2f ms", value) }
        func instructions(_ count: Int) -> String { String(format: "%.1f M instructions", Double(count) / 1e6) }
        /// `value` as a multiple of the floor's page.
        func perPage(_ value: Double) -> String {
            guard let floor, floor.perPageMilliseconds > 0 else { return ms(value) }
            return ms(value) + String(format: " = %.2f× floor", value / floor.perPageMilliseconds)
        }
        var rows: [(String, String, String)] = []
        if let floor {
            rows += [
                ("C floor (formprint-floor): fresh process, one form", ms(floor.freshProcessMilliseconds), ""),
                ("C floor: per further page, each its own PDF", ms(floor.perPageMilliseconds), ""),
                ("fresh `formprint render`, one form", ms(floor.formprintFreshMilliseconds) + String(format: " = %.2f× floor's fresh process", floor.freshRatio), "≤ 1.2×"),
                ("`formprint batch --jobs 1`, per one-page unit", ms(floor.batchPerUnitMilliseconds) + String(format: " = %.2f× floor's page", floor.batchRatio), "≤ 1.15×"),
            ]
            if let counts = floor.instructions {
                rows += [
                    ("  instructions: fresh render / floor", instructions(counts.freshFormPrint) + " / " + instructions(counts.freshFloor)
                        + String(format: " = %.2f×", counts.freshRatio), "≤ 1.2×"),
                    ("  instructions: batch per unit / floor per page", instructions(counts.batchPerUnit) + " / " + instructions(counts.floorPerPage)
                        + String(format: " = %.2f×", counts.batchRatio), "≤ 1.15×"),
                ]
                if let seed = counts.seedUnit {
                    rows.append(("  instructions: seed unit in a batch (3 documents + combined)",
                                 instructions(seed) + String(format: " = %.1f floor pages", Double(seed) / Double(max(1, counts.floorPerPage))), "≤ 250 M"))
                }
            } else {
                rows.append(("  instructions", "not counted (valgrind not found, or --no-instructions)", ""))
            }
        } else {
            rows.append(("C floor", "not measured: build it beside formprint (swift build -c release --static-swift-stdlib)", ""))
        }
        rows += [
            ("one-page form into its own PDF, in process, 1 job", perPage(oneFormMilliseconds), ""),
            ("pages per second, 1 job", String(format: "%.0f", pagesPerSecondOneJob), ""),
            ("pages per second, 2 jobs", String(format: "%.0f (%.2f×)", pagesPerSecondTwoJobs, twoJobSpeedup), "≥ 1.8×"),
            ("300-indicator form (\(threeHundredIndicatorsPages) pages), per page",
             perPage(threeHundredIndicatorsMilliseconds / Double(max(1, threeHundredIndicatorsPages))), "linear in rows"),
            ("PDF size, one-page form", String(format: "%.1f KB", bytesPerOnePageForm / 1024), "≤ 35 KB"),
            ("the page drawn by FormPrint's Swift DirectDrawer", perPage(directDrawingMilliseconds), ""),
        ]
        if let seed = seedUnit {
            rows.append(("seed unit, 3 documents + combined, per unit",
                         perPage(seed.assembledMilliseconds) + " (combined drawn twice: " + ms(seed.drawnTwiceMilliseconds)
                             + String(format: ", %.2f×)", seed.speedup), ""))
            rows.append(("seed unit's combined PDF, assembled / drawn", String(format: "%.1f KB / %.1f KB", Double(seed.assembledCombinedBytes) / 1024,
                                                                                Double(seed.drawnCombinedBytes) / 1024), ""))
        }
        for scale in scaling {
            rows.append(("batch of \(scale.units) units: per page, peak memory",
                         perPage(scale.millisecondsPerPage) + String(format: ", %.1f MB", scale.peakMegabytes), scale.units >= 1000 ? "≤ 50 MB" : ""))
        }
        let phaseText = phases.map { "\($0.name) \(String(format: "%.2f", $0.milliseconds))" }.joined(separator: ", ")
        rows.append(("time per form by phase (ms)", phaseText, ""))
        let width = rows.map { $0.0.count }.max() ?? 0
        var out = "FormPrint \(formprintVersion) on \(machine), load average \(String(format: "%.2f", loadAverage))\n"
        for (name, value, target) in rows {
            out += name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + value
            out += target.isEmpty ? "\n" : "   (target \(target))\n"
        }
        return out
    }
}
