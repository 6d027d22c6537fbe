import FormPrint
import Foundation

/// The desk behind the pages: takes submissions, keeps them, re-renders.
/// Every route calls one of these and formats the answer.
package final class Desk: Sendable {
    package let store: SubmissionStore
    package let files: FileStore
    package let workers: RenderWorkers
    /// Whether people log in (`--listen` beyond loopback).
    package let requiresLogin: Bool
    /// Whether the server itself speaks TLS (`--tls-cert`): every request
    /// came over HTTPS, and cookies are Secure.
    package let servesTLS: Bool
    /// The largest upload or paste accepted, in bytes.
    package let uploadLimit: Int
    /// How large a pasted table or a workbook may be.
    package let limits: InputLimits
    /// Logging in: tokens, the throttle, bcrypt off the cooperative pool.
    package let logins: Logins
    /// The plain codes of a bulk issue, in memory until downloaded.
    package let issuedCodes = IssuedCodes()
    /// This desk's hold on the data folder: one server a folder.
    private let lock: DataFolderLock

    package static let defaultUploadLimit = 16 << 20
    /// Files a killed server left, removed at start.
    package let swept: Int

    package init(data folder: URL, workers: Int, requiresLogin: Bool, servesTLS: Bool = false, uploadLimit: Int = defaultUploadLimit,
                 limits: InputLimits = InputLimits()) throws {
        // Before anything in the folder is read or swept.
        lock = try DataFolderLock(folder: folder)
        let database = try DeskDatabase(folder: folder)
        store = SubmissionStore(database: database)
        files = FileStore(root: folder)
        self.requiresLogin = requiresLogin
        self.servesTLS = servesTLS
        self.uploadLimit = uploadLimit
        self.limits = limits
        swept = files.sweep(keeping: try store.storedPaths())
        try Sessions(database: database).removeExpired()
        logins = Logins(sessions: Sessions(database: database))
        self.workers = RenderWorkers(count: workers) {
            let renderer = try UnitRenderer()
            return RenderWorkers.Worker(renderer: renderer, checker: UnitChecker(profiles: try renderer.scoring ?? ScoringCatalog.standard(), catalog: renderer.catalog))
        }
    }

    deinit { workers.stop() }

    /// The limits a posted form is read within.
    package var formLimits: FormLimits { FormLimits(largeBytes: uploadLimit) }

    /// Checks and renders `data` on a worker, stores the input and files,
    /// then commits the row: the submission's id is returned only once all
    /// of it is on disk and in the database. An input over the limits is
    /// refused on the worker before it is imported, and nothing is stored.
    ///
    /// A submission filed under a unit (`owner`) must name that unit: forms
    /// naming another are refused, with both names, and nothing is stored.
    package func submit(_ data: Data, uploadedName: String, owner: String?, parent: Int64? = nil, lenient: Bool = false,
                        official: Bool = true, actor: String) async throws -> Int64 {
        let kind = InputKind.of(uploadedName: uploadedName, data: data)
        let limits = limits
        let processed = try await workers.run { worker in
            if let excess = limits.excess(data, kind: kind) { throw DeskText.Refusal.inputTooLarge(excess) }
            var processed = Submitting.process(data, kind: kind, lenient: lenient, with: worker)
            // The grid its page draws, read here once, and kept with it.
            if kind == .workbook || kind == .legacyWorkbook { processed.sheets = StoredSheet.sheets(of: data, limits: limits) }
            return processed
        }
        if let owner, let refusal = UnitIdentity.mismatch(formName: processed.unitName, account: owner, readError: processed.readError) {
            try store.audit(actor: actor, action: "refuse-identity", detail: "\(owner) ≠ \(processed.unitName ?? "")")
            throw refusal
        }
        let inputHash = try files.storeInput(data)
        let records = try storeFiles(processed, generation: 1)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let submission = SubmissionRecord(
            id: nil, parent: parent, owner: owner, unitName: processed.unitName, supervisor: processed.supervisor, year: processed.year,
            kind: kind.rawValue, inputName: String(uploadedName.prefix(200)), inputHash: inputHash, submittedAt: Date().timeIntervalSince1970,
            errors: processed.errors, warnings: processed.warnings, notes: processed.notes, readError: processed.readError,
            findingsJSON: String(decoding: try encoder.encode(processed.findings), as: UTF8.self),
            summaryJSON: try processed.summary.map { String(decoding: try encoder.encode($0), as: UTF8.self) }, generation: 1,
            lenient: lenient, gridJSON: try processed.sheets.map { String(decoding: try encoder.encode($0), as: UTF8.self) },
            submittedBy: actor, official: official,
            shapeJSON: processed.shapes.isEmpty ? nil : String(decoding: try encoder.encode(processed.shapes), as: UTF8.self))
        return try store.insert(submission, files: records, actor: actor)
    }

    /// What a visitor hands in, filed as their role decides: a unit's under
    /// the unit, always its submission; an administrator's under the unit
    /// chosen on the bureau's form (one on the roster), marked as the
    /// bureau's and standing as the unit's only when `asOfficial`; on
    /// loopback, under the name the forms give.
    package func handIn(_ data: Data, uploadedName: String, by session: Session, forUnit: String?, asOfficial: Bool,
                        parent: Int64? = nil, lenient: Bool) async throws -> Int64 {
        switch session.role {
        case .unit:
            return try await submit(data, uploadedName: uploadedName, owner: session.principal, parent: parent, lenient: lenient, actor: session.actor)
        case .admin:
            let unit = forUnit?.trimmingCharacters(in: .whitespaces).isEmpty == false ? forUnit : nil
            if let unit, try store.rosterUnit(unit)?.onRoster != true { throw DeskText.Refusal.notFound }
            return try await submit(data, uploadedName: uploadedName, owner: unit, parent: parent, lenient: lenient, official: asOfficial,
                                    actor: session.actor)
        case .local:
            return try await submit(data, uploadedName: uploadedName, owner: nil, parent: parent, lenient: lenient, actor: session.actor)
        }
    }

    /// A pasted submission's grid, for its page (nil for any other input,
    /// or one over the limits that an older desk accepted).
    package func pastedGrid(of submission: SubmissionRecord) -> PastedGrid? {
        guard submission.inputKind == .pasted, let data = try? files.input(submission.inputHash),
              limits.excess(data, kind: .pasted) == nil else { return nil }
        return PastedGrid(text: PastedText.text(data))
    }

    /// A workbook submission's sheets as its page draws them: those kept
    /// with the submission; for one an older desk stored without them,
    /// read once on a render worker (never on the request's thread) and kept.
    package func workbookSheets(of submission: SubmissionRecord) async throws -> [StoredSheet] {
        guard [.workbook, .legacyWorkbook].contains(submission.inputKind), let id = submission.id else { return [] }
        if let kept = submission.sheets { return kept }
        guard let data = try? files.input(submission.inputHash) else { return [] }
        let limits = limits
        let kind = submission.inputKind
        let sheets = try await workers.run { _ in limits.excess(data, kind: kind) == nil ? StoredSheet.sheets(of: data, limits: limits) : [] }
        try store.keepSheets(sheets, of: id)
        return sheets
    }

    /// Renders every unit's latest submission again (after a layout or
    /// profile change): new files, a new generation, the old ones kept.
    package func rerenderAll(actor: String) async throws -> Int {
        var count = 0
        for submission in try store.latestByUnit().values.sorted(by: { ($0.id ?? 0) < ($1.id ?? 0) }) {
            guard let id = submission.id, submission.readError == nil else { continue }
            let data = try files.input(submission.inputHash)
            let (kind, lenient) = (submission.inputKind, submission.lenient)
            let processed = try await workers.run { worker in Submitting.process(data, kind: kind, lenient: lenient, with: worker) }
            let generation = submission.generation + 1
            let records = try storeFiles(processed, generation: generation)
            let summary = try processed.summary.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
            try store.replaceFiles(of: id, generation: generation, files: records, summaryJSON: summary, actor: actor)
            count += 1
        }
        return count
    }

    private func storeFiles(_ processed: Processed, generation: Int) throws -> [RenderedFileRecord] {
        guard !processed.files.isEmpty else { return [] }
        let paths = try files.storeRendering(processed.files.map { (data: $0.data, fileExtension: $0.fileExtension) })
        return zip(processed.files, paths).enumerated().map { index, pair in
            let (file, path) = pair
            return RenderedFileRecord(submission: 0, generation: generation, position: index + 1, role: file.role, downloadName: file.name,
                                      storedPath: path, sha256: ContentHash.hex(file.data), bytes: file.data.count, pages: file.pages)
        }
    }
}
