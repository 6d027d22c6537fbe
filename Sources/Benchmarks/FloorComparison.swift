import Evaluation
import FormPrint
import Foundation
import Importing
import InputReading

/// FormPrint beside the C floor (`formprint-floor`), whole processes
/// measured alternately in one run: a fresh `formprint render` of one form
/// against the floor drawing that form's page once, and `formprint batch
/// --jobs 1` of one-page units against the floor drawing the page once per
/// unit. A cost per page is (time of N − time of 1) ÷ (N − 1), so that what
/// a process pays once (start, fonts, layouts, the summary) is not counted
/// in it. With valgrind present the same differences are taken in
/// instructions, which do not move with the machine's load.
extension Benchmark {
    /// Units per batch for the wall-clock and the instruction figures.
    static let floorBatchUnits = 21
    static let floorInstructionUnits = 6

    func floorComparison(_ executable: URL, floor: FloorProgram, renderer: UnitRenderer, folder: URL,
                         progress: (String) -> Void) throws -> BenchReport.Floor {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // One-page units: the project form only.
        var units = onePageUnits(Self.floorBatchUnits)
        for index in units.indices { units[index].department = nil }
        let page = folder.appendingPathComponent("page.txt")
        let (size, cells) = try directCells(units[0], renderer)
        try FloorProgram.writePage(size: size, cells: cells, to: page)
        let unitFile = folder.appendingPathComponent("unit.yaml")
        try UnitFileWriter.yaml(units[0]).write(to: unitFile, atomically: true, encoding: .utf8)
        func batchFolder(_ count: Int) throws -> URL {
            let batch = folder.appendingPathComponent("units-\(count)")
            try FileManager.default.createDirectory(at: batch, withIntermediateDirectories: true)
            for (number, unit) in units.prefix(count).enumerated() {
                try UnitFileWriter.yaml(unit).write(to: batch.appendingPathComponent(String(format: "unit%03d.yaml", number)),
                                                    atomically: true, encoding: .utf8)
            }
            return batch
        }
        let one = try batchFolder(1), many = try batchFolder(Self.floorBatchUnits), few = try batchFolder(Self.floorInstructionUnits)
        let fonts = self.fonts.directory
        let out = folder.appendingPathComponent("out")
        func render() -> [String] { ["render", unitFile.path, "-o", out.path] }
        func batch(_ input: URL) -> [String] { ["batch", input.path, "-o", out.path, "--jobs", "1", "--quiet"] }
        func floorDraws(_ count: Int) -> [String] { floor.arguments(page: page, fonts: fonts, folder: out, count: count) }
        func timed(_ program: URL, _ arguments: [String]) throws -> Double {
            try? FileManager.default.removeItem(at: out)
            let started = ContinuousClock.now
            try spawn(program, arguments)
            return milliseconds(ContinuousClock.now - started)
        }

        progress("FormPrint beside the C floor, whole processes")
        var times: [String: [Double]] = [:]
        // Once each first, so that fontconfig's cache and the files are warm.
        _ = try timed(executable, render())
        _ = try timed(floor.executable, floorDraws(1))
        // Alternating, so that a burst of load elsewhere hits both programs.
        for _ in 0..<max(5, rounds * 2) {
            times["render", default: []].append(try timed(executable, render()))
            times["floor 1", default: []].append(try timed(floor.executable, floorDraws(1)))
            times["batch 1", default: []].append(try timed(executable, batch(one)))
            times["batch N", default: []].append(try timed(executable, batch(many)))
            times["floor N", default: []].append(try timed(floor.executable, floorDraws(Self.floorBatchUnits)))
        }
        let extra = Double(Self.floorBatchUnits - 1)
        var figures = BenchReport.Floor(
            freshProcessMilliseconds: median(times["floor 1"]!), perPageMilliseconds: (median(times["floor N"]!) - median(times["floor 1"]!)) / extra,
            formprintFreshMilliseconds: median(times["render"]!),
            batchPerUnitMilliseconds: (median(times["batch N"]!) - median(times["batch 1"]!)) / extra)

        guard instructions, let counter = InstructionCounter.find() else { return figures }
        progress("instructions (callgrind): fresh processes")
        let stripped = folder.appendingPathComponent("stripped")
        let executable = try InstructionCounter.strippedCopy(of: executable, in: stripped)
        let floor = FloorProgram(executable: try InstructionCounter.strippedCopy(of: floor.executable, in: stripped))
        func counted(_ program: URL, _ arguments: [String]) throws -> Int {
            try? FileManager.default.removeItem(at: out)
            return try counter.count(program, arguments)
        }
        let renderCount = try counted(executable, render())
        let floorOne = try counted(floor.executable, floorDraws(1))
        progress("instructions (callgrind): batches of 1 and \(Self.floorInstructionUnits) units, the floor's pages")
        let batchOne = try counted(executable, batch(one))
        let batchFew = try counted(executable, batch(few))
        let floorFew = try counted(floor.executable, floorDraws(Self.floorInstructionUnits))
        var seed: Int?
        if let examples = ResourceFolder.locate("Examples", containing: "liuhe-2024.yaml", environment: "FORMPRINT_EXAMPLES") {
            progress("instructions (callgrind): the seed unit, in batches of 1 and 2")
            let seedFile = examples.appendingPathComponent("liuhe-2024.yaml")
            var batches: [URL] = []
            for count in [1, 2] {
                let batch = folder.appendingPathComponent("seed-\(count)")
                try FileManager.default.createDirectory(at: batch, withIntermediateDirectories: true)
                for number in 0..<count {
                    try Data(contentsOf: seedFile).write(to: batch.appendingPathComponent("seed\(number).yaml"))
                }
                batches.append(batch)
            }
            seed = try counted(executable, batch(batches[1])) - (try counted(executable, batch(batches[0])))
        }
        let added = Self.floorInstructionUnits - 1
        figures.instructions = BenchReport.Instructions(
            freshFormPrint: renderCount, freshFloor: floorOne,
            batchPerUnit: (batchFew - batchOne) / added, floorPerPage: (floorFew - floorOne) / added, seedUnit: seed)
        return figures
    }
}
