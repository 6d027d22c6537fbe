import Foundation
import Hummingbird
import Testing

@testable import Serving

/// After a kill: what a half-done request left goes at start, what was
/// accepted stays and is whole; and the server answers on a real socket.
@Suite(.serialized) struct RestartTests {
    @Test func aRestartRemovesWhatWasNeverAcceptedAndKeepsWhatWas() async throws {
        let folder = try temporaryFolder()
        let id: Int64
        do {
            let desk = try Desk(data: folder, workers: 1, requiresLogin: false)
            id = try await desk.submit(try Data(contentsOf: seedText), uploadedName: "粘贴.txt", owner: nil, actor: "test")
        }
        // What a kill -9 leaves: a temporary of an interrupted write, and a
        // rendering whose row was never committed.
        let temporary = folder.appendingPathComponent("rendered/.3.pdf.99999.tmp")
        let orphan = folder.appendingPathComponent("rendered/never-committed/1.pdf")
        try FileManager.default.createDirectory(at: orphan.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("%PDF-half".utf8).write(to: temporary)
        try Data("%PDF-whole but never accepted".utf8).write(to: orphan)

        let restarted = try Desk(data: folder, workers: 1, requiresLogin: false)
        #expect(restarted.swept == 2)
        #expect(!FileManager.default.fileExists(atPath: temporary.path))
        #expect(!FileManager.default.fileExists(atPath: orphan.deletingLastPathComponent().path))
        let checked = try DeskServer.verify(data: folder)
        #expect(checked.problems.isEmpty)
        #expect(checked.submissions == 1 && checked.files > 7)
        #expect(checked.journal == "wal")
        #expect(try restarted.store.submission(id)?.unitName == "柳河县政务服务和数字化建设管理局")
    }

    @Test func verifyFindsATruncatedFile() async throws {
        let folder = try temporaryFolder()
        let desk = try Desk(data: folder, workers: 1, requiresLogin: false)
        let id = try await desk.submit(try Data(contentsOf: seedText), uploadedName: "粘贴.txt", owner: nil, actor: "test")
        let submission = try #require(try desk.store.submission(id))
        let file = try #require(try desk.store.files(of: submission).first)
        try Data("%PDF".utf8).write(to: folder.appendingPathComponent(file.storedPath))
        let checked = try DeskServer.verify(data: folder)
        #expect(checked.problems.count == 1)
        #expect(checked.problems.first?.contains(file.downloadName) == true)
    }

    /// The whole server on a free loopback port: a real HTTP client, a
    /// real socket, a paste and its first page's PNG.
    @Test func theServerAnswersOnAFreeLoopbackPort() async throws {
        let desk = try Desk(data: try temporaryFolder(), workers: 1, requiresLogin: false)
        try await withLoopbackServer(DeskRoutes(desk: desk).router()) { client in
            #expect(client.port != 0)
            let browser = TestBrowser(client)
            let home = try await browser.get("/")
            #expect(home.headers[.contentType] == "text/html; charset=utf-8")
            #expect(home.text.contains("<html lang=\"zh-CN\">"))
            let english = try await browser.get("/?lang=en")
            #expect(english.text.contains("Hand in the self-evaluation"))
            // A post over the socket (a paste that is no form: read, refused,
            // kept with its reason — no render to wait for).
            let posted = try await browser.postMultipart("/submit", fields: ["csrf": try #require(home.csrf)],
                                                         file: ("自评表.txt", Data("这不是一张表\t只有两格".utf8)))
            let refused = try #require(TestBrowser.submission(posted))
            #expect(try await browser.get("/s/\(refused)").text.contains("id=\"read-error\""))
            // The seed's render (seconds, more on a loaded machine than a
            // request should wait) through the desk itself;
            // its page and preview over the socket.
            let id = try await desk.submit(try Data(contentsOf: seedText), uploadedName: "自评表.txt", owner: nil, actor: "本机")
            let page = try await browser.get("/s/\(id)")
            let range = try #require(page.text.range(of: "<img src=\"/s/\(id)/file/"))
            let position = page.text[range.upperBound...].prefix { $0.isNumber }
            let png = try await browser.get("/s/\(id)/file/\(position)")
            #expect(png.headers[.contentType] == "image/png")
            #expect(png.body.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        }
    }
}
