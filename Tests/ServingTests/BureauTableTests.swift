import Batch
import FormPrint
import Foundation
import Hummingbird
import Testing
import TestSupport

@testable import Serving

/// The bureau's table at 300 units: names in counting order, a search, and
/// filters by status and 主管部门 (the roster's column), all in the address.
@Suite(.serialized) struct BureauTableTests {
    @Test func namesSortAsPeopleCountThemArabicAndChineseNumerals() {
        #expect(["第100单位", "第2单位", "第10单位", "第1单位"].sorted(by: NaturalOrder.precedes) == ["第1单位", "第2单位", "第10单位", "第100单位"])
        #expect(["第一百单位", "第十二单位", "第二单位", "第十单位"].sorted(by: NaturalOrder.precedes) == ["第二单位", "第十单位", "第十二单位", "第一百单位"])
        #expect(NaturalOrder.chineseValue("一百零五") == 105 && NaturalOrder.chineseValue("二〇二四") == 2024 && NaturalOrder.chineseValue("三千") == 3000)
        // Text without numbers keeps its order as before; a shorter name that starts another comes first.
        #expect(NaturalOrder.precedes("甲局", "乙局") == "甲局".unicodeScalars.lexicographicallyPrecedes("乙局".unicodeScalars))
        #expect(NaturalOrder.precedes("第1单位", "第1单位二处"))
    }

    @Test func theRostersSupervisorColumnIsReadFromTextAndWorkbooks() throws {
        let folder = try temporaryFolder()
        let text = folder.appendingPathComponent("roster.txt")
        try "单位名称\t主管部门\n第2单位\t教育局\n第10单位\t卫生健康委员会\n第100单位\n".write(to: text, atomically: true, encoding: .utf8)
        let fromText = try Roster.read(text)
        #expect(fromText.units == ["第2单位", "第10单位", "第100单位"])
        #expect(fromText.supervisors == ["第2单位": "教育局", "第10单位": "卫生健康委员会"])

        var sheet = XLSXWorkbook.Sheet(name: "名单")
        sheet.text("A1", "2024年度单位名单")
        sheet.text("A2", "单位名称")
        sheet.text("B2", "主管部门")
        sheet.text("A3", "第2单位")
        sheet.text("B3", "教育局")
        sheet.text("A4", "第10单位")
        let workbook = folder.appendingPathComponent("roster.xlsx")
        try XLSXWorkbook(sheets: [sheet]).data().write(to: workbook)
        let fromWorkbook = try Roster.read(workbook)
        #expect(fromWorkbook.units == ["2024年度单位名单", "第2单位", "第10单位"])
        #expect(fromWorkbook.supervisors == ["第2单位": "教育局"])
        // A roster without the column gives none (the batch's rosters read as before).
        try "第2单位\n第10单位\n".write(to: text, atomically: true, encoding: .utf8)
        #expect(try Roster.read(text) == Roster(units: ["第2单位", "第10单位"]))
    }

    /// 120 units, three 主管部门, one submission: search, filters and
    /// order are the page's address.
    @Test func searchAndFiltersAreGETParametersOfOneBookmarkablePage() async throws {
        let desk = try Desk(data: try temporaryFolder(), workers: 1, requiresLogin: false)
        let supervisors = ["教育局", "卫生健康委员会", "农业农村局"]
        let roster = "单位名称\t主管部门\n柳河县政务服务和数字化建设管理局\t柳河县财政局\n"
            + (1...120).map { "第\($0)单位\t\(supervisors[$0 % 3])\n" }.joined()
        try await withLoopbackServer(DeskRoutes(desk: desk).router()) { client in
            let bureau = TestBrowser(client)
            let page = try await bureau.get("/bureau")
            let saved = try await bureau.postMultipart("/bureau/roster", fields: ["csrf": try #require(page.csrf), "text": roster])
            #expect(saved.text.contains("名单已保存：121 个单位。其中 121 个填有主管部门。"))
            _ = try await desk.submit(try Data(contentsOf: seedText), uploadedName: "粘贴.txt", owner: nil, actor: "test")

            func units(_ page: TestBrowser.Page) -> [String] {
                page.text.components(separatedBy: "<tr data-unit=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            }
            let all = try await bureau.get("/bureau?sort=name")
            let names = units(all)
            #expect(names.count == 121)
            // 柳 (U+67F3) before 第 (U+7B2C); then the numbered ones as counted.
            #expect(Array(names.prefix(4)) == ["柳河县政务服务和数字化建设管理局", "第1单位", "第2单位", "第3单位"])
            let (second, tenth, hundredth) = (names.firstIndex(of: "第2单位") ?? -1, names.firstIndex(of: "第10单位") ?? -1, names.firstIndex(of: "第100单位") ?? -1)
            #expect(0 <= second && second < tenth && tenth < hundredth)

            let searched = try await bureau.get("/bureau?q=" + bureau.encode("第10"))
            #expect(units(searched) == ["第10单位", "第100单位", "第101单位", "第102单位", "第103单位", "第104单位", "第105单位",
                                        "第106单位", "第107单位", "第108单位", "第109单位"])
            #expect(searched.text.contains("显示 11 个单位（共 121 个）"))
            // The search box keeps what was typed; the language link keeps the view.
            #expect(searched.text.contains("name=\"q\" value=\"第10\""))
            #expect(searched.text.contains("/bureau?q=\(HTML.query("第10"))&amp;lang=en"))

            let education = try await bureau.get("/bureau?supervisor=" + bureau.encode("教育局") + "&sort=name")
            #expect(units(education).count == 40 && units(education).first == "第3单位")
            #expect(education.text.contains("<option value=\"教育局\" selected>"))

            let missing = units(try await bureau.get("/bureau?status=missing"))
            #expect(missing.count == 120 && !missing.contains("柳河县政务服务和数字化建设管理局"))
            // The seed has warnings (FP301), no errors.
            #expect(units(try await bureau.get("/bureau?status=warning")) == ["柳河县政务服务和数字化建设管理局"])
            #expect(units(try await bureau.get("/bureau?status=error")).isEmpty)
            // Filters combine; an unknown value filters nothing.
            #expect(units(try await bureau.get("/bureau?status=missing&q=" + bureau.encode("第11") + "&supervisor=" + bureau.encode("卫生健康委员会")))
                    == ["第112单位", "第115单位", "第118单位"])
            #expect(units(try await bureau.get("/bureau?status=nonsense")).count == 121)
        }
    }

    /// The roster's 主管部门 groups the booklets and the ZIP even where the
    /// form has no such cell (the 吉林 form of the seed).
    @Test func theRostersSupervisorGroupsBookletsAndTheZIP() async throws {
        let desk = try Desk(data: try temporaryFolder(), workers: 1, requiresLogin: false)
        let unit = "柳河县政务服务和数字化建设管理局"
        try desk.store.setRoster([unit, "第2单位"], supervisors: [unit: "柳河县财政局"], actor: "test")
        _ = try await desk.submit(try Data(contentsOf: seedText), uploadedName: "粘贴.txt", owner: nil, actor: "test")
        try await withLoopbackServer(DeskRoutes(desk: desk).router()) { client in
            let bureau = TestBrowser(client)
            let page = try await bureau.get("/bureau")
            #expect(!page.text.contains("无法分组"))
            #expect(page.text.contains("/bureau/booklet?supervisor=\(HTML.query("柳河县财政局"))"))
            let booklet = try await bureau.get("/bureau/booklet?supervisor=" + bureau.encode("柳河县财政局"))
            #expect(booklet.status == .ok && booklet.body.prefix(5) == Data("%PDF-".utf8))
            let zip = try await bureau.get("/bureau/pdfs.zip")
            let file = try temporaryFolder().appendingPathComponent("all.zip")
            try zip.body.write(to: file)
            let listing = try run("unzip", ["-Z1", file.path]).output.split(separator: "\n")
            #expect(!listing.isEmpty && listing.allSatisfy { $0.hasPrefix("柳河县财政局/\(unit)/") }, "\(listing)")
        }
    }
}
