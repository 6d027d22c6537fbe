import ArgumentParser
import CommandSupport
import FormPrint
import Benchmarks
import Foundation

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure rendering speed, size and memory on generated units shaped like the seed.",
        discussion: """
            Build with `swift build -c release` and run `.build/release/formprint bench`. Reports medians of \
            repeated runs beside the targets in the performance reference; --json for machines. \
            See docs/BENCHMARKS.md.
            """)

    @Option(help: "One-page units per round.")
    var units = 200

    @Option(help: "Rounds to take medians over.")
    var rounds = 5

    @Option(help: "Seed of the unit generator.")
    var seed: UInt64 = 2024

    @Option(parsing: .upToNextOption, help: "Batch sizes for the scaling figures.")
    var scaling: [Int] = [10, 100, 1000]

    @OptionGroup var language: LanguageOption

    @Flag(help: "Print the figures as JSON.")
    var json = false

    @Flag(help: "Do not count instructions with callgrind, even when valgrind is installed.")
    var noInstructions = false

    @Option(help: "Write this many generated unit files into --output and stop (for batch and fault runs).")
    var writeUnits: Int?

    @Option(help: .hidden)
    var childBatch: Int?

    @Option(help: .hidden)
    var childDirect: Int?

    @Option(help: .hidden)
    var output: String?

    func run() throws {
        var benchmark = try Benchmark(executable: Bundle.main.executableURL)
        benchmark.seed = seed
        if let writeUnits {
            guard let output else { throw ValidationError("--write-units needs --output DIR") }
            let folder = URL(fileURLWithPath: output)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var generator = SyntheticUnits(seed: seed)
            for number in 1...max(1, writeUnits) {
                let unit = generator.unit(number: number, indicators: 6 + number % 5)
                try UnitFileWriter.yaml(unit).write(to: folder.appendingPathComponent(String(format: "unit%05d.yaml", number)),
                                                    atomically: true, encoding: .utf8)
            }
            return
        }
        if let childDirect {
            print(try benchmark.childDirect(count: childDirect))
            return
        }
        if let childBatch {
            let folder = URL(fileURLWithPath: output ?? FileManager.default.temporaryDirectory.appendingPathComponent("formprint-child").path)
            print(try benchmark.childBatch(count: childBatch, folder: folder))
            return
        }
        benchmark.units = units
        benchmark.rounds = rounds
        benchmark.scalingUnits = scaling
        benchmark.instructions = !noInstructions
        let report = try benchmark.run { step in if !json { FileHandle.standardError.write(Data("… \(step)\n".utf8)) } }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.table, terminator: "")
        }
    }
}
