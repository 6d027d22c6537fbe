import FormPrint
import Foundation
import GRDB
import Hummingbird
import TestSupport
import Testing

@testable import Serving

/// Codes in bulk: one action for every unit without a code (or, confirmed,
/// all), shown once, downloadable once as printed notices and a workbook;
/// the database keeps hashes only.
@Suite(.serialized) struct BulkCodesTests {
    static let units = ["第2单位", "第10单位", "柳河县政务服务和数字化建设管理局"]

    /// A desk beyond loopback with an administrator and three units, the
    /// third supervised by 柳河县财政局.
    static func desk() throws -> Desk {
        let desk = try Desk(data: try temporaryFolder(), workers: 1, requiresLogin: true)
        try Sessions(database: desk.store.database).setAdministrator("财政局", password: "correct horse battery")
        try desk.store.setRoster(units, actor: "test")
        try desk.store.database.pool.write { db in
            try db.execute(sql: "UPDATE unit SET supervisor = '柳河县财政局' WHERE name = ?", arguments: [units[2]])
        }
        return desk
    }

    /// Posts the bulk form and reads the codes off the page, unit → code.
    static func issue(_ admin: TestBrowser, fields: [String: String] = [:]) async throws -> (page: TestBrowser.Page, codes: [String: String]) {
        let bureau = try await admin.get("/bureau")
        let page = try await admin.post("/bureau/codes", fields: ["csrf": try #require(bureau.csrf), "scope": "missing"].merging(fields) { $1 })
        var codes: [String: String] = [:]
        for row in page.text.components(separatedBy: "<tr><td>").dropFirst() {
            let cells = row.components(separatedBy: "</td><td")
            guard cells.count == 3, let code = cells[2].components(separatedBy: ">").dropFirst().first?.components(separatedBy: "<").first else { continue }
            codes[cells[0]] = code
        }
        return (page, codes)
    }

    static func link(_ page: TestBrowser.Page, id: String) throws -> String {
        let range = try #require(page.text.range(of: "<a href=\"/bureau/codes/"))
        let token = page.text[range.upperBound...].prefix { $0 != "/" }
        return "/bureau/codes/\(token)/" + (id == "pdf" ? "notices.pdf" : "codes.xlsx")
    }

    @Test func everyUnitWithoutACodeGetsOneInOneActionAndOnlyItsHashIsStored() async throws {
        let desk = try Self.desk()
        try await withLoopbackServer(DeskRoutes(desk: desk).router()) { client in
            let admin = TestBrowser(client)
            _ = try await AccessTests.logInAdmin(admin)
            let single = try await AccessTests.issueCode(admin, unit: Self.units[0])
            #expect(try await admin.get("/bureau").text.contains("其中 2 个尚无访问码"))
            let (page, codes) = try await Self.issue(admin, fields: ["address": "http://10.1.2.3:8080/"])
            #expect(page.status == .ok)
            // The two without a code, not the one that had one.
            #expect(Set(codes.keys) == [Self.units[1], Self.units[2]])
            #expect(page.headers[.cacheControl] == "no-store")
            // Every code logs its unit in; the code issued before still works.
            for (unit, code) in codes {
                #expect(try await AccessTests.logIn(TestBrowser(client), unit: unit, code: code).location == "/")
            }
            #expect(try await AccessTests.logIn(TestBrowser(client), unit: Self.units[0], code: single).location == "/")
            // No plain code in the database's files (WAL included).
            let folder = desk.files.root
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasPrefix("desk.sqlite") {
                let bytes = try Data(contentsOf: folder.appendingPathComponent(name))
                for code in codes.values {
                    #expect(bytes.range(of: Data(code.utf8)) == nil && bytes.range(of: Data(code.filter(\.isNumber).utf8)) == nil)
                }
            }
            #expect(try desk.store.auditLog().contains { $0.action == "issue-codes" && $0.detail.hasPrefix("2 个单位") })
            #expect(try await admin.get("/bureau/audit").text.contains("批量发放访问码"))
            // Nothing left to issue.
            #expect(try await Self.issue(admin).page.text.contains("都已有访问码"))
        }
    }

    @Test func theNoticesArePrintedByFormPrintAndDownloadableOnce() async throws {
        let desk = try Self.desk()
        try await withLoopbackServer(DeskRoutes(desk: desk).router()) { client in
            let admin = TestBrowser(client)
            _ = try await AccessTests.logInAdmin(admin)
            let (page, codes) = try await Self.issue(admin, fields: ["address": "http://10.1.2.3:8080/"])
            #expect(codes.count == 3)
            // Another session (the same administrator, logged in elsewhere) cannot take them.
            let other = TestBrowser(client)
            _ = try await AccessTests.logInAdmin(other)
            #expect(try await other.get(try Self.link(page, id: "pdf")).status == .gone)

            let pdf = try await admin.get(try Self.link(page, id: "pdf"))
            #expect(pdf.status == .ok && pdf.headers[.contentType] == "application/pdf")
            #expect(pdf.headers[.cacheControl] == "no-store")
            let file = try temporaryFolder().appendingPathComponent("notices.pdf")
            try pdf.body.write(to: file)
            let text = try run("pdftotext", ["-layout", file.path, "-"]).output
            for (unit, code) in codes {
                #expect(text.contains(unit) && text.contains(code), "\(unit) \(code)")
            }
            #expect(text.contains("主管部门：柳河县财政局"))
            #expect(text.components(separatedBy: "主管部门").count == 2)
            #expect(text.contains("http://10.1.2.3:8080/"))
            for step in ["一、在电脑的浏览器中打开", "二、在“单位”一栏选择本单位", "三、粘贴或上传本单位的自评表"] { #expect(text.contains(step)) }
            // Two notices a sheet: three units, two pages.
            #expect(try run("pdfinfo", [file.path]).output.split(separator: "\n").contains { $0.hasPrefix("Pages:") && $0.hasSuffix(" 2") })
            // Once only.
            #expect(try await admin.get(try Self.link(page, id: "pdf")).status == .gone)

            let workbook = try await admin.get(try Self.link(page, id: "xlsx"))
            #expect(workbook.status == .ok)
            let xlsx = file.deletingLastPathComponent().appendingPathComponent("codes.xlsx")
            try workbook.body.write(to: xlsx)
            // The sheet's cells are inline strings.
            let sheet = try run("unzip", ["-p", xlsx.path, "xl/worksheets/sheet1.xml"]).output
            for (unit, code) in codes { #expect(sheet.contains(">\(unit)</t>") && sheet.contains(">\(code)</t>")) }
            #expect(sheet.contains(">柳河县财政局</t>") && sheet.contains("http://10.1.2.3:8080/"))
            // Both taken: nothing of them is held any more.
            #expect(desk.issuedCodes.count == 0)
            #expect(try await admin.get(try Self.link(page, id: "xlsx")).status == .gone)
        }
    }

    @Test func reissuingAllNeedsTheConfirmationAndEndsEverySession() async throws {
        let desk = try Self.desk()
        try await withLoopbackServer(DeskRoutes(desk: desk).router()) { client in
            let admin = TestBrowser(client)
            _ = try await AccessTests.logInAdmin(admin)
            let first = try await Self.issue(admin).codes
            let firstCode = try #require(first[Self.units[2]])
            let unit = TestBrowser(client)
            #expect(try await AccessTests.logIn(unit, unit: Self.units[2], code: firstCode).location == "/")
            #expect(try await unit.get("/").status == .ok)

            let unconfirmed = try await Self.issue(admin, fields: ["scope": "all"])
            #expect(unconfirmed.page.status == .badRequest && unconfirmed.page.text.contains("请先勾选“确认全部重新发放”"))
            #expect(try await unit.get("/").status == .ok)

            let again = try await Self.issue(admin, fields: ["scope": "all", "confirm": "1"])
            #expect(Set(again.codes.keys) == Set(Self.units))
            let newCode = try #require(again.codes[Self.units[2]])
            #expect(again.page.text.contains("旧访问码和已登录的会话均已失效"))
            // The session ends; the old code no longer logs in; the new one does.
            #expect(try await unit.get("/").location == "/login")
            #expect(try await AccessTests.logIn(TestBrowser(client), unit: Self.units[2], code: firstCode).status == .unauthorized)
            #expect(try await AccessTests.logIn(TestBrowser(client), unit: Self.units[2], code: newCode).location == "/")
            #expect(try desk.store.auditLog().contains { $0.action == "reissue-codes" && $0.detail.contains("其中 3 个重发") })
        }
    }

    @Test func heldCodesAreForgottenAfterHalfAnHourOrOnceBothFilesAreTaken() {
        let held = IssuedCodes()
        let notices = AccessCodeNotices(notices: [.init(unit: "第1单位", supervisor: nil, code: "1234-5678-9012")], address: "http://x/")
        let token = held.hold(notices, session: "s", now: 0)
        #expect(held.take(token, .pdf, session: "other", now: 1) == nil)
        #expect(held.take(token, .pdf, session: "s", now: IssuedCodes.lifetime + 1) == nil)
        #expect(held.count == 0)
        let again = held.hold(notices, session: "s", now: 0)
        #expect(held.take(again, .pdf, session: "s", now: 1)?.notices == notices)
        #expect(held.take(again, .pdf, session: "s", now: 2) == nil)
        #expect(held.take(again, .xlsx, session: "s", now: 3)?.notices == notices)
        #expect(held.count == 0)
    }

    @Test func aNameNoBundledFontCoversIsNamedNotDrawnAsABox() throws {
        let renderer = try UnitRenderer()
        let notices = AccessCodeNotices(notices: [.init(unit: "\u{1F600}单位", supervisor: nil, code: "1234-5678-9012")], address: "http://x/")
        do {
            _ = try notices.pdf(with: renderer)
            Issue.record("a name with a character no bundled font has was drawn")
        } catch let failure as AccessCodeNotices.Failure {
            #expect(failure.message.chinese.contains("U+1F600") && failure.message.english.contains("\u{1F600}单位"))
        }
    }
}
