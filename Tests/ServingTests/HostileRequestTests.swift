import Evaluation
import Foundation
import HTTPTypes
import Hummingbird
import Testing
import TestSupport

@testable import Serving

/// Issue 23: what one anonymous request must not do to the desk — trap
/// the server, hold it for minutes, or make a page of hundreds of MB —
/// and what a second server on the same folder must not do to the first.
@Suite(.serialized) struct HostileRequestTests {
    static func routes(_ desk: Desk) -> Router<DeskContext> { DeskRoutes(desk: desk).router() }

    static func multipart(_ browser: TestBrowser, _ uri: String, boundary: String, body: String) async throws -> TestBrowser.Page {
        try await browser.send(uri, .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: Data(body.utf8))
    }

    // MARK: - 1. The multipart parser

    /// The hand-written parser built `headerEnd + 4 ..< partEnd` with the
    /// lower bound past the upper one when a part's blank line was also the
    /// CRLF of the next delimiter, and trapped: one anonymous POST to
    /// /login stopped the server.
    @Test func aPartWhoseHeadersEndRightBeforTheNextDelimiterIsRefusedNotATrap() async throws {
        let desk = try AccessTests.desk()
        try await withLoopbackServer(Self.routes(desk)) { client in
            let browser = TestBrowser(client)
            let hostile = try await Self.multipart(browser, "/login", boundary: "b",
                                                  body: "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n--b--\r\n")
            #expect(hostile.status == .badRequest)
            #expect(hostile.text.contains("表单"))
            // Still serving.
            #expect(try await browser.get("/login").status == .ok)
        }
    }

    @Test func aMalformedMultipartBodyIs400InBothLanguages() async throws {
        let desk = try Desk(data: try temporaryFolder(), workers: 1, requiresLogin: false)
        try await withLoopbackServer(Self.routes(desk)) { client in
            let browser = TestBrowser(client)
            _ = try await browser.get("/")
            for body in ["", "no delimiter at all", "--b\r\nno colon here\r\n\r\nx\r\n--b--\r\n", "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunfinished"] {
                let page = try await Self.multipart(browser, "/submit", boundary: "b", body: body)
                #expect(page.status == .badRequest, "\(body.debugDescription)")
            }
            let english = try await browser.send("/submit?lang=en", .post, headers: [.contentType: "multipart/form-data; boundary=b"],
                                                 body: Data("--b\r\n".utf8))
            #expect(english.status == .badRequest)
            #expect(english.text.contains("multipart"))
            #expect(try desk.store.submissions().isEmpty)
        }
    }

    // MARK: - 2. The boundary (RFC 2046: 1 to 70 characters)

    @Test func aBoundaryOutside1To70CharactersIsRefusedAtOnce() async throws {
        let desk = try Desk(data: try temporaryFolder(), workers: 1, requiresLogin: false)
        try await withLoopbackServer(Self.routes(desk)) { client in
            let browser = TestBrowser(client)
            _ = try await browser.get("/")
            let long = String(repeating: "a", count: 4000)
            // A large body behind the long boundary: refused before it is searched.
            let body = String(repeating: "a", count: 4 << 20)
            let refused = try await Self.multipart(browser, "/submit", boundary: long, body: body)
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("70"))
            for boundary in ["", "\"\"", String(repeating: "b", count: 71), "bad\u{1}char"] {
                let page = try await Self.multipart(browser, "/submit", boundary: boundary, body: "--\(boundary)--\r\n")
                #expect(page.status == .badRequest, "boundary \(boundary.debugDescription)")
            }
            #expect(try await browser.send("/submit", .post, headers: [.contentType: "multipart/form-data"], body: Data()).status == .badRequest)
        }
    }

    /// 70 characters is the longest boundary RFC 2046 allows, and works.
    @Test func aSeventyCharacterQuotedBoundaryIsRead() async throws {
        let desk = try Desk(data: try temporaryFolder(), workers: 1, requiresLogin: false)
        try await withLoopbackServer(Self.routes(desk)) { client in
            let browser = TestBrowser(client)
            let csrf = try #require(try await browser.get("/").csrf)
            let boundary = String(repeating: "x", count: 66) + "'()+"
            let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n--\(boundary)\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"自评;表.txt\"\r\nContent-Type: text/plain\r\n\r\n"
                + (try String(contentsOf: seedText, encoding: .utf8)) + "\r\n--\(boundary)--\r\n"
            let posted = try await browser.send("/submit", .post, headers: [.contentType: "multipart/form-data; boundary=\"\(boundary)\""],
                                                body: Data(body.utf8))
            let id = try #require(TestBrowser.submission(posted))
            #expect(try desk.store.submission(id)?.inputName == "自评;表.txt")
            #expect(try desk.store.submission(id)?.unitName == "柳河县政务服务和数字化建设管理局")
        }
    }

    /// MultipartKit's parser looks header-name bytes up in an ASCII table
    /// and would trap past it; such a body and a preamble are refused.
    @Test func aNonASCIIHeaderNameOrAPreambleIsRefusedNotATrap() async throws {
        let desk = try Desk(data: try temporaryFolder(), workers: 1, requiresLogin: false)
        try await withLoopbackServer(Self.routes(desk)) { client in
            let browser = TestBrowser(client)
            _ = try await browser.get("/")
            for body in ["--b\r\nContent-Dispösition: form-data; name=\"a\"\r\n\r\nx\r\n--b--\r\n",
                         "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--b\r\n名: v\r\n\r\ny\r\n--b--\r\n",
                         "序言--b\r\n名: v\r\n\r\nx\r\n--b--\r\n"] {
                #expect(try await Self.multipart(browser, "/submit", boundary: "b", body: body).status == .badRequest)
            }
            #expect(try await browser.get("/").status == .ok)
        }
    }

    @Test func tooManyPartsOrAnOversizedFieldIsRefused() async throws {
        let desk = try Desk(data: try temporaryFolder(), workers: 1, requiresLogin: false)
        try await withLoopbackServer(Self.routes(desk)) { client in
            let browser = TestBrowser(client)
            _ = try await browser.get("/")
            let many = (0..<1000).map { "--b\r\nContent-Disposition: form-data; name=\"f\($0)\"\r\n\r\nx\r\n" }.joined() + "--b--\r\n"
            #expect(try await Self.multipart(browser, "/submit", boundary: "b", body: many).status == .badRequest)
            // A token, a name or a code is short; only the paste and the file may be large.
            let big = "--b\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(String(repeating: "0", count: 1 << 20))\r\n--b--\r\n"
            let refused = try await Self.multipart(browser, "/submit", boundary: "b", body: big)
            #expect(refused.status == .contentTooLarge)
            #expect(refused.text.contains("csrf"))
            // URL-encoded forms are bounded the same way.
            let fields = (0..<200_000).map { "r\($0)c1=x" }.joined(separator: "&")
            let flood = try await browser.send("/login/admin", .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: Data(fields.utf8))
            #expect(flood.status == .badRequest)
        }
    }

    // MARK: - 3. The size of a grid

    /// 100 000 empty lines (8 MB of them made a 581 MB page): refused with
    /// the limit and how to split, before anything is imported or drawn.
    @Test func aPasteOfTooManyLinesOrColumnsIsRefusedWithTheLimit() async throws {
        let desk = try Desk(data: try temporaryFolder(), workers: 1, requiresLogin: false)
        try await withLoopbackServer(Self.routes(desk)) { client in
            let browser = TestBrowser(client)
            let csrf = try #require(try await browser.get("/").csrf)
            let lines = try await browser.postMultipart("/submit", fields: ["csrf": csrf, "text": "项目支出绩效自评表" + String(repeating: "\n", count: 100_000)])
            #expect(lines.status == .contentTooLarge)
            #expect(lines.text.contains("行"))
            let english = try await browser.postMultipart("/submit?lang=en", fields: ["csrf": csrf], file: ("wide.txt", Data(("a" + String(repeating: "\t", count: 10_000)).utf8)))
            #expect(english.status == .contentTooLarge)
            #expect(english.text.contains("columns"))
            #expect(try desk.store.submissions().isEmpty)
            #expect(((try? FileManager.default.contentsOfDirectory(atPath: desk.files.root.appendingPathComponent("inputs").path)) ?? []).isEmpty)
        }
    }

    @Test func aWorkbookOfTooManySheetsIsRefusedBeforeImport() async throws {
        let desk = try Desk(data: try temporaryFolder(), workers: 1, requiresLogin: false)
        var sheets: [XLSXWorkbook.Sheet] = []
        for index in 1...200 {
            var sheet = XLSXWorkbook.Sheet(name: "表\(index)")
            sheet.text("A1", "项目支出绩效自评表")
            sheets.append(sheet)
        }
        let workbook = try XLSXWorkbook(sheets: sheets).data()
        try await withLoopbackServer(Self.routes(desk)) { client in
            let browser = TestBrowser(client)
            let csrf = try #require(try await browser.get("/").csrf)
            let refused = try await browser.postMultipart("/submit", fields: ["csrf": csrf], file: ("自评表.xlsx", workbook))
            #expect(refused.status == .contentTooLarge)
            #expect(refused.text.contains("工作表"))
            #expect(try desk.store.submissions().isEmpty)
        }
    }

    @Test func aWorkbookThatUnpacksTooLargeIsRefusedBeforeImport() async throws {
        let desk = try Desk(data: try temporaryFolder(), workers: 1, requiresLogin: false)
        var sheet = XLSXWorkbook.Sheet(name: "项目自评表")
        sheet.text("A1", "项目支出绩效自评表")
        var workbook = XLSXWorkbook(sheets: [sheet])
        // 60 MB of XML whitespace (under Importing's 64 MB a part) packs into a few hundred KB.
        workbook.partOverrides["xl/sharedStrings.xml"] = "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + String(repeating: " ", count: 60 << 20) + "</sst>"
        let data = try workbook.data()
        #expect(data.count < 2 << 20)
        try await withLoopbackServer(Self.routes(desk)) { client in
            let browser = TestBrowser(client)
            let csrf = try #require(try await browser.get("/").csrf)
            let refused = try await browser.postMultipart("/submit?lang=en", fields: ["csrf": csrf], file: ("自评表.xlsx", data))
            #expect(refused.status == .contentTooLarge)
            #expect(refused.text.contains("MB"))
        }
    }

    /// A workbook is imported once, on a render worker, and its grid kept
    /// with the submission: the page is drawn from what was kept, even with
    /// the input gone, and a view never imports on the request's thread.
    @Test func aWorkbooksPageIsDrawnFromTheGridKeptWithTheSubmission() async throws {
        let desk = try Desk(data: try temporaryFolder(), workers: 1, requiresLogin: false)
        let workbook = repositoryRoot.appendingPathComponent("Tests/ImportingTests/Fixtures/openpyxl-jilin-2024.xlsx")
        try await withLoopbackServer(Self.routes(desk)) { client in
            let browser = TestBrowser(client)
            let csrf = try #require(try await browser.get("/").csrf)
            let posted = try await browser.postMultipart("/submit", fields: ["csrf": csrf, "lenient": "1"], file: ("自评表.xlsx", try Data(contentsOf: workbook)))
            let id = try #require(TestBrowser.submission(posted))
            let submission = try #require(try desk.store.submission(id))
            try FileManager.default.removeItem(at: desk.files.root.appendingPathComponent("inputs/" + submission.inputHash))
            let page = try await browser.get("/s/\(id)")
            #expect(page.status == .ok)
            #expect(page.text.contains("class=\"grid workbook\""))
            #expect(page.text.contains("class=\"warning\" title=\"[FP301]"))
        }
    }

    // MARK: - 4. One server per data folder

    /// A second desk on the folder would sweep the first's uploads that
    /// are not yet committed (it takes them for a crash's leftovers).
    @Test func aSecondDeskOnTheSameFolderIsRefusedAndTheFirstsFilesStay() async throws {
        let folder = try temporaryFolder()
        let first = try Desk(data: folder, workers: 1, requiresLogin: false)
        let id = try await first.submit(try Data(contentsOf: seedText), uploadedName: "粘贴.txt", owner: nil, actor: "test")
        // An upload the first is still rendering: stored, its row not yet committed.
        let rendering = try first.files.storeInput(Data("正在生成的材料".utf8))
        var refusal: Error?
        do {
            _ = try Desk(data: folder, workers: 1, requiresLogin: false)
        } catch {
            refusal = error
        }
        let message = try #require((refusal as? any HasMessage)?.message)
        let pid = ProcessInfo.processInfo.processIdentifier
        #expect(message.chinese.contains("\(pid)") && message.chinese.contains(folder.path))
        #expect(message.english.contains("\(pid)") && message.english.contains("another"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("inputs/" + rendering).path))
        #expect(try first.store.submission(id)?.unitName == "柳河县政务服务和数字化建设管理局")
        #expect(try DeskServer.verify(data: folder).problems.isEmpty)
        _ = first
    }
}
