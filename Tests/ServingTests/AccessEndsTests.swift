import Foundation
import GRDB
import Hummingbird
import Testing

@testable import Serving

/// Access that ends: a new code, leaving the roster or a new password ends
/// sessions at once; failed logins are throttled before bcrypt runs, and
/// bcrypt runs off the cooperative pool; a visit before login stores nothing.
@Suite(.serialized) struct AccessEndsTests {
    static let unit = "柳河县政务服务和数字化建设管理局"

    static func sessionRows(_ desk: Desk) throws -> Int {
        try desk.store.database.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM session") ?? 0 }
    }

    @Test func reissuingACodeEndsTheUnitsSessionAndTheOldCode() async throws {
        let desk = try AccessTests.desk()
        try await withLoopbackServer(DeskRoutes(desk: desk).router()) { client in
            let admin = TestBrowser(client)
            _ = try await AccessTests.logInAdmin(admin)
            let old = try await AccessTests.issueCode(admin, unit: Self.unit)
            let unit = TestBrowser(client)
            #expect(try await AccessTests.logIn(unit, unit: Self.unit, code: old).location == "/")
            #expect(try await unit.get("/").status == .ok)
            let new = try await AccessTests.issueCode(admin, unit: Self.unit)
            // The next request of the old session is sent to the login page.
            #expect(try await unit.get("/").location == "/login")
            #expect(try await AccessTests.logIn(TestBrowser(client), unit: Self.unit, code: old).status == .unauthorized)
            #expect(try await AccessTests.logIn(TestBrowser(client), unit: Self.unit, code: new).location == "/")
            let audit = try await admin.get("/bureau/audit").text
            #expect(audit.contains("重发访问码（旧会话已结束）") && audit.contains("发放访问码") && audit.contains(">登录<"))
        }
    }

    @Test func aUnitRemovedFromTheRosterCanNeitherLogInNorSubmit() async throws {
        let desk = try AccessTests.desk()
        try await withLoopbackServer(DeskRoutes(desk: desk).router()) { client in
            let admin = TestBrowser(client)
            _ = try await AccessTests.logInAdmin(admin)
            let code = try await AccessTests.issueCode(admin, unit: Self.unit)
            let unit = TestBrowser(client)
            #expect(try await AccessTests.logIn(unit, unit: Self.unit, code: code).location == "/")
            let home = try await unit.get("/")
            let csrf = try #require(home.csrf)
            let bureau = try await admin.get("/bureau")
            let removed = try await admin.post("/bureau/remove", fields: ["csrf": try #require(bureau.csrf), "unit": Self.unit])
            #expect(removed.text.contains("移出名单"))
            let posted = try await unit.postMultipart("/submit", fields: ["csrf": csrf, "text": try String(contentsOf: seedText, encoding: .utf8)])
            #expect(posted.location == "/login")
            #expect(try desk.store.submissions().isEmpty)
            #expect(try await AccessTests.logIn(TestBrowser(client), unit: Self.unit, code: code).status == .unauthorized)
            #expect(try await admin.get("/bureau/audit").text.contains("移出名单（会话已结束）"))
            // Saving a roster without the unit ends its sessions too.
            try desk.store.setRoster([Self.unit], actor: "test")
            let again = TestBrowser(client)
            #expect(try await AccessTests.logIn(again, unit: Self.unit, code: code).location == "/")
            try desk.store.setRoster(["示例市文化和旅游局"], actor: "test")
            #expect(try await again.get("/").location == "/login")
        }
    }

    @Test func aNewAdministratorPasswordEndsThatAdministratorsSessions() async throws {
        let desk = try AccessTests.desk()
        try await withLoopbackServer(DeskRoutes(desk: desk).router()) { client in
            let admin = TestBrowser(client)
            _ = try await AccessTests.logInAdmin(admin)
            #expect(try await admin.get("/bureau").status == .ok)
            try Sessions(database: desk.store.database).setAdministrator("财政局", password: "a new password")
            #expect(try await admin.get("/bureau").location == "/login")
            #expect(try await AccessTests.logInAdmin(TestBrowser(client)).status == .unauthorized)
            #expect(try await AccessTests.logInAdmin(TestBrowser(client), password: "a new password").location == "/bureau")
            #expect(try desk.store.auditLog().contains { $0.action == "admin-password-reset" })
        }
    }

    @Test func theSixthWrongPasswordIs429AndRunsNoBcrypt() async throws {
        let desk = try AccessTests.desk()
        try await withLoopbackServer(DeskRoutes(desk: desk).router()) { client in
            let browser = TestBrowser(client)
            for _ in 1...5 { #expect(try await AccessTests.logInAdmin(browser, password: "wrong").status == .unauthorized) }
            let before = desk.logins.bcryptRuns.current
            let sixth = try await AccessTests.logInAdmin(browser, password: "wrong")
            #expect(sixth.status == .tooManyRequests)
            #expect(desk.logins.bcryptRuns.current == before)
            #expect(sixth.text.contains("登录失败次数过多") && sixth.text.contains("15 分钟后再试"))
            #expect(Int(sixth.headers[.retryAfter] ?? "") ?? 0 > 800)
            // Even the right password waits; in English the page says so too.
            let right = try await AccessTests.logInAdmin(browser)
            #expect(right.status == .tooManyRequests)
            let login = try await browser.get("/login?lang=en")
            let english = try await browser.post("/login/admin", fields: ["csrf": try #require(login.csrf), "user": "财政局", "password": "x"])
            #expect(english.text.contains("Too many failed logins"))
            #expect(desk.logins.bcryptRuns.current == before)
        }
    }

    @Test func anAnonymousVisitStoresNoSession() async throws {
        let desk = try AccessTests.desk()
        try await withLoopbackServer(DeskRoutes(desk: desk).router()) { client in
            let browser = TestBrowser(client)
            for path in ["/login", "/", "/bureau", "/login?lang=en"] { _ = try await browser.get(path) }
            #expect(try Self.sessionRows(desk) == 0)
            // A login form's token that was not signed for this visitor's nonce is refused.
            let login = try await browser.get("/login")
            browser.cookies[Visit.loginCookie] = String(repeating: "a", count: 64)
            let forged = try await browser.post("/login/admin", fields: ["csrf": try #require(login.csrf), "user": "财政局", "password": "correct horse battery"])
            #expect(forged.status == .forbidden)
            #expect(try Self.sessionRows(desk) == 0)
            #expect(try await AccessTests.logInAdmin(TestBrowser(client)).location == "/bureau")
            #expect(try Self.sessionRows(desk) == 1)
        }
    }

    /// 16 wrong guesses at once queue on bcrypt's own thread: a page asked
    /// for meanwhile is answered before they are all checked.
    @Test func parallelWrongGuessesDoNotStallOtherPages() async throws {
        let desk = try AccessTests.desk()
        try await withLoopbackServer(DeskRoutes(desk: desk).router()) { client in
            let guessers = (0..<16).map { _ in TestBrowser(client) }
            var tokens: [String] = []
            for browser in guessers { tokens.append(try #require(try await browser.get("/login").csrf)) }
            let start = desk.logins.bcryptRuns.current
            let signed = tokens
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, browser) in guessers.enumerated() {
                    group.addTask {
                        _ = try await browser.post("/login", fields: ["csrf": signed[index], "unit": "单位\(index)", "code": "0000-0000-0000"])
                    }
                }
                try await Task.sleep(for: .milliseconds(20))
                let page = try await TestBrowser(client).get("/login")
                #expect(page.status == .ok)
                #expect(desk.logins.bcryptRuns.current - start < 16, "the page waited for every guess")
                try await group.waitForAll()
            }
            #expect(desk.logins.bcryptRuns.current - start == 16)
        }
    }
}
