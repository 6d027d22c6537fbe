import Foundation
import Hummingbird
import Testing

@testable import Serving

/// A unit's submission names that unit; the bureau's upload for a unit is
/// the bureau's and replaces nothing unless the administrator says so.
@Suite(.serialized) struct IdentityTests {
    static let liuhe = "柳河县政务服务和数字化建设管理局"
    static let other = "示例市文化和旅游局"

    @Test func namesAreComparedAfterFoldingSpacesWidthsAndBrackets() {
        #expect(UnitIdentity.same("柳河县 政务服务（数字化）管理局", "柳河县政务服务(数字化)管理局"))
        #expect(UnitIdentity.same("柳河县　政务服务【数字化】管理局", "柳河县政务服务[数字化]管理局"))
        #expect(UnitIdentity.same("ＡＢＣ局", "ABC局"))
        #expect(!UnitIdentity.same(Self.liuhe, Self.other))
        #expect(!UnitIdentity.same("", Self.liuhe))
    }

    @Test func aUnitHandingInAnotherUnitsFormIsRefusedWithBothNames() async throws {
        let desk = try AccessTests.desk()
        try await withLoopbackServer(DeskRoutes(desk: desk).router()) { client in
            let admin = TestBrowser(client)
            _ = try await AccessTests.logInAdmin(admin)
            let code = try await AccessTests.issueCode(admin, unit: Self.other)
            let unit = TestBrowser(client)
            #expect(try await AccessTests.logIn(unit, unit: Self.other, code: code).location == "/")
            let home = try await unit.get("/")
            // The seed's forms name 柳河县政务服务和数字化建设管理局.
            let posted = try await unit.postMultipart("/submit", fields: ["csrf": try #require(home.csrf),
                                                                          "text": try String(contentsOf: seedText, encoding: .utf8)])
            #expect(posted.status == .unprocessableContent)
            #expect(posted.text.contains("“\(Self.liuhe)”") && posted.text.contains("“\(Self.other)”"))
            #expect(posted.text.contains("请把表格中的单位名称"))
            #expect(try desk.store.submissions().isEmpty)
            #expect(try desk.store.auditLog().contains { $0.action == "refuse-identity" })
            // In English too.
            let english = try await unit.postMultipart("/submit?lang=en", fields: ["csrf": try #require(home.csrf),
                                                                                   "text": try String(contentsOf: seedText, encoding: .utf8)])
            #expect(english.text.contains("but it was handed in as"))
            // The bureau's audit log says it in Chinese words.
            #expect(try await admin.get("/bureau/audit?lang=zh").text.contains("退回（单位名称不符）"))
        }
    }

    @Test func aUnitsOwnFormIsTakenEvenWithOtherSpacesAndBrackets() async throws {
        let desk = try Desk(data: try temporaryFolder(), workers: 1, requiresLogin: true)
        let spaced = "柳河县 政务服务和数字化建设管理局"
        try desk.store.setRoster([spaced], actor: "test")
        let id = try await desk.submit(try Data(contentsOf: seedText), uploadedName: "粘贴.txt", owner: spaced, actor: "unit:" + spaced)
        #expect(try desk.store.submission(id)?.owner == spaced)
    }

    @Test func theBureausUploadForAUnitReplacesNothingUnlessChosen() async throws {
        let desk = try AccessTests.desk()
        let own = try await desk.submit(try Data(contentsOf: seedText), uploadedName: "粘贴.txt", owner: Self.liuhe, actor: "unit:" + Self.liuhe)
        try await withLoopbackServer(DeskRoutes(desk: desk).router()) { client in
            let admin = TestBrowser(client)
            _ = try await AccessTests.logInAdmin(admin)
            let bureau = try await admin.get("/bureau")
            #expect(bureau.text.contains("作为该单位的正式提交"))
            let seed = try String(contentsOf: seedText, encoding: .utf8)
            let bureauCSRF = try #require(bureau.csrf)
            let copyPage = try await admin.postMultipart("/submit", fields: ["csrf": bureauCSRF, "unit": Self.liuhe, "text": seed])
            let copy = try #require(TestBrowser.submission(copyPage))
            let copyRecord = try #require(try desk.store.submission(copy))
            #expect(copyRecord.byBureau && !copyRecord.official && copyRecord.submittedBy == "admin:财政局")
            // The table, findings.xlsx and the ZIP still use the unit's own.
            #expect(try desk.store.latestByUnit()[Self.liuhe]?.id == own)
            let table = try await admin.get("/bureau")
            #expect(table.text.contains("href=\"/s/\(own)\""))
            #expect(table.text.contains("class=\"bureau-copy\"") && table.text.contains("href=\"/s/\(copy)\""))
            #expect(try await admin.get("/bureau/unit?name=" + admin.encode(Self.liuhe)).text.contains("财政局上传（非正式）"))

            // Ticked: it stands as the unit's submission, marked as the bureau's.
            let tableCSRF = try #require(table.csrf)
            let officialPage = try await admin.postMultipart("/submit", fields: ["csrf": tableCSRF, "unit": Self.liuhe, "official": "1", "text": seed])
            let official = try #require(TestBrowser.submission(officialPage))
            #expect(try desk.store.latestByUnit()[Self.liuhe]?.id == official)
            #expect(try await admin.get("/bureau").text.contains("（财政局代交）"))
            // The bureau's upload must name the unit chosen, too.
            let misfiled = try await admin.postMultipart("/submit", fields: ["csrf": tableCSRF, "unit": Self.other, "text": seed])
            #expect(misfiled.status == .unprocessableContent)
            #expect(misfiled.text.contains("“\(Self.liuhe)”") && misfiled.text.contains("“\(Self.other)”"))
        }
    }
}
