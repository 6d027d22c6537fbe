import FormPrint
import Foundation
import Hummingbird
import ZIPFoundation

/// The bureau's routes (汇总): the table of units, the roster, codes,
/// exports and re-rendering. Beyond loopback only the administrator.
struct BureauRoutes: Sendable {
    let routes: DeskRoutes
    var desk: Desk { routes.desk }

    func register(on router: Router<DeskContext>) {
        router.get("/bureau") { request, _ in await routes.respond(request) { visit in try overview(visit) } }
        router.get("/bureau/unit") { request, _ in await routes.respond(request) { visit in try unit(request, visit) } }
        router.get("/bureau/audit") { request, _ in
            await routes.respond(request) { visit in
                try visit.requireBureau(desk)
                return Responses.html(routes.pages(visit).bureau.audit(try desk.store.auditLog()), visit: visit)
            }
        }
        router.post("/bureau/roster") { request, _ in await routes.respond(request) { visit in try await roster(request, visit) } }
        router.post("/bureau/code") { request, _ in await routes.respond(request) { visit in try await issueCode(request, visit) } }
        router.post("/bureau/remove") { request, _ in await routes.respond(request) { visit in try await remove(request, visit) } }
        router.post("/bureau/rerender") { request, _ in
            await routes.respond(request) { visit in
                try visit.requireBureau(desk)
                _ = try await routes.form(request, visit)
                let count = try await desk.rerenderAll(actor: visit.session?.actor ?? "")
                return try overview(visit, message: visit.language.pick("已重新生成 \(count) 个单位的文件。", "Re-rendered \(count) units."))
            }
        }
        router.get("/bureau/findings.xlsx") { request, _ in
            await routes.respond(request) { visit in
                try visit.requireBureau(desk)
                return Responses.file(try BureauExports(desk: desk).findingsWorkbook(), name: "findings.xlsx")
            }
        }
        router.get("/bureau/pdfs.zip") { request, _ in
            await routes.respond(request) { visit in
                try visit.requireBureau(desk)
                return Responses.file(try BureauExports(desk: desk).allPDFs(), name: "全部自评PDF.zip")
            }
        }
        router.get("/bureau/booklet") { request, _ in
            await routes.respond(request) { visit in
                try visit.requireBureau(desk)
                let supervisor = request.uri.queryParameters["supervisor"].map(String.init) ?? ""
                guard let booklet = try BureauExports(desk: desk).booklet(supervisor: supervisor) else { throw DeskText.Refusal.notFound }
                return Responses.file(booklet, name: "\(FileNaming.safeComponent(supervisor))_合订本.pdf")
            }
        }
    }

    func overview(_ visit: Visit, message: String? = nil) throws -> Response {
        try visit.requireBureau(desk)
        let latest = try desk.store.latestByUnit()
        let lines = UnitLine.lines(roster: try desk.store.roster(), latest: latest, bureauCopies: try desk.store.latestBureauCopies())
        let supervisors = Set(latest.values.compactMap(\.supervisor)).sorted()
        return Responses.html(routes.pages(visit).bureau.overview(lines, supervisors: supervisors, csrf: visit.csrf, message: message), visit: visit)
    }

    func unit(_ request: Request, _ visit: Visit) throws -> Response {
        try visit.requireBureau(desk)
        let name = request.uri.queryParameters["name"].map(String.init) ?? ""
        return Responses.html(routes.pages(visit).bureau.unit(name, history: try desk.store.history(of: name)), visit: visit)
    }

    func roster(_ request: Request, _ visit: Visit) async throws -> Response {
        try visit.requireBureau(desk)
        let form = try await routes.form(request, visit)
        let names: [String]
        if let file = form.file {
            // Read by FormPrint's own roster reader (a workbook's first column
            // or one name a line), from a temporary file named by the desk.
            let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("roster-\(UUID().uuidString)."
                + Self.rosterSuffix(InputKind.of(uploadedName: file.name, data: file.data)))
            try file.data.write(to: temporary)
            defer { try? FileManager.default.removeItem(at: temporary) }
            names = try Roster.read(temporary).units
        } else {
            let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("roster-\(UUID().uuidString).txt")
            try Data((form["text"] ?? "").utf8).write(to: temporary)
            defer { try? FileManager.default.removeItem(at: temporary) }
            names = try Roster.read(temporary).units
        }
        guard !names.isEmpty else { throw DeskText.Refusal.emptyInput }
        try desk.store.setRoster(names, actor: visit.session?.actor ?? "")
        return try overview(visit, message: visit.language.pick("名单已保存：\(names.count) 个单位。", "Roster saved: \(names.count) units."))
    }

    func issueCode(_ request: Request, _ visit: Visit) async throws -> Response {
        try visit.requireBureau(desk)
        let form = try await routes.form(request, visit)
        let unit = form["unit"] ?? ""
        let code = try await desk.logins.issueCode(for: unit, actor: visit.session?.actor ?? "")
        return Responses.html(routes.pages(visit).bureau.codeIssued(unit: unit, code: code), visit: visit)
    }

    /// Takes a unit off the roster: it can no longer log in or submit.
    func remove(_ request: Request, _ visit: Visit) async throws -> Response {
        try visit.requireBureau(desk)
        let form = try await routes.form(request, visit)
        guard let unit = form["unit"], try desk.store.rosterUnit(unit)?.onRoster == true else { throw DeskText.Refusal.notFound }
        try desk.store.removeFromRoster(unit, actor: visit.session?.actor ?? "")
        return try overview(visit, message: visit.language.pick("已将“\(unit)”移出名单，其访问码和会话已失效。", "\(unit) is off the roster; its code and sessions no longer work."))
    }
}

/// The bureau's downloads, made from what the desk stored.
extension BureauRoutes {
    /// The suffix the roster's temporary file gets, which decides how it is read.
    static func rosterSuffix(_ kind: InputKind) -> String {
        switch kind {
        case .workbook: "xlsx"
        case .legacyWorkbook: "xls"
        default: "txt"
        }
    }
}

struct BureauExports {
    let desk: Desk

    /// `findings.xlsx` of the batch report, over every unit's latest submission.
    func findingsWorkbook() throws -> Data {
        let latest = try desk.store.latestByUnit()
        let units: [UnitSummary] = latest.values.sorted { ($0.id ?? 0) < ($1.id ?? 0) }.enumerated().map { index, submission in
            if let json = submission.summaryJSON, var summary = try? JSONDecoder().decode(UnitSummary.self, from: Data(json.utf8)) {
                summary.position = index
                summary.unit = submission.filedUnder
                return summary
            }
            return UnitSummary(input: submission.inputKind.fileName, position: index, unit: submission.filedUnder, year: submission.year,
                               status: .failed, errors: [submission.readError ?? ""])
        }
        let roster = Roster(units: try desk.store.roster().map(\.name))
        return try FindingsReport(summary: BatchSummary(units: units), roster: roster).workbook()
    }

    /// Every unit's latest PDFs, one folder per unit.
    func allPDFs() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, submission) in try desk.store.latestByUnit().sorted(by: { $0.key < $1.key }) {
            for file in try desk.store.files(of: submission) where file.role == "pdf" || file.role == "combined" {
                let data = try desk.files.data(at: file.storedPath)
                try archive.addEntry(with: FileNaming.safeComponent(name) + "/" + FileNaming.safeComponent(file.downloadName), type: .file,
                                     uncompressedSize: Int64(data.count), modificationDate: Date(timeIntervalSince1970: submission.submittedAt),
                                     compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
        }
        return archive.data ?? Data()
    }

    /// The combined PDFs of every unit whose forms name `supervisor` as
    /// their 主管部门, in one booklet; nil when none does.
    func booklet(supervisor: String) throws -> Data? {
        var parts: [Booklet.Part] = []
        var year = 2024
        for (name, submission) in try desk.store.latestByUnit().sorted(by: { $0.key < $1.key }) where submission.supervisor == supervisor {
            guard let combined = try desk.store.files(of: submission).first(where: { $0.role == "combined" }) else { continue }
            parts.append(Booklet.Part(title: name, pdf: try desk.files.data(at: combined.storedPath), pages: combined.pages))
            year = submission.year ?? year
        }
        guard !parts.isEmpty else { return nil }
        return try Booklet.assemble(parts, title: "\(supervisor) \(year)年度预算绩效自评合订本", year: year)
    }
}
