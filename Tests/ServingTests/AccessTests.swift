import Batch
import Foundation
import Hummingbird
import Testing

@testable import Serving

/// Beyond loopback: the administrator logs in, issues codes; a unit sees
/// and submits only its own; cookies and tokens as the issue asks.
@Suite(.serialized) struct AccessTests {
    /// A desk that requires login, with an administrator and two units.
    static func desk() throws -> Desk {
        let desk = try Desk(data: try temporaryFolder(), workers: 1, requiresLogin: true)
        try Sessions(database: desk.store.database).setAdministrator("财政局", password: "correct horse battery")
        try desk.store.setRoster(["柳河县政务服务和数字化建设管理局", "示例市文化和旅游局"], actor: "test")
        return desk
    }

    static func logIn(_ browser: TestBrowser, unit: String, code: String) async throws -> TestBrowser.Page {
        let login = try await browser.get("/login")
        return try await browser.post("/login", fields: ["csrf": try #require(login.csrf), "unit": unit, "code": code])
    }

    static func logInAdmin(_ browser: TestBrowser, password: String = "correct horse battery") async throws -> TestBrowser.Page {
        let login = try await browser.get("/login")
        return try await browser.post("/login/admin", fields: ["csrf": try #require(login.csrf), "user": "财政局", "password": password])
    }

    /// Issues a code through the bureau's page and reads it off the page.
    static func issueCode(_ admin: TestBrowser, unit: String) async throws -> String {
        let bureau = try await admin.get("/bureau")
        let page = try await admin.post("/bureau/code", fields: ["csrf": try #require(bureau.csrf), "unit": unit])
        let range = try #require(page.text.range(of: "id=\"code\">"))
        return String(page.text[range.upperBound...].prefix { $0 != "<" })
    }

    @Test func nobodySeesAnythingBeforeLoggingIn() async throws {
        let desk = try Self.desk()
        try await withLoopbackServer(DeskRoutes(desk: desk).router()) { client in
            let browser = TestBrowser(client)
            #expect(try await browser.get("/").location == "/login")
            #expect(try await browser.get("/bureau").location == "/login")
            let wrong = try await Self.logInAdmin(browser, password: "wrong")
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("不正确"))
            #expect(try await browser.get("/bureau").location == "/login")
        }
    }

    @Test func aUnitSeesOnlyItsOwnSubmissions() async throws {
        let desk = try Self.desk()
        try await withLoopbackServer(DeskRoutes(desk: desk).router()) { client in
            let admin = TestBrowser(client)
            let loggedIn = try await Self.logInAdmin(admin)
            #expect(loggedIn.location == "/bureau")
            // The session cookie: HttpOnly, SameSite=Strict; Secure only over HTTPS.
            let cookie = try #require(loggedIn.headers[values: .setCookie].first { $0.hasPrefix("formprint_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && !cookie.contains("Secure"))
            let liuheCode = try await Self.issueCode(admin, unit: "柳河县政务服务和数字化建设管理局")
            let otherCode = try await Self.issueCode(admin, unit: "示例市文化和旅游局")
            #expect(liuheCode.filter(\.isNumber).count == 12)
            // Only the hash is stored.
            #expect(try desk.store.rosterUnit("示例市文化和旅游局")?.codeHash?.hasPrefix("$2") == true)
            #expect(try desk.store.rosterUnit("示例市文化和旅游局")?.codeHash?.contains(otherCode.filter(\.isNumber)) == false)

            let liuhe = TestBrowser(client)
            #expect(try await Self.logIn(liuhe, unit: "柳河县政务服务和数字化建设管理局", code: otherCode).status == .unauthorized)
            #expect(try await Self.logIn(liuhe, unit: "柳河县政务服务和数字化建设管理局", code: liuheCode).location == "/")
            let home = try await liuhe.get("/")
            let posted = try await liuhe.postMultipart("/submit", fields: ["csrf": try #require(home.csrf),
                                                                           "text": try String(contentsOf: seedText, encoding: .utf8)])
            let id = try #require(TestBrowser.submission(posted))
            #expect(try await liuhe.get("/s/\(id)").status == .ok)
            #expect(try desk.store.submission(id)?.owner == "柳河县政务服务和数字化建设管理局")

            let other = TestBrowser(client)
            #expect(try await Self.logIn(other, unit: "示例市文化和旅游局", code: otherCode).location == "/")
            let peek = try await other.get("/s/\(id)")
            #expect(peek.status == .notFound)
            #expect(try await other.get("/s/\(id)/file/1").status == .notFound)
            #expect(try await other.get("/bureau").status == .notFound)
            #expect(!(try await other.get("/").text.contains("/s/\(id)\"")))

            // The bureau sees the unit's status, and the audit log names who submitted.
            let bureau = try await admin.get("/bureau")
            #expect(bureau.text.contains("data-unit=\"柳河县政务服务和数字化建设管理局\""))
            #expect(bureau.text.contains("<span class=\"status warning\">有警告</span>"))
            #expect(bureau.text.contains("<span class=\"status missing\">未提交</span>"))
            #expect(try await admin.get("/s/\(id)").status == .ok)
            #expect(try desk.store.auditLog().contains { $0.actor == "unit:柳河县政务服务和数字化建设管理局" && $0.action == "submit" })
        }
    }

    @Test func aSessionCookieIsSecureWhenTheRequestCameOverHTTPS() async throws {
        let desk = try Self.desk()
        try await withLoopbackServer(DeskRoutes(desk: desk).router()) { client in
            let browser = TestBrowser(client)
            // Before login only the login form's nonce is set (no session row).
            let login = try await browser.send("/login", .get, headers: [.init("X-Forwarded-Proto")!: "https"], body: nil)
            let cookie = try #require(login.headers[values: .setCookie].first { $0.hasPrefix("formprint_login=") })
            #expect(cookie.contains("Secure"))
        }
    }

    /// The national example gives 主管部门 and scores: the table lists
    /// 总分 and 等级 as summary.json does, and the booklet binds its units.
    @Test func aBookletPerSupervisorAndScoresOnTheTable() async throws {
        let desk = try Self.desk()
        let national = repositoryRoot.appendingPathComponent("Examples/national-2024.yaml")
        _ = try await desk.submit(try Data(contentsOf: national), uploadedName: "national-2024.yaml", owner: nil, actor: "test")
        try await withLoopbackServer(DeskRoutes(desk: desk).router()) { client in
            let admin = TestBrowser(client)
            _ = try await Self.logInAdmin(admin)
            let bureau = try await admin.get("/bureau")
            let line = try #require(UnitLine.lines(roster: [], latest: try desk.store.latestByUnit()).first)
            let score = try #require(line.scores.first)
            #expect(score.total != nil && score.grade != nil)
            #expect(bureau.text.contains("<td>\(score.total!)</td><td>\(score.grade!)</td>"))
            #expect(bureau.text.contains("/bureau/booklet?supervisor="))
            let booklet = try await admin.get("/bureau/booklet?supervisor=" + admin.encode("示例县农业农村局"))
            #expect(booklet.status == .ok)
            #expect(booklet.body.prefix(5) == Data("%PDF-".utf8))
            // As many pages as the unit's combined PDF (poppler's pdfinfo reads it).
            if FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfinfo") {
                let file = try temporaryFolder().appendingPathComponent("booklet.pdf")
                try booklet.body.write(to: file)
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/pdfinfo")
                process.arguments = [file.path]
                let output = Pipe()
                process.standardOutput = output
                try process.run()
                let info = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                let latest = try #require(line.latest)
                let combined = try #require(try desk.store.files(of: latest).first { $0.role == "combined" })
                #expect(info.contains("Pages:") && info.split(separator: "\n").contains { $0.hasPrefix("Pages:") && $0.hasSuffix(" \(combined.pages)") })
            }
            #expect(try await admin.get("/bureau/booklet?supervisor=" + admin.encode("没有的部门")).status == .notFound)
        }
    }

    @Test func theBureauExportsFindingsAndPDFs() async throws {
        let desk = try Self.desk()
        _ = try await desk.submit(try Data(contentsOf: seedText), uploadedName: "粘贴.txt", owner: "柳河县政务服务和数字化建设管理局", actor: "test")
        try await withLoopbackServer(DeskRoutes(desk: desk).router()) { client in
            let admin = TestBrowser(client)
            _ = try await Self.logInAdmin(admin)
            let workbook = try await admin.get("/bureau/findings.xlsx")
            #expect(workbook.status == .ok)
            #expect(workbook.body.prefix(2) == Data("PK".utf8))
            let zip = try await admin.get("/bureau/pdfs.zip")
            #expect(zip.status == .ok)
            #expect(zip.body.count > 100_000)
            // The seed uses the 吉林 form, which has no 主管部门: the page says so.
            #expect(try await admin.get("/bureau").text.contains("无法分组"))
            let bureau = try await admin.get("/bureau")
            let rerendered = try await admin.post("/bureau/rerender", fields: ["csrf": try #require(bureau.csrf)])
            #expect(rerendered.text.contains("已重新生成 1 个单位"))
            let latest = try #require(try desk.store.latestByUnit()["柳河县政务服务和数字化建设管理局"])
            #expect(latest.generation == 2)
            #expect(try desk.store.files(of: latest).count >= 7)
        }
    }
}
