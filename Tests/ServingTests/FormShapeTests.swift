import Evaluation
import FormPrint
import Foundation
import Hummingbird
import Testing
import TestSupport

@testable import Serving

/// Correcting a form in its own shape (issue 23, item 6): the page draws the
/// form as its layout does — merged labels with their spans as fixed text,
/// the form's columns, each value an input, findings on their cells — and a
/// correction, of a paste or a workbook alike, is a new submission.
@Suite(.serialized) struct FormShapeTests {
    static func routes(_ desk: Desk) -> Router<DeskContext> { DeskRoutes(desk: desk).router() }

    /// The first `<table class="form-shape" …>…</table>` of a page.
    static func firstForm(_ text: String) throws -> Substring {
        let start = try #require(text.range(of: "<table class=\"form-shape\""))
        let end = try #require(text.range(of: "</table>", range: start.upperBound..<text.endIndex))
        return text[start.lowerBound..<end.upperBound]
    }

    /// The text a PDF download of the submission holds (pdftotext).
    static func pdfText(_ browser: TestBrowser, _ desk: Desk, _ id: Int64) async throws -> String {
        let submission = try #require(try desk.store.submission(id))
        let file = try #require(try desk.store.files(of: submission).first { $0.role == "combined" })
        let pdf = try await browser.get("/s/\(id)/file/\(file.position)")
        let path = try temporaryFolder().appendingPathComponent("form.pdf")
        try pdf.body.write(to: path)
        return try run("pdftotext", ["-layout", path.path, "-"]).output
    }

    static func upload(_ browser: TestBrowser, _ name: String, _ data: Data, lenient: Bool = false) async throws -> Int64 {
        let csrf = try #require(try await browser.get("/").csrf)
        let posted = try await browser.postMultipart("/submit", fields: lenient ? ["csrf": csrf, "lenient": "1"] : ["csrf": csrf], file: (name, data))
        return try #require(TestBrowser.submission(posted))
    }

    @Test func thePastedSeedIsShownInItsFormsShapeWithFP301OnItsCellAndCorrectedThere() async throws {
        let desk = try Desk(data: try temporaryFolder(), workers: 1, requiresLogin: false)
        try await withLoopbackServer(Self.routes(desk)) { client in
            let browser = TestBrowser(client)
            let id = try await OfficerRouteTests.pasteSeed(browser)
            let page = try await browser.get("/s/\(id)")
            #expect(page.text.contains("id=\"shape-form\" action=\"/s/\(id)/correct\"") || page.text.contains("action=\"/s/\(id)/correct\" id=\"shape-form\""))
            let form = try Self.firstForm(page.text)
            // 吉林's six columns, the side labels merged down their rows as fixed text.
            #expect(form.contains("data-columns=\"6\""))
            #expect(form.components(separatedBy: "<col style=").count - 1 == 6)
            #expect(form.contains(try Regex("<td class=\"label\" rowspan=\"[0-9]+\"><span class=\"fixed\">绩效指标</span>")))
            #expect(form.contains(try Regex("<td class=\"label\" rowspan=\"[0-9]+\"><span class=\"fixed\">资金情况 \\(万元\\)</span>")))
            #expect(form.contains("<span class=\"fixed\">实际完成值</span>"))
            #expect(!form.contains("name=\"v:\" ") && !form.contains("<input name=\"v:(top level)"))
            // FP301 on 优化政府部门's 实际完成值, an input holding the value as written.
            let marked = try #require(page.text.firstMatch(of: try Regex<(Substring, Substring)>(
                "<td class=\"value warning\"[^>]*data-field=\"(v:projects~0[^\"]*\\.actual)\" title=\"\\[FP301\\] 优化政府部门")))
            let field = String(marked.output.1)
            #expect(page.text.contains("<textarea name=\"\(field)\" rows=\"1\">14.4万元</textarea>"))
            #expect(page.text.contains("href=\"#at-\(field.dropFirst(2))\""))
            // Each field once in the form (a name twice is refused by the form's decoder).
            let start = try #require(page.text.range(of: "id=\"shape-form\""))
            let end = try #require(page.text.range(of: "</form>", range: start.upperBound..<page.text.endIndex))
            let names = page.text[start.lowerBound..<end.lowerBound].matches(of: /name="([^"]+)"/).map { String($0.1) }
            #expect(names.count > 50 && Set(names).count == names.count, "\(names.filter { n in names.filter { $0 == n }.count > 1 })")
            #expect(names.contains("v:signatures.preparer"))
            // The officer's page shows no field paths.
            #expect(!page.text.contains("projects[0]"))

            let corrected = try await browser.post("/s/\(id)/correct", fields: ["csrf": try #require(page.csrf), field: "64.4万元"])
            #expect(corrected.status == .seeOther)
            let newID = try #require(TestBrowser.submission(corrected))
            let new = try #require(try desk.store.submission(newID))
            #expect(new.parent == id && new.inputKind == .yaml)
            #expect(new.warnings < (try #require(try desk.store.submission(id))).warnings)
            let after = try await browser.get("/s/\(newID)")
            #expect(!after.text.contains("[FP301] 优化政府部门"))
            #expect(after.text.contains("<textarea name=\"\(field)\" rows=\"1\">64.4万元</textarea>"))
            #expect(try await Self.pdfText(browser, desk, newID).contains("64.4万元"))
        }
    }

    @Test func the四川FormHasAllElevenColumnsInAWrapperThatScrollsRatherThanClips() async throws {
        let desk = try Desk(data: try temporaryFolder(), workers: 1, requiresLogin: false)
        try await withLoopbackServer(Self.routes(desk)) { client in
            let browser = TestBrowser(client)
            let yaml = try Data(contentsOf: repositoryRoot.appendingPathComponent("Examples/sichuan-2024.yaml"))
            let id = try await Self.upload(browser, "sichuan-2024.yaml", yaml)
            let page = try await browser.get("/s/\(id)")
            let form = try Self.firstForm(page.text)
            #expect(form.contains("data-columns=\"11\""))
            #expect(form.components(separatedBy: "<col style=").count - 1 == 11)
            #expect(page.text.contains("<div class=\"shape-wrap\"><div class=\"shape-page\" style=\"min-width:55em\">"))
            #expect(PageFrame.css.contains(".shape-wrap{overflow-x:auto"))
            // Every row fills the eleven columns: its cells' spans, and those spanning down from above.
            var below: [Int: Int] = [:]
            for (index, row) in form.components(separatedBy: "<tr>").dropFirst().enumerated() {
                var width = below[index] ?? 0
                for cell in row.components(separatedBy: "<td").dropFirst() {
                    let head = cell.prefix { $0 != ">" }
                    let across = head.firstMatch(of: /colspan="(\d+)"/).flatMap { Int($0.1) } ?? 1
                    let down = head.firstMatch(of: /rowspan="(\d+)"/).flatMap { Int($0.1) } ?? 1
                    width += across
                    for next in (index + 1)..<(index + down) { below[next, default: 0] += across }
                }
                #expect(width == 11, "row \(index + 1) is \(width) columns wide")
            }
        }
    }

    @Test func aWorkbookIsCorrectableAndTheCorrectionIsANewSubmissionWhosePDFHasTheNewValue() async throws {
        let desk = try Desk(data: try temporaryFolder(), workers: 1, requiresLogin: false)
        let workbook = repositoryRoot.appendingPathComponent("Tests/ImportingTests/Fixtures/openpyxl-jilin-2024.xlsx")
        try await withLoopbackServer(Self.routes(desk)) { client in
            let browser = TestBrowser(client)
            let id = try await Self.upload(browser, "自评表.xlsx", try Data(contentsOf: workbook), lenient: true)
            let page = try await browser.get("/s/\(id)")
            #expect(page.text.contains("action=\"/s/\(id)/correct\""))
            #expect(page.text.contains("class=\"grid workbook\""))
            let marked = try #require(page.text.firstMatch(of: try Regex<(Substring, Substring)>(
                "<td class=\"value warning\"[^>]*data-field=\"([^\"]+)\" title=\"\\[FP301\\]")))
            let field = String(marked.output.1)
            let corrected = try await browser.post("/s/\(id)/correct", fields: ["csrf": try #require(page.csrf), field: "98765.4万元"])
            let newID = try #require(TestBrowser.submission(corrected))
            #expect(newID != id)
            let new = try #require(try desk.store.submission(newID))
            #expect(new.parent == id && new.inputKind == .yaml && new.readError == nil)
            #expect(try await Self.pdfText(browser, desk, newID).contains("98765.4万元"))
            #expect(!(try await Self.pdfText(browser, desk, id)).contains("98765.4万元"))
        }
    }

    @Test func theYearLineIsAnOptionOnThePageAndPrintsWhenTicked() async throws {
        let desk = try Desk(data: try temporaryFolder(), workers: 1, requiresLogin: false)
        try await withLoopbackServer(Self.routes(desk)) { client in
            let browser = TestBrowser(client)
            let id = try await OfficerRouteTests.pasteSeed(browser)
            let page = try await browser.get("/s/\(id)")
            #expect(page.text.contains("<input type=\"checkbox\" name=\"line:year\" value=\"1\"> 打印（年度）行"))
            #expect(page.text.contains("<select name=\"layout:project\">"))
            #expect(!(try await Self.pdfText(browser, desk, id)).contains("（2024年度）"))
            let ticked = try await browser.post("/s/\(id)/correct", fields: ["csrf": try #require(page.csrf), "line:year": "1"])
            let newID = try #require(TestBrowser.submission(ticked))
            #expect(try await Self.pdfText(browser, desk, newID).contains("（2024年度）"))
            let after = try await browser.get("/s/\(newID)")
            #expect(after.text.contains("name=\"line:year\" value=\"1\" checked>"))
            #expect(after.text.contains("<div class=\"shape-title\">（2024年度）</div>"))
            // A line or layout the page did not offer changes nothing.
            let stray = try await browser.post("/s/\(id)/correct", fields: ["csrf": try #require(page.csrf), "line:seal": "1",
                                                                             "layout:project": "../../etc/passwd"])
            let strayID = try #require(TestBrowser.submission(stray))
            #expect(!(try await Self.pdfText(browser, desk, strayID)).contains("（2024年度）"))
            #expect(try desk.store.submission(strayID)?.readError == nil)
            // Without the token, nothing.
            let refused = try await browser.post("/s/\(id)/correct", fields: ["line:year": "1"])
            #expect(refused.status == .forbidden)
        }
    }

    @Test func eachPageHasAFullSizePreviewAt150Dpi() async throws {
        let desk = try Desk(data: try temporaryFolder(), workers: 1, requiresLogin: false)
        try await withLoopbackServer(Self.routes(desk)) { client in
            let browser = TestBrowser(client)
            let id = try await OfficerRouteTests.pasteSeed(browser)
            let page = try await browser.get("/s/\(id)")
            let previews = try desk.store.files(of: try #require(try desk.store.submission(id))).filter { $0.role == "png" }
            #expect(previews.count >= 3)
            for file in previews {
                #expect(page.text.contains("<a href=\"/s/\(id)/file/\(file.position)\" class=\"full-size\""))
            }
            #expect(page.text.contains("第1页 原大"))
            let png = try await browser.get("/s/\(id)/file/\(try #require(previews.first).position)")
            #expect(png.status == .ok && png.headers[.contentType] == "image/png")
            // IHDR: width and height, big-endian, at bytes 16 and 20. A4 at 150 dpi.
            let bytes = [UInt8](png.body)
            func number(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
            #expect(abs(number(16) - 1240) <= 1 && abs(number(20) - 1754) <= 1, "\(number(16))×\(number(20))")
        }
    }

    @Test func aUnitCorrectsOnlyItsOwnSubmissionAndTheCorrectionIsFiledUnderIt() async throws {
        let desk = try AccessTests.desk()
        let liuhe = IdentityTests.liuhe
        let own = try await desk.submit(try Data(contentsOf: seedText), uploadedName: "粘贴.txt", owner: liuhe, actor: "unit:" + liuhe)
        try await withLoopbackServer(Self.routes(desk)) { client in
            let admin = TestBrowser(client)
            _ = try await AccessTests.logInAdmin(admin)
            let codes = (try await AccessTests.issueCode(admin, unit: liuhe), try await AccessTests.issueCode(admin, unit: IdentityTests.other))
            let other = TestBrowser(client)
            _ = try await AccessTests.logIn(other, unit: IdentityTests.other, code: codes.1)
            let home = try await other.get("/")
            let foreign = try await other.post("/s/\(own)/correct", fields: ["csrf": try #require(home.csrf), "line:year": "1"])
            #expect(foreign.status == .notFound)
            let unit = TestBrowser(client)
            _ = try await AccessTests.logIn(unit, unit: liuhe, code: codes.0)
            let page = try await unit.get("/s/\(own)")
            let corrected = try await unit.post("/s/\(own)/correct", fields: ["csrf": try #require(page.csrf), "line:year": "1"])
            let newID = try #require(TestBrowser.submission(corrected))
            #expect(try desk.store.submission(newID)?.owner == liuhe)
            #expect(try desk.store.submissions().count == 2)
        }
    }

    /// `setText(_:at:)` writes where `text(at:)` reads, and nowhere else.
    @Test func aValueIsWrittenAtItsFieldPath() throws {
        var unit = try UnitFiles.read(path: repositoryRoot.appendingPathComponent("Examples/liuhe-2024.yaml").path,
                                      catalog: try LayoutCatalog.standard()).unit
        let paths = ["projects[0].funds[1].executed", "projects[0].indicators[0].subcategories[0].indicators[0].actual",
                     "projects[0].indicators[0].category", "projects[0].indicators[0].subcategories[0].category", "projects[0].goal.actual",
                     "projects[0].name", "signatures.preparer", "department.tasks[0].name"]
        for path in paths {
            let fieldPath = try #require(FieldPath(parsing: path))
            let written = unit.setText("改正：\(path)", at: fieldPath)
            #expect(written, "\(path)")
            #expect(unit.text(at: fieldPath) == "改正：\(path)")
        }
        let before = unit
        for path in ["projects[9].name", "projects[0].funds[99].executed", "department.tasks[0]", "nothing.here"] {
            let written = unit.setText("x", at: try #require(FieldPath(parsing: path)))
            #expect(!written, "\(path)")
        }
        #expect(unit == before)
    }

    @Test func postedFieldsAreReadByTheirPrefixes() {
        let correction = Correction(fields: ["v:signatures.preparer": "张三", "line:year": "1", "line:seal": "", "layout:project": "project-national",
                                             "csrf": "x"])
        #expect(correction.values == ["signatures.preparer": "张三"])
        #expect(correction.lines == ["year"])
        #expect(correction.layouts == ["project": "project-national"])
        // Brackets would be read as nesting by the URL-encoded form's decoder: `~N` stands for `[N]`.
        let path = "projects[0].indicators[12].subcategories[3].indicators[10].actual"
        #expect(Correction.field(of: path) == "v:projects~0.indicators~12.subcategories~3.indicators~10.actual")
        #expect(Correction(fields: [Correction.field(of: path): "1"]).values == [path: "1"])
        #expect(Correction(fields: ["v:department.tasks~2": "x"]).values == ["department.tasks[2]": "x"])
    }
}
