import Evaluation
import FormPrint
import Foundation
import Importing
import Layout
import Rendering
import Support

/// `formprint bench`: renders generated units shaped like the seed and
/// reports the figures of the performance reference as medians of
/// repeated runs. Nothing here asserts a time: it reports.
package struct Benchmark {
    package var units = 200
    package var rounds = 5
    package var seed: UInt64 = 2024
    /// The `formprint` executable, for the fresh-process and memory figures.
    package var executable: URL?
    package var scalingUnits = [10, 100, 1000]
    /// Count instructions with callgrind when valgrind is installed.
    package var instructions = true
    let fonts: FontLibrary
    let catalog: LayoutCatalog

    package init(executable: URL?) throws {
        self.fonts = try UnitRenderer.standardFonts()
        self.catalog = try LayoutCatalog.standard()
        self.executable = executable
    }

    func renderer() throws -> UnitRenderer { try UnitRenderer(catalog: catalog, fonts: fonts, scoring: try ScoringCatalog.standard()) }

    func generate(_ count: Int, indicators: (Int) -> Int) -> [UnitEvaluation] {
        var generator = SyntheticUnits(seed: seed)
        return (0..<count).map { generator.unit(number: $0 + 1, indicators: indicators($0)) }
    }

    /// One-page project forms: 6 to 10 indicators, as the seed's.
    func onePageUnits(_ count: Int) -> [UnitEvaluation] { generate(count) { 6 + $0 % 5 } }

    package func run(progress: (String) -> Void = { _ in }) throws -> BenchReport {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("formprint-bench-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let units = onePageUnits(self.units)
        let renderer = try self.renderer()

        progress("one-page forms, one job, by phase")
        var perForm: [Double] = []
        var phaseTimes: [String: [Double]] = [:]
        var bytes: [Int] = []
        for round in 0..<rounds {
            var times: [Double] = []
            for unit in units {
                let started = ContinuousClock.now
                let (pdf, phases) = try timedProjectForm(unit, renderer, folder: folder.appendingPathComponent("r\(round)"))
                times.append(milliseconds(ContinuousClock.now - started))
                for (name, value) in phases { phaseTimes[name, default: []].append(value) }
                if round == 0 { bytes.append(pdf) }
            }
            perForm.append(median(times))
        }

        progress("one and two jobs")
        let oneJob = try pagesPerSecond(units, jobs: 1, folder: folder.appendingPathComponent("j1"))
        let twoJobs = try pagesPerSecond(units, jobs: 2, folder: folder.appendingPathComponent("j2"))

        progress("the 300-indicator form")
        let big = generate(1) { _ in 300 }[0]
        var bigTimes: [Double] = []
        var bigPages = 0
        for _ in 0..<rounds {
            let started = ContinuousClock.now
            let rendered = try renderer.render(UnitDocument(unit: big, source: SourceMap(file: "bench")), .project(index: 0))
            bigTimes.append(milliseconds(ContinuousClock.now - started))
            bigPages = rendered.pageCount
        }

        progress("the seed's three documents with the combined PDF, assembled and drawn twice")
        let combined = try combinedFigures(renderer, rounds: rounds)

        progress("direct Cairo + Pango drawing")
        let direct = try directDrawing(units.first!, renderer)

        var fresh: Double?
        var scaling: [BenchReport.Scale] = []
        var floor: BenchReport.Floor?
        if let executable {
            if let program = FloorProgram.beside(executable) {
                floor = try floorComparison(executable, floor: program, renderer: renderer, folder: folder.appendingPathComponent("floor"),
                                            progress: progress)
                fresh = floor?.formprintFreshMilliseconds
            } else {
                progress("fresh processes")
                fresh = try freshProcess(executable, unit: units.first!, folder: folder.appendingPathComponent("fresh"))
            }
            for count in scalingUnits {
                progress("a batch of \(count) units in a child process")
                scaling.append(try childBatch(executable, units: count, folder: folder.appendingPathComponent("batch\(count)")))
            }
        }

        let order = ["read", "bind", "measure", "paginate", "compose", "draw", "write"]
        var report = BenchReport(
            machine: Self.machine(), formprintVersion: UnitRenderer.version, oneFormMilliseconds: median(perForm),
            pagesPerSecondOneJob: oneJob, pagesPerSecondTwoJobs: twoJobs,
            threeHundredIndicatorsMilliseconds: median(bigTimes), threeHundredIndicatorsPages: bigPages,
            freshProcessMilliseconds: fresh, bytesPerOnePageForm: Double(bytes.reduce(0, +)) / Double(max(1, bytes.count)),
            phases: order.compactMap { name in phaseTimes[name].map { BenchReport.Phase(name: name, milliseconds: median($0)) } },
            directDrawingMilliseconds: direct, scaling: scaling,
            seedUnit: combined.map {
                BenchReport.SeedUnit(assembledMilliseconds: $0.assembledMilliseconds, drawnTwiceMilliseconds: $0.drawnMilliseconds,
                                     assembledCombinedBytes: $0.assembledBytes, drawnCombinedBytes: $0.drawnBytes)
            })
        report.floor = floor
        report.loadAverage = Self.loadAverage()
        return report
    }

    /// The 1-minute load average, to record beside wall-clock figures.
    static func loadAverage() -> Double {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return Double(text.split(separator: " ").first ?? "") ?? 0
    }

    /// The pipeline of one project form, phase by phase, as `UnitRenderer`
    /// and `UnitFiles` run it: YAML read, bind, measure, paginate, compose
    /// (the phases `DocumentPipeline` chains, called one by one here to time
    /// each), draw into PDF bytes, write the file.
    func timedProjectForm(_ unit: UnitEvaluation, _ renderer: UnitRenderer, folder: URL) throws -> (bytes: Int, phases: [String: Double]) {
        var phases: [String: Double] = [:]
        var clock = ContinuousClock.now
        func lap(_ name: String) {
            let now = ContinuousClock.now
            phases[name] = milliseconds(now - clock)
            clock = now
        }
        let yaml = UnitFileWriter.yaml(unit)
        clock = ContinuousClock.now
        let document = try UnitFileReader.read(text: yaml, file: "bench.yaml")
        lap("read")
        let layout = try renderer.catalog.layout(for: .project, requested: nil)
        guard case .table(let table) = layout.body else { throw FormPrintError.resourcesMissing("a table layout for projects") }
        let resolved = TableBinder.bind(document.unit, .project(index: 0), onto: layout, table: table)
        lap("bind")
        let measured = try TableMeasurer.measure(resolved, with: renderer.typesetter)
        lap("measure")
        let tablePages = try TablePaginator.paginate(measured, regions: Regions(for: measured, page: layout.page))
        lap("paginate")
        let pages = try TableComposer.compose(measured, pages: tablePages, page: layout.page, measurer: renderer.typesetter)
        lap("compose")
        let writer = PDFWriter(typesetter: renderer.typesetter, creationDate: UnitPlan.creationDate(year: unit.year), creator: "FormPrint")
        let pdf = try writer.pdf(PagedDocument(pages: pages, metadata: DocumentMetadata(title: unit.name, author: unit.name, subject: "", keywords: "")))
        lap("draw")
        try AtomicFile.write(pdf, to: folder.appendingPathComponent(unit.name + ".pdf"))
        lap("write")
        return (pdf.count, phases)
    }

    /// Renders every unit's project form to its own file with `jobs`
    /// workers, each with its own renderer (and so its own Pango font map).
    func pagesPerSecond(_ units: [UnitEvaluation], jobs: Int, folder: URL) throws -> Double {
        let catalog = self.catalog, fonts = self.fonts
        let pages = Locked(0)
        let slowest = Locked(0)
        DispatchQueue.concurrentPerform(iterations: jobs) { worker in
            // Each worker builds its renderer before its clock starts, as a
            // batch worker does once for all its units.
            guard let renderer = try? UnitRenderer(catalog: catalog, fonts: fonts, scoring: try? ScoringCatalog.standard()) else { return }
            let started = ContinuousClock.now
            for index in stride(from: worker, to: units.count, by: jobs) {
                guard let rendered = try? renderer.render(UnitDocument(unit: units[index], source: SourceMap(file: "bench")), .project(index: 0)),
                      (try? AtomicFile.write(rendered.pdf, to: folder.appendingPathComponent("\(index).pdf"))) != nil else { continue }
                pages.withLock { $0 += rendered.pageCount }
            }
            let took = Int(milliseconds(ContinuousClock.now - started) * 1000)
            slowest.withLock { $0 = max($0, took) }
        }
        return Double(pages.current) / max(Double(slowest.current) / 1e6, 1e-9)
    }

    /// In a child for a profiler: the direct drawing of the first unit's
    /// page, `count` times, into memory.
    package func childDirect(count: Int) throws -> String {
        let renderer = try self.renderer()
        let (size, cells) = try directCells(onePageUnits(1)[0], renderer)
        let drawer = try DirectDrawer(fonts: fonts)
        var bytes = 0
        for _ in 0..<count { bytes += try drawer.pdf(size: size, cells: cells).count }
        return "\(count) \(bytes)"
    }

    /// The same page drawn directly: cell rectangles and texts wrapped by
    /// Pango, from the measured geometry of the form.
    func directDrawing(_ unit: UnitEvaluation, _ renderer: UnitRenderer) throws -> Double {
        let (size, cells) = try directCells(unit, renderer)
        let drawer = try DirectDrawer(fonts: fonts)
        _ = try drawer.pdf(size: size, cells: cells)  // warm the font caches, as for FormPrint
        var times: [Double] = []
        for _ in 0..<(rounds * 20) {
            let started = ContinuousClock.now
            let pdf = try drawer.pdf(size: size, cells: cells)
            try AtomicFile.write(pdf, to: FileManager.default.temporaryDirectory.appendingPathComponent("formprint-bench-direct.pdf"))
            times.append(milliseconds(ContinuousClock.now - started))
        }
        try? FileManager.default.removeItem(at: FileManager.default.temporaryDirectory.appendingPathComponent("formprint-bench-direct.pdf"))
        return median(times)
    }

    func directCells(_ unit: UnitEvaluation, _ renderer: UnitRenderer) throws -> (Size, [DirectCell]) {
        let layout = try renderer.catalog.layout(for: .project, requested: nil)
        guard case .table(let table) = layout.body else { return (layout.page.size, []) }
        let measured = try TableMeasurer.measure(TableBinder.bind(unit, .project(index: 0), onto: layout, table: table), with: renderer.typesetter)
        let content = layout.page.contentRect
        let left = content.minX + (content.size.width - measured.width) / 2
        var top = content.minY + measured.titleHeight
        var rowTops: [Length] = []
        for height in measured.rowHeights { rowTops.append(top); top += height }
        var cells = measured.cells.map { cell in
            let x = left + measured.columnEdges[cell.cell.column]
            let width = measured.columnEdges[cell.cell.column + cell.cell.columnSpan] - measured.columnEdges[cell.cell.column]
            let height = cell.cell.rows.reduce(Length.zero) { $0 + measured.rowHeights[$1] }
            return DirectCell(frame: Rect(x: x, y: rowTops[cell.cell.row], width: width, height: height), text: cell.cell.text,
                              font: cell.font, align: cell.cell.style.align, padding: measured.table.padding.horizontal)
        }
        for line in measured.title {
            cells.append(DirectCell(frame: Rect(x: left, y: content.minY, width: measured.width, height: line.height), text: line.line.text,
                                    font: line.line.style.font, align: line.line.style.align, padding: .zero))
        }
        return (layout.page.size, cells)
    }

    /// `formprint render` of a unit with one project form, in a new process each time.
    func freshProcess(_ executable: URL, unit: UnitEvaluation, folder: URL) throws -> Double {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var single = unit
        single.department = nil
        let file = folder.appendingPathComponent("unit.yaml")
        try UnitFileWriter.yaml(single).write(to: file, atomically: true, encoding: .utf8)
        var times: [Double] = []
        for _ in 0..<max(5, rounds * 2) {
            let started = ContinuousClock.now
            try spawn(executable, ["render", file.path, "-o", folder.appendingPathComponent("out").path])
            times.append(milliseconds(ContinuousClock.now - started))
        }
        return median(times)
    }

    /// Starts the process with posix_spawn and waits for it. Foundation's
    /// Process closes every possible file descriptor before it execs — a
    /// million of them under this machine's limit, 50 ms that are not
    /// FormPrint's — so the fresh-process figure would measure Foundation.
    func spawn(_ executable: URL, _ arguments: [String]) throws {
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable.path, &actions, nil, argv, environ)
        guard status == 0 else { throw FormPrintError.resourcesMissing("\(executable.path): \(String(cString: strerror(status)))") }
        var exit: Int32 = 0
        waitpid(pid, &exit, 0)
        guard exit == 0 else { throw FormPrintError.resourcesMissing("\(executable.lastPathComponent) \(arguments.joined(separator: " ")) failed") }
    }

    /// A batch of `units` one-page forms rendered in a child process that
    /// reports its time and peak memory (`formprint bench --child-batch`).
    func childBatch(_ executable: URL, units: Int, folder: URL) throws -> BenchReport.Scale {
        let output = try runChild(executable, ["bench", "--child-batch", "\(units)", "--seed", "\(seed)", "--output", folder.path])
        let fields = output.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard fields.count == 3 else { throw FormPrintError.resourcesMissing("child batch output '\(output)'") }
        return BenchReport.Scale(units: units, millisecondsPerPage: fields[0] / max(fields[1], 1), peakMegabytes: fields[2] / 1024)
    }

    /// In the child: render `count` units one after another (one job) into
    /// `folder`; prints "milliseconds pages peak-kilobytes".
    package func childBatch(count: Int, folder: URL) throws -> String {
        let renderer = try self.renderer()
        var generator = SyntheticUnits(seed: seed)
        var pages = 0
        let started = ContinuousClock.now
        // Units are generated one at a time, as a batch streams its inputs.
        for number in 0..<count {
            let unit = generator.unit(number: number + 1, indicators: 6 + number % 5)
            let rendered = try renderer.render(UnitDocument(unit: unit, source: SourceMap(file: "bench")), .project(index: 0))
            try AtomicFile.write(rendered.pdf, to: folder.appendingPathComponent("\(number).pdf"))
            pages += rendered.pageCount
        }
        try? FileManager.default.removeItem(at: folder)
        return "\(milliseconds(ContinuousClock.now - started)) \(pages) \(Self.peakKilobytes())"
    }

    @discardableResult
    func runChild(_ executable: URL, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw FormPrintError.resourcesMissing("\(executable.lastPathComponent) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The process's peak resident memory (VmHWM), in kilobytes.
    static func peakKilobytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }

    static func machine() -> String {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let memory = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
        let model = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
        return "\(model), \(cores) cores, \(String(format: "%.0f", memory)) GiB"
    }
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}
