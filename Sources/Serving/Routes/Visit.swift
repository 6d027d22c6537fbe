import Evaluation
import Foundation
import HTTPTypes
import Hummingbird

/// What a request carries that every route needs: its language, its
/// session, whether it came over HTTPS; and the cookies to set in reply.
package struct Visit: Sendable {
    package var language: Language
    package var session: Session?
    package var cookies: [Cookie] = []
    package var https: Bool
    /// The desk's address as this visitor reached it (http://10.0.0.5:8080/),
    /// which the access-code notices print.
    package var origin: String = ""

    static let sessionCookie = "formprint_session"
    static let languageCookie = "formprint_lang"
    /// The nonce the login form's signed token is checked against (no row).
    static let loginCookie = "formprint_login"

    /// The session's CSRF token ("" with no session: such a form is refused).
    package var csrf: String { session?.csrf ?? "" }

    /// Reads the visit from `request`; on loopback a visitor without a
    /// session gets one (nobody logs in, but every form still needs a token).
    static func of(_ request: Request, desk: Desk, sessions: Sessions) throws -> Visit {
        let asked = request.uri.queryParameters["lang"].map(String.init)
        let language = Language(rawValue: asked ?? request.cookies[languageCookie]?.value ?? "") ?? .chinese
        // Over the server's own TLS, or a TLS proxy in front that says so.
        let https = desk.servesTLS || request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
        var visit = Visit(language: language, session: nil, https: https)
        visit.origin = (https ? "https://" : "http://") + (request.head.authority ?? "localhost") + "/"
        if let token = request.cookies[sessionCookie]?.value { visit.session = try sessions.find(token) }
        if visit.session == nil && !desk.requiresLogin {
            let (token, session) = try sessions.open(.local, principal: nil)
            visit.session = session
            visit.cookies.append(visit.cookie(sessionCookie, token))
        }
        if let asked, Language(rawValue: asked) != nil { visit.cookies.append(visit.cookie(languageCookie, asked)) }
        return visit
    }

    /// HttpOnly, SameSite=Strict, and Secure when the request came over HTTPS.
    func cookie(_ name: String, _ value: String, maxAge: Int? = nil) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: https, httpOnly: true, sameSite: .strict)
    }

    /// Refuses a form whose token is not this session's (403).
    func requireToken(_ form: FormBody) throws {
        guard let session, let sent = form["csrf"], !sent.isEmpty, Self.same(sent, session.csrf) else {
            throw DeskText.Refusal.forbiddenWithoutToken
        }
    }

    /// Refuses a login form whose token is neither this session's nor the
    /// signature of the visitor's login nonce (403).
    func requireLoginToken(_ form: FormBody, nonce: String?, logins: Logins) throws {
        if let session, let sent = form["csrf"], Self.same(sent, session.csrf) { return }
        guard logins.checkLoginToken(nonce: nonce, token: form["csrf"]) else { throw DeskText.Refusal.forbiddenWithoutToken }
    }

    /// Compares in time that does not depend on where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    func requireBureau(_ desk: Desk) throws {
        guard desk.requiresLogin else { return }
        guard let session, session.role != .local else { throw DeskText.Refusal.loginRequired }
        guard session.role == .admin else { throw DeskText.Refusal.notFound }
    }

    /// The account a submission is filed under (nil on loopback or for the bureau).
    var owner: String? { session?.role == .unit ? session?.principal : nil }

    /// Whether this visit may see `submission`: on loopback and for the
    /// bureau, every one; for a unit, its own only.
    func maySee(_ submission: SubmissionRecord, desk: Desk) -> Bool {
        guard desk.requiresLogin else { return true }
        switch session?.role {
        case .admin: return true
        case .unit: return submission.owner != nil && submission.owner == session?.principal
        default: return false
        }
    }
}
