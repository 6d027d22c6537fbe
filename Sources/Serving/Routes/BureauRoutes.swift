import Batch
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
        router.get("/bureau") { request, _ in
            await routes.respond(request) { visit in
                let parameters = Dictionary(request.uri.queryParameters.map { (String($0.key), String($0.value)) }, uniquingKeysWith: { a, _ in a })
                return try overview(visit, filter: UnitFilter(parameters: parameters))
            }
        }
        router.get("/bureau/unit") { request, _ in await routes.respond(request) { visit in try unit(request, visit) } }
        router.get("/bureau/audit") { request, _ in
            await routes.respond(request) { visit in
                try visit.requireBureau(desk)
                return Responses.html(routes.pages(visit).bureau.audit(try desk.store.auditLog()), visit: visit)
            }
        }
        router.post("/bureau/roster") { request, _ in await routes.respond(request) { visit in try await roster(request, visit) } }
        router.post("/bureau/code") { request, _ in await routes.respond(request) { visit in try await issueCode(request, visit) } }
        router.post("/bureau/codes") { request, _ in await routes.respond(request) { visit in try await issueCodes(request, visit) } }
        router.get("/bureau/codes/:token/:file") { request, context in
            await routes.respond(request) { visit in
                try await codesFile(context.parameters.get("token") ?? "", context.parameters.get("file") ?? "", visit)
            }
        }
        router.post("/bureau/codes/:token/forget") { request, context in
            await routes.respond(request) { visit in
                try visit.requireBureau(desk)
                _ = try await routes.form(request, visit)
                desk.issuedCodes.forget(context.parameters.get("token") ?? "", session: visit.csrf)
                return try overview(visit, message: visit.language.pick("本次发放的访问码已从服务器内存中清除。", "The codes of this issue are cleared from the server's memory."))
            }
        }
        router.post("/bureau/return") { request, _ in await routes.respond(request) { visit in try await returnForRevision(request, visit) } }
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

    func overview(_ visit: Visit, filter: UnitFilter = UnitFilter(), message: String? = nil) throws -> Response {
        try visit.requireBureau(desk)
        return Responses.html(routes.pages(visit).bureau.overview(try BureauExports(desk: desk).lines(), filter: filter, csrf: visit.csrf,
                                                                  message: message, address: visit.origin), visit: visit)
    }

    func unit(_ request: Request, _ visit: Visit) throws -> Response {
        try visit.requireBureau(desk)
        let name = request.uri.queryParameters["name"].map(String.init) ?? ""
        return Responses.html(routes.pages(visit).bureau.unit(name, history: try desk.store.history(of: name), csrf: visit.csrf), visit: visit)
    }

    func roster(_ request: Request, _ visit: Visit) async throws -> Response {
        try visit.requireBureau(desk)
        let form = try await routes.form(request, visit)
        let roster: Roster
        if let file = form.file {
            // Read by FormPrint's own roster reader (a workbook's first column
            // or one name a line), from a temporary file named by the desk.
            let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("roster-\(UUID().uuidString)."
                + Self.rosterSuffix(InputKind.of(uploadedName: file.name, data: file.data)))
            try file.data.write(to: temporary)
            defer { try? FileManager.default.removeItem(at: temporary) }
            roster = try Roster.read(temporary)
        } else {
            let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("roster-\(UUID().uuidString).txt")
            try Data((form["text"] ?? "").utf8).write(to: temporary)
            defer { try? FileManager.default.removeItem(at: temporary) }
            roster = try Roster.read(temporary)
        }
        let names = roster.units
        guard !names.isEmpty else { throw DeskText.Refusal.emptyInput }
        try desk.store.setRoster(names, supervisors: roster.supervisors.isEmpty ? nil : roster.supervisors, actor: visit.session?.actor ?? "")
        let supervised = roster.supervisors.isEmpty ? ("", "")
            : ("其中 \(roster.supervisors.count) 个填有主管部门。", " \(roster.supervisors.count) of them with a 主管部门.")
        return try overview(visit, message: visit.language.pick("名单已保存：\(names.count) 个单位。" + supervised.0, "Roster saved: \(names.count) units." + supervised.1))
    }

    func issueCode(_ request: Request, _ visit: Visit) async throws -> Response {
        try visit.requireBureau(desk)
        let form = try await routes.form(request, visit)
        let unit = form["unit"] ?? ""
        let code = try await desk.logins.issueCode(for: unit, actor: visit.session?.actor ?? "")
        return Responses.html(routes.pages(visit).bureau.codeIssued(unit: unit, code: code), visit: visit)
    }

    /// Codes for every roster unit without one, or (confirmed) for all:
    /// shown on this one page, downloadable once as notices and a list.
    func issueCodes(_ request: Request, _ visit: Visit) async throws -> Response {
        try visit.requireBureau(desk)
        let form = try await routes.form(request, visit)
        let scope = Logins.CodeScope(rawValue: form["scope"] ?? "") ?? .missing
        if scope == .all && form["confirm"] != "1" { throw DeskText.Refusal.reissueNotConfirmed }
        let address = (form["address"] ?? "").trimmingCharacters(in: .whitespaces)
        let actor = visit.session?.actor ?? ""
        let issued = try await desk.logins.issueCodes(scope, actor: actor)
        guard !issued.isEmpty else {
            return try overview(visit, message: visit.language.pick("名单中的单位都已有访问码，没有新发放。", "Every unit on the roster has a code; none was issued."))
        }
        let notices = AccessCodeNotices(notices: issued.map { .init(unit: $0.unit.name, supervisor: $0.unit.supervisor, code: $0.code) },
                                        address: address.isEmpty ? visit.origin : String(address.prefix(200)))
        let token = desk.issuedCodes.hold(notices, session: visit.csrf)
        return Responses.html(routes.pages(visit).bureau.codesIssued(notices, token: token, reissued: scope == .all, csrf: visit.csrf), visit: visit)
    }

    /// One download of a bulk issue's codes: the notices' PDF (drawn on a
    /// render worker) or the list's workbook, each once.
    func codesFile(_ token: String, _ file: String, _ visit: Visit) async throws -> Response {
        try visit.requireBureau(desk)
        guard let download = IssuedCodes.Download(rawValue: (file as NSString).pathExtension),
              let held = desk.issuedCodes.take(token, download, session: visit.csrf) else { throw DeskText.Refusal.codesGone }
        do {
            let notices = held.notices
            let data: Data
            switch download {
            case .pdf: data = try await desk.workers.run { worker in try notices.pdf(with: worker.renderer) }
            case .xlsx: data = try notices.workbook()
            }
            var response = Responses.file(data, name: download == .pdf ? "访问码通知.pdf" : "访问码清单.xlsx")
            response.headers[.cacheControl] = "no-store"
            return response
        } catch {
            // Not delivered: it may be asked for again.
            desk.issuedCodes.putBack(token, download, held)
            throw error
        }
    }

    /// Returns a unit's latest submission for revision, with a comment the
    /// unit sees on its pages; the table shows 已退回 until it submits again.
    func returnForRevision(_ request: Request, _ visit: Visit) async throws -> Response {
        try visit.requireBureau(desk)
        let form = try await routes.form(request, visit)
        let comment = (form["comment"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !comment.isEmpty else { throw DeskText.Refusal.returnNeedsComment }
        guard let id = form["id"].flatMap(Int64.init), let submission = try desk.store.submission(id) else { throw DeskText.Refusal.notFound }
        guard try desk.store.returnForRevision(id, comment: String(comment.prefix(2000)), actor: visit.session?.actor ?? "") else {
            throw DeskText.Refusal.notReturnable
        }
        return Responses.redirect("/bureau/unit?name=" + HTML.query(submission.filedUnder), visit: visit)
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

    /// The table's lines: every roster unit and every unit that submitted.
    func lines() throws -> [UnitLine] {
        UnitLine.lines(roster: try desk.store.roster(), latest: try desk.store.latestByUnit(), bureauCopies: try desk.store.latestBureauCopies())
    }

    /// Every unit's latest PDFs, one folder per unit, inside a folder per
    /// 主管部门 for the units that have one.
    func allPDFs() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for line in try lines().sorted(by: { NaturalOrder.precedes($0.name, $1.name) }) {
            guard let submission = line.latest else { continue }
            let folder = (line.supervisor.map { FileNaming.safeComponent($0) + "/" } ?? "") + FileNaming.safeComponent(line.name)
            for file in try desk.store.files(of: submission) where file.role == "pdf" || file.role == "combined" {
                let data = try desk.files.data(at: file.storedPath)
                try archive.addEntry(with: folder + "/" + FileNaming.safeComponent(file.downloadName), type: .file,
                                     uncompressedSize: Int64(data.count), modificationDate: Date(timeIntervalSince1970: submission.submittedAt),
                                     compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
        }
        return archive.data ?? Data()
    }

    /// The combined PDFs of every unit whose 主管部门 (the roster's, else
    /// its forms') is `supervisor`, in one booklet; nil when none has one.
    func booklet(supervisor: String) throws -> Data? {
        var parts: [Booklet.Part] = []
        var year = 2024
        for line in try lines().sorted(by: { NaturalOrder.precedes($0.name, $1.name) }) where line.supervisor == supervisor {
            guard let submission = line.latest else { continue }
            let name = line.name
            guard let combined = try desk.store.files(of: submission).first(where: { $0.role == "combined" }) else { continue }
            parts.append(Booklet.Part(title: name, pdf: try desk.files.data(at: combined.storedPath), pages: combined.pages))
            year = submission.year ?? year
        }
        guard !parts.isEmpty else { return nil }
        return try Booklet.assemble(parts, title: "\(supervisor) \(year)年度预算绩效自评合订本", year: year)
    }
}
