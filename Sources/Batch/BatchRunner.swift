import Evaluation
import FormPrint
import Foundation
import Importing
import InputReading
import Layout
import Rendering
import Review
import Support

/// How a batch renders and where it writes.
package struct BatchConfiguration: Sendable {
    package var output: URL
    /// Formats, resolution, layout choices; `combined` adds each unit's
    /// combined PDF (on by default for batches).
    package var options: RenderOptions
    /// Units rendered at once, each on its own thread with its own renderer.
    package var jobs: Int
    /// Skip units whose content hash is unchanged since the last run that
    /// used this option (see `UnitState`).
    package var skipUnchanged: Bool

    package init(output: URL, options: RenderOptions = RenderOptions(combined: true),
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount, skipUnchanged: Bool = false) {
        self.output = output
        self.options = options
        self.jobs = max(1, jobs)
        self.skipUnchanged = skipUnchanged
    }
}

/// Renders many units: reads every input once to give each unit an output
/// folder that no other unit of the batch uses (whatever the shard), then
/// renders the selected units on `jobs` threads, each with its own
/// `UnitRenderer`. A unit that fails is recorded with its reason and the
/// others go on. The summary lists units in sorted order, so it — and
/// every file written — is the same whatever the number of jobs.
package final class BatchRunner: Sendable {
    package let configuration: BatchConfiguration
    package let catalog: LayoutCatalog
    let fonts: FontLibrary
    let scoring: ScoringCatalog
    /// Checks each unit as `formprint validate` does; its findings go into
    /// the summary.
    let checker: UnitChecker
    /// The fields unit files may carry (built-in and `--layouts`).
    let fields: FieldRegistry?

    package convenience init(configuration: BatchConfiguration, extraLayoutFolders: [URL] = [], fontFallback: FontFallback = .none) throws {
        try self.init(configuration: configuration, catalog: try LayoutCatalog.standard(adding: extraLayoutFolders),
                      fonts: try UnitRenderer.standardFonts(fallback: fontFallback), scoring: try ScoringCatalog.standard())
    }

    package init(configuration: BatchConfiguration, catalog: LayoutCatalog, fonts: FontLibrary, scoring: ScoringCatalog) {
        self.configuration = configuration
        self.catalog = catalog
        self.fonts = fonts
        self.scoring = scoring
        self.checker = UnitChecker(profiles: scoring, catalog: catalog)
        // Read once for the run; if the registry is missing, each unit
        // reports it (the reader then looks for it itself).
        self.fields = try? catalog.fields

    }

    package func run(_ plan: BatchPlan, progress: some BatchProgress = SilentProgress(),
                    cancellation: BatchCancellation = BatchCancellation()) -> BatchSummary {
        let start = DispatchTime.now()
        @Sendable func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }

        // The layouts workbooks and pasted tables are recognised by: loaded
        // only for a batch that has such inputs.
        let layouts = plan.inputs.allSatisfy { UnitFiles.isUnitFile($0.path) } ? [] : (try? catalog.all()) ?? []
        let folders = OutputFolders.assign(plan.inputs, identities(of: plan.inputs, layouts: layouts, cancellation: cancellation))
        let selected = plan.selected
        progress.started(total: selected.count)
        let fingerprint = configuration.skipUnchanged ? UnitFingerprint(
            version: UnitRenderer.version, options: configuration.options,
            sourceDateEpoch: EnvironmentVariables.value(SourceDateEpoch.variable) ?? "",
            fonts: FontsFingerprint.compute(directory: fonts.directory),
            scoring: ScoringFingerprint.compute(choice: configuration.options.scoringProfile)) : nil

        let results = Locked([UnitSummary?](repeating: nil, count: selected.count))
        let counter = ProgressCounter(total: selected.count)
        let catalog = catalog, fonts = fonts, scoring = scoring
        WorkerPool.run(jobs: configuration.jobs, count: selected.count, stop: { cancellation.isCancelled },
                       makeWorker: { Result { try UnitRenderer(catalog: catalog, fonts: fonts, scoring: scoring) } },
                       work: { renderer, index in
            let input = selected[index]
            let (summary, files) = self.render(input, folder: folders[input.position], renderer: renderer, fingerprint: fingerprint,
                                               layouts: layouts)
            results.withLock { $0[index] = summary }
            counter.finished(summary, files: files, elapsed: elapsed(), progress: progress)
        })
        let units = zip(selected, results.current).map { input, summary in
            summary ?? UnitSummary(input: input.path, position: input.position, status: .notStarted)
        }
        return BatchSummary(shard: plan.shard?.description, interrupted: units.contains { $0.status == .notStarted },
                            seconds: elapsed(), units: units)
    }

    /// Each input's unit name and year (nil where the file cannot be read:
    /// it fails when its turn comes), read on `jobs` threads. A unit file's
    /// are found by `UnitIdentityScan` without parsing it — the file is
    /// parsed once, when it is rendered; a file the scan is not sure of, and
    /// a workbook or pasted table, is read in full.
    func identities(of inputs: [BatchInput], layouts: [LayoutSpec], cancellation: BatchCancellation) -> [OutputFolders.Identity?] {
        let results = Locked([OutputFolders.Identity?](repeating: nil, count: inputs.count))
        WorkerPool.run(jobs: configuration.jobs, count: inputs.count, stop: { cancellation.isCancelled }, makeWorker: { () },
                       work: { _, index in
            // A unit file's name and year from its lines (no second parse);
            // anything else read as `render` reads it (`--lenient` included):
            // a workbook that reads only leniently still gets a folder of its own.
            let data = try? YAMLDocument.data(contentsOf: inputs[index].url)
            if UnitFiles.isUnitFile(inputs[index].path), let data, let text = String(data: data, encoding: .utf8),
               let scanned = UnitIdentityScan.scan(text) {
                results.withLock { $0[index] = OutputFolders.Identity(name: scanned.name, year: scanned.year) }
            } else if let data, let unit = try? UnitFiles.read(data, file: inputs[index].path, fields: self.fields, layouts: layouts,
                                                                lenient: self.configuration.options.lenient).unit {
                results.withLock { $0[index] = OutputFolders.Identity(name: unit.name, year: unit.year) }
            }
        })
        return results.current
    }

    /// Reads, renders and writes one unit; never throws: a failure is
    /// the unit's status.
    func render(_ input: BatchInput, folder assigned: OutputFolders.Assignment?, renderer: Result<UnitRenderer, Error>,
                fingerprint: UnitFingerprint?, layouts: [LayoutSpec]) -> (UnitSummary, [String]) {
        var summary = UnitSummary(input: input.path, position: input.position, status: .failed)
        var stateURL: URL?
        do {
            let renderer = try renderer.get()
            // Read as `render` reads: the same 16 MB limit (a 300 MB file
            // took 646 MB) and the same refusal of FIFOs and devices.
            let data = try YAMLDocument.data(contentsOf: input.url)
            let document = try UnitFiles.read(data, file: input.path, fields: fields, layouts: layouts, lenient: configuration.options.lenient)
            let unit = document.unit
            let folder = assigned?.folder ?? FileNaming.safeComponent(unit.name)
            summary.unit = unit.name
            summary.year = unit.year
            summary.folder = folder
            summary.warnings = assigned?.warnings ?? []
            var options = configuration.options
            options.unitFolder = folder
            let plan = try catalog.plan(for: document, options: options)

            var hash: String?
            if let fingerprint {
                // Every layout the unit's documents (and forms attached to its
                // report) use.
                let files = Dictionary(plan.layouts.values.map { ($0.id, $0.file) }, uniquingKeysWith: { first, _ in first })
                hash = fingerprint.hash(input: data, folder: folder, layoutFiles: files.keys.sorted().map { id in
                    (id: id, hash: (try? Data(contentsOf: URL(fileURLWithPath: files[id]!))).map { ContentHash.hex($0) } ?? "unreadable")
                })
                stateURL = UnitState.url(output: configuration.output, folder: folder, year: unit.year)
                if let state = UnitState.read(stateURL!), state.hash == hash, state.filesIntact(in: configuration.output) {
                    // Temporaries a killed run left next to these files go even
                    // when nothing is rendered again (issue 14).
                    let files = state.unit.documents.flatMap(\.files) + (state.unit.combined.map { [$0] } ?? [])
                    AtomicFile.removeStaleTemporaries(for: files.map { configuration.output.appendingPathComponent($0) })
                    var unchanged = state.unit
                    unchanged.input = input.path
                    unchanged.position = input.position
                    unchanged.status = .unchanged
                    unchanged.warnings = summary.warnings
                    return (unchanged, [])
                }
            }

            let check = try checker.check(document, plan: plan)
            let rendered = try renderer.render(check, options: options)
            let targets = rendered.files.map { configuration.output.appendingPathComponent($0.relativePath) }
            AtomicFile.removeStaleTemporaries(for: targets)
            let written = try UnitFiles.write(rendered, into: configuration.output)
            // The same summary the desk lists for a handed-in unit.
            let warnings = summary.warnings
            summary = UnitSummary.of(check, rendered: rendered, input: input.path)
            summary.position = input.position
            summary.warnings = warnings + summary.warnings
            if let stateURL, let hash {
                let digests = Dictionary(rendered.files.map { ($0.relativePath, ContentHash.hex($0.data)) }, uniquingKeysWith: { first, _ in first })
                try UnitState(hash: hash, unit: summary, digests: digests).write(to: stateURL)
            }
            return (summary, written.map(\.path))
        } catch {
            summary.status = .failed
            summary.documents = []
            summary.combined = nil
            // Name the unit file when the message does not already start with it.
            let message = "\(error)"
            summary.errors = [message.hasPrefix(input.path) ? message : "\(input.path): \(message)"]
            // A failed unit is tried again on the next run.
            if let stateURL { try? FileManager.default.removeItem(at: stateURL) }
            return (summary, [])
        }
    }
}

/// Counts finished units and hands each to the progress reporter, one at a time.
private struct ProgressCounter: Sendable {
    private let counts: Locked<(done: Int, failed: Int)> = Locked((0, 0))
    private let total: Int

    init(total: Int) { self.total = total }

    func finished(_ unit: UnitSummary, files: [String], elapsed: Double, progress: some BatchProgress) {
        counts.withLock { counts in
            counts.done += 1
            if unit.status == .failed { counts.failed += 1 }
            progress.finished(unit, files: files, counts: BatchCounts(done: counts.done, total: total, failed: counts.failed, elapsed: elapsed))
        }
    }
}
