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

    package var machine: String
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

    enum CodingKeys: String, CodingKey {
        case machine, formprintVersion, oneFormMilliseconds, pagesPerSecondOneJob, pagesPerSecondTwoJobs, twoJobSpeedup
        case threeHundredIndicatorsMilliseconds, threeHundredIndicatorsPages, freshProcessMilliseconds, bytesPerOnePageForm
        case phases, directDrawingMilliseconds, ratioToDirectDrawing, scaling, seedUnit, seedUnitSpeedup
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
    }

    /// The figures beside the targets of the performance reference.
    package var table: String {
        func ms(_ value: Double) -> String { String(format: "%.2f ms", value) }
        var rows: [(String, String, String)] = [
            ("one-page form into its own PDF, batch, 1 job", ms(oneFormMilliseconds), "≤ 4 ms"),
            ("pages per second, 1 job", String(format: "%.0f", pagesPerSecondOneJob), ""),
            ("pages per second, 2 jobs", String(format: "%.0f (%.2f×)", pagesPerSecondTwoJobs, twoJobSpeedup), "≥ 1.8×"),
            ("300-indicator form (\(threeHundredIndicatorsPages) pages)", ms(threeHundredIndicatorsMilliseconds), "≤ 30 ms"),
            ("one form, whole fresh process", freshProcessMilliseconds.map(ms) ?? "not measured", "≤ 30 ms"),
            ("PDF size, one-page form", String(format: "%.1f KB", bytesPerOnePageForm / 1024), "≤ 35 KB"),
            ("direct Cairo + Pango drawing of the same page", ms(directDrawingMilliseconds), ""),
            ("FormPrint (from the unit in memory) ÷ direct drawing", String(format: "%.2f×", ratioToDirectDrawing), "≤ 1.25×"),
        ]
        if let seed = seedUnit {
            rows.append(("seed unit, 3 documents + combined, per unit",
                         ms(seed.assembledMilliseconds) + " (combined drawn twice: " + ms(seed.drawnTwiceMilliseconds)
                             + String(format: ", %.2f×)", seed.speedup), "≥ 1.7×"))
            rows.append(("seed unit's combined PDF, assembled / drawn", String(format: "%.1f KB / %.1f KB", Double(seed.assembledCombinedBytes) / 1024,
                                                                                Double(seed.drawnCombinedBytes) / 1024), ""))
        }
        for scale in scaling {
            rows.append(("batch of \(scale.units) units: per page, peak memory",
                         String(format: "%.2f ms, %.1f MB", scale.millisecondsPerPage, scale.peakMegabytes), scale.units >= 1000 ? "≤ 60 MB" : ""))
        }
        let phaseText = phases.map { "\($0.name) \(String(format: "%.2f", $0.milliseconds))" }.joined(separator: ", ")
        rows.append(("time per form by phase (ms)", phaseText, ""))
        let width = rows.map { $0.0.count }.max() ?? 0
        var out = "FormPrint \(formprintVersion) on \(machine)\n"
        for (name, value, target) in rows {
            out += name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + value
            out += target.isEmpty ? "\n" : "   (target \(target))\n"
        }
        return out
    }
}
