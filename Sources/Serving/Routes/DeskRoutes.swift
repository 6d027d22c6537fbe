import Evaluation
import FormPrint
import Foundation
import Hummingbird
import NIOCore

/// The routes: each parses, calls the desk and formats a page. Nothing
/// is decided here that the desk or the facade could decide.
package struct DeskRoutes: Sendable {
    package let desk: Desk
    package let sessions: Sessions

    package init(desk: Desk) {
        self.desk = desk
        sessions = Sessions(database: desk.store.database)
    }

    package func router() -> Router<DeskContext> {
        let router = Router(context: DeskContext.self)
        router.get("/") { request, _ in await respond(request) { visit in try home(visit) } }
        router.post("/submit") { request, _ in await respond(request) { visit in try await submit(request, visit) } }
        router.get("/s/:id") { request, context in await respond(request) { visit in try await show(try id(context), visit) } }
        router.post("/s/:id/recheck") { request, context in await respond(request) { visit in try await recheck(try id(context), request, visit) } }
        router.post("/s/:id/correct") { request, context in await respond(request) { visit in try await correct(try id(context), request, visit) } }
        router.get("/s/:id/file/:position") { request, context in
            await respond(request) { visit in try file(try id(context), context.parameters.get("position", as: Int.self) ?? 0, visit) }
        }
        router.get("/login") { request, _ in await respond(request) { visit in try loginPage(visit) } }
        router.post("/login") { request, context in await respond(request) { visit in try await logIn(.unit, request, context, visit) } }
        router.post("/login/admin") { request, context in await respond(request) { visit in try await logIn(.admin, request, context, visit) } }
        router.post("/logout") { request, _ in await respond(request) { visit in try await logout(request, visit) } }
        router.get("/font/hei.ttf") { _, _ in
            guard let url = DeskAssets.pageFont(), let data = try? Data(contentsOf: url) else { return Response(status: .notFound) }
            var response = Responses.file(data, name: "FormPrintHei-Regular.ttf", inline: true)
            response.headers[.contentType] = "font/ttf"
            response.headers[.cacheControl] = "public, max-age=604800"
            return response
        }
        BureauRoutes(routes: self).register(on: router)
        return router
    }

    func id(_ context: DeskContext) throws -> Int64 {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw DeskText.Refusal.notFound }
        return id
    }

    /// Runs a route, turning refusals into pages with their status.
    func respond(_ request: Request, _ route: (inout Visit) async throws -> Response) async -> Response {
        var visit: Visit
        do {
            visit = try Visit.of(request, desk: desk, sessions: sessions)
        } catch {
            return Responses.html(DeskText.describe(error), status: .internalServerError,
                                  visit: Visit(language: .chinese, session: nil, https: false))
        }
        do {
            return try await route(&visit)
        } catch let refusal as DeskText.Refusal {
            let status: HTTPResponse.Status = switch refusal {
            case .notFound: .notFound
            case .codesGone: .gone
            case .forbiddenWithoutToken: .forbidden
            case .tooLarge, .fieldTooLarge, .inputTooLarge: .contentTooLarge
            case .loginRequired: .seeOther
            case .wrongLogin: .unauthorized
            case .emptyInput, .badRequest, .badBoundary, .malformedForm, .tooManyFields, .reissueNotConfirmed, .returnNeedsComment: .badRequest
            case .notReturnable, .notCorrectable: .conflict
            case .notThisUnit: .unprocessableContent
            case .tooManyLogins: .tooManyRequests
            }
            if case .loginRequired = refusal { return Responses.redirect("/login", visit: visit) }
            var response = Responses.html(pages(visit).bureau.refusal(DeskText.describe(refusal as Error, language: visit.language)), status: status, visit: visit)
            if case .tooManyLogins(let seconds) = refusal { response.headers[.retryAfter] = String(seconds) }
            return response
        } catch let error as any HTTPResponseError {
            // The framework's own refusals keep their status.
            let refusal: DeskText.Refusal = error.status == .contentTooLarge ? .tooLarge(limit: desk.uploadLimit)
                : .badRequest(Message(chinese: "HTTP \(error.status.code)", english: "HTTP \(error.status.code)"))
            return Responses.html(pages(visit).bureau.refusal(DeskText.describe(refusal, language: visit.language)), status: error.status, visit: visit)
        } catch {
            return Responses.html(pages(visit).bureau.refusal(DeskText.describe(error, language: visit.language)), status: .internalServerError, visit: visit)
        }
    }

    func pages(_ visit: Visit) -> (officer: OfficerPages, bureau: BureauPages) {
        let frame = PageFrame(language: visit.language, session: visit.session, requiresLogin: desk.requiresLogin)
        return (OfficerPages(frame: frame), BureauPages(frame: frame))
    }

    /// The posted form, within the upload limit (413 beyond it), with the
    /// session's token (or, for a login form, the signed login token).
    func form(_ request: Request, _ visit: Visit, login: Bool = false) async throws -> FormBody {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > desk.uploadLimit {
            throw DeskText.Refusal.tooLarge(limit: desk.uploadLimit)
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: desk.uploadLimit)
        } catch {
            throw DeskText.Refusal.tooLarge(limit: desk.uploadLimit)
        }
        let form = try FormBody(buffer, contentType: request.headers[.contentType], limits: desk.formLimits)
        if login {
            try visit.requireLoginToken(form, nonce: request.cookies[Visit.loginCookie]?.value, logins: desk.logins)
        } else {
            try visit.requireToken(form)
        }
        return form
    }

    func requireSession(_ visit: Visit) throws -> Session {
        // Beyond loopback the session before login opens nothing.
        guard let session = visit.session, !(desk.requiresLogin && session.role == .local) else { throw DeskText.Refusal.loginRequired }
        return session
    }

    // MARK: - The officer

    func home(_ visit: Visit) throws -> Response {
        let session = try requireSession(visit)
        if session.role == .admin { return Responses.redirect("/bureau", visit: visit) }
        let mine = try desk.store.submissions(owner: visit.owner, limit: 50)
        return Responses.html(pages(visit).officer.home(submissions: desk.requiresLogin || !mine.isEmpty ? mine : [], csrf: visit.csrf,
                                                        uploadLimit: desk.uploadLimit), visit: visit)
    }

    func submit(_ request: Request, _ visit: Visit) async throws -> Response {
        let session = try requireSession(visit)
        let form = try await form(request, visit)
        let data: Data, name: String
        if let file = form.file {
            (name, data) = (file.name, file.data)
        } else if let text = form["text"], !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            (name, data) = ("粘贴.txt", Data(text.utf8))
        } else {
            throw DeskText.Refusal.emptyInput
        }
        let id = try await desk.handIn(data, uploadedName: name, by: session, forUnit: form["unit"], asOfficial: form["official"] != nil,
                                       lenient: form["lenient"] != nil)
        return Responses.redirect("/s/\(id)", visit: visit)
    }

    /// The submission, if this visit may see it; else 404, as if it did not exist.
    func visible(_ id: Int64, _ visit: Visit) throws -> SubmissionRecord {
        _ = try requireSession(visit)
        guard let submission = try desk.store.submission(id), visit.maySee(submission, desk: desk) else { throw DeskText.Refusal.notFound }
        return submission
    }

    func show(_ id: Int64, _ visit: Visit) async throws -> Response {
        let submission = try visible(id, visit)
        let pasted = desk.pastedGrid(of: submission)
        let workbook = try await desk.workbookSheets(of: submission)
        return Responses.html(pages(visit).officer.submission(submission, files: try desk.store.files(of: submission), pasted: pasted,
                                                              workbook: workbook, csrf: visit.csrf), visit: visit)
    }

    /// The edited grid, as the text it stands for, is a new submission
    /// whose parent is the one edited: nothing is overwritten.
    func recheck(_ id: Int64, _ request: Request, _ visit: Visit) async throws -> Response {
        let session = try requireSession(visit)
        let form = try await form(request, visit)
        let submission = try visible(id, visit)
        guard let original = desk.pastedGrid(of: submission) else {
            throw DeskText.Refusal.badRequest(Message(chinese: "只有粘贴的表格可以在网页中修改", english: "only a pasted table can be edited here"))
        }
        let edited = original.edited(form.fields)
        // The edit stands where the one edited stood (a bureau's copy stays one).
        let newID = try await desk.handIn(Data(edited.text.utf8), uploadedName: "粘贴.txt", by: session, forUnit: submission.owner,
                                          asOfficial: submission.official, parent: id, lenient: submission.lenient)
        return Responses.redirect("/s/\(newID)", visit: visit)
    }

    /// The form corrected in its own shape: a new submission whose parent
    /// is the one corrected, whatever the input was.
    func correct(_ id: Int64, _ request: Request, _ visit: Visit) async throws -> Response {
        let session = try requireSession(visit)
        let form = try await form(request, visit)
        let submission = try visible(id, visit)
        let newID = try await desk.correct(submission, Correction(fields: form.fields), by: session)
        return Responses.redirect("/s/\(newID)", visit: visit)
    }

    func file(_ id: Int64, _ position: Int, _ visit: Visit) throws -> Response {
        let submission = try visible(id, visit)
        guard let record = try desk.store.files(of: submission).first(where: { $0.position == position }) else { throw DeskText.Refusal.notFound }
        return Responses.file(try desk.files.data(at: record.storedPath), name: record.downloadName, inline: record.role == "png")
    }

    // MARK: - Logging in

    /// The login page stores nothing: its form's token is the HMAC of a
    /// nonce kept in a cookie, and a session row exists only after login.
    func loginPage(_ visit: Visit) throws -> Response {
        var visit = visit
        var csrf = visit.csrf
        if visit.session == nil {
            let (nonce, token) = desk.logins.loginToken()
            visit.cookies.append(visit.cookie(Visit.loginCookie, nonce))
            csrf = token
        }
        let units = try desk.store.roster().filter { $0.codeHash != nil }.map(\.name)
        return Responses.html(pages(visit).bureau.login(units: units, csrf: csrf), visit: visit)
    }

    func logIn(_ role: Session.Role, _ request: Request, _ context: DeskContext, _ visit: Visit) async throws -> Response {
        let form = try await form(request, visit, login: true)
        let name = form[role == .admin ? "user" : "unit"] ?? ""
        let secret = form[role == .admin ? "password" : "code"] ?? ""
        let (token, session) = try await desk.logins.logIn(role, name: name, secret: secret, address: context.clientAddress)
        // The session before login (if any) is closed, so a token planted before login opens nothing.
        if let old = request.cookies[Visit.sessionCookie]?.value { try sessions.close(old) }
        var visit = visit
        visit.session = session
        visit.cookies.append(visit.cookie(Visit.sessionCookie, token))
        visit.cookies.append(visit.cookie(Visit.loginCookie, "", maxAge: 0))
        return Responses.redirect(role == .admin ? "/bureau" : "/", visit: visit)
    }

    func logout(_ request: Request, _ visit: Visit) async throws -> Response {
        _ = try await form(request, visit)
        if let token = request.cookies[Visit.sessionCookie]?.value { try sessions.close(token) }
        var visit = visit
        visit.cookies.append(visit.cookie(Visit.sessionCookie, "", maxAge: 0))
        return Responses.redirect(desk.requiresLogin ? "/login" : "/", visit: visit)
    }
}
