import Foundation
import GRDB
import Hummingbird
import Testing

@testable import Serving

/// Returned for revision: the bureau returns a unit's submission with a
/// comment; the unit sees it; the table says 已退回 until the unit submits
/// again; the audit log says all of it in Chinese.
@Suite(.serialized) struct ReturnTests {
    static let unit = "柳河县政务服务和数字化建设管理局"
    static let comment = "项目支出绩效自评表第3行的年度指标值请填写完整，\n并补上单位负责人签字。"

    @Test func theBureauReturnsWithACommentAndTheUnitSeesItUntilItSubmitsAgain() async throws {
        let desk = try AccessTests.desk()
        try await withLoopbackServer(DeskRoutes(desk: desk).router()) { client in
            let admin = TestBrowser(client)
            _ = try await AccessTests.logInAdmin(admin)
            let code = try await AccessTests.issueCode(admin, unit: Self.unit)
            let unit = TestBrowser(client)
            _ = try await AccessTests.logIn(unit, unit: Self.unit, code: code)
            let home = try await unit.get("/")
            let unitToken = try #require(home.csrf)
            let seed = try String(contentsOf: seedText, encoding: .utf8)
            let first = try #require(TestBrowser.submission(try await unit.postMultipart("/submit", fields: ["csrf": unitToken, "text": seed])))

            let page = try await admin.get("/bureau/unit?name=" + admin.encode(Self.unit))
            let adminToken = try #require(page.csrf)
            #expect(page.text.contains("id=\"return-form\"") && page.text.contains("name=\"id\" value=\"\(first)\""))
            // As every bureau POST: the session's token, else 403; a comment, else 400.
            #expect(try await admin.post("/bureau/return", fields: ["id": "\(first)", "comment": Self.comment]).status == .forbidden)
            let empty = try await admin.post("/bureau/return", fields: ["csrf": try #require(page.csrf), "id": "\(first)", "comment": "  "])
            #expect(empty.status == .badRequest && empty.text.contains("请在“退回意见”中写明"))
            // A unit cannot return anything.
            #expect(try await unit.post("/bureau/return", fields: ["csrf": unitToken, "id": "\(first)", "comment": "x"]).status == .notFound)
            #expect(try desk.store.submission(first)?.returnedAt == nil)

            let returned = try await admin.post("/bureau/return", fields: ["csrf": try #require(page.csrf), "id": "\(first)", "comment": Self.comment])
            #expect(returned.status == .seeOther && returned.location?.hasPrefix("/bureau/unit?name=") == true)
            #expect(try desk.store.submission(first)?.returnComment == Self.comment)
            #expect(try await admin.get("/bureau/unit?name=" + admin.encode(Self.unit)).text.contains("等待单位重新提交"))
            // Only once.
            #expect(try await admin.post("/bureau/return", fields: ["csrf": adminToken, "id": "\(first)", "comment": "again"]).status == .conflict)

            // The table and its filter say 已退回.
            let table = try await admin.get("/bureau?status=returned")
            #expect(table.text.contains("<tr data-unit=\"\(Self.unit)\">") && table.text.contains("<span class=\"status returned\">已退回</span>"))
            // The unit sees the comment on its home page and the submission's page, lines kept.
            let escaped = HTML.escape(Self.comment).replacingOccurrences(of: "\n", with: "<br>")
            for path in ["/", "/s/\(first)"] {
                let seen = try await unit.get(path)
                #expect(seen.text.contains("财政局已于") && seen.text.contains(escaped), "\(path)")
            }

            // Submitted again: no longer 已退回; the returned one keeps its comment.
            let again = try #require(TestBrowser.submission(try await unit.postMultipart("/submit", fields: ["csrf": unitToken, "text": seed])))
            #expect(again > first)
            #expect(!(try await admin.get("/bureau?status=returned")).text.contains("<tr data-unit="))
            #expect(!(try await unit.get("/")).text.contains("id=\"returned\""))
            #expect(try await unit.get("/s/\(first)").text.contains(escaped))

            let audit = try await admin.get("/bureau/audit")
            #expect(audit.text.contains("退回修改") && audit.text.contains("退回后重新提交"))
            #expect(try desk.store.auditLog().contains { $0.action == "return" && $0.detail.contains("#\(first) \(Self.unit)：项目支出") })
        }
    }

    /// A database of the desk before this change opens with its rows intact.
    @Test func theMigrationAddsTheReturnToAnOlderDatabase() throws {
        let folder = try temporaryFolder()
        do {
            let pool = try DatabasePool(path: folder.appendingPathComponent("desk.sqlite").path)
            try DeskDatabase.migrator.migrate(pool, upTo: "v3-submitted-by")
            try pool.write { db in
                try db.execute(sql: """
                    INSERT INTO submission (owner, unitName, kind, inputName, inputHash, submittedAt, errors, warnings, notes, findingsJSON)
                    VALUES ('甲局', '甲局', 'pasted', '粘贴.txt', 'ab', 1, 0, 0, 0, '[]')
                    """)
            }
        }
        let store = SubmissionStore(database: try DeskDatabase(folder: folder))
        let row = try #require(try store.submission(1))
        #expect(row.returnedAt == nil && row.status == .clean)
        #expect(try store.returnForRevision(1, comment: "请补充", actor: "test"))
        #expect(try store.submission(1)?.status == .returned)
    }
}
