import Foundation
import Hummingbird
import TestSupport
import Testing

@testable import Serving

/// The desk over its own TLS (a self-signed certificate made here with the
/// openssl command, served on loopback, fetched with curl), and the data
/// folder backed up while a desk holds it, then restored.
@Suite(.serialized) struct TLSAndBackupTests {
    /// A self-signed certificate for 127.0.0.1 and its key.
    static func certificate(in folder: URL, name: String = "desk") throws -> ServerTLS {
        let cert = folder.appendingPathComponent("\(name).crt"), key = folder.appendingPathComponent("\(name).key")
        let made = try run("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                                       "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.path, "-out", cert.path])
        #expect(made.status == 0, "\(made.output)")
        return ServerTLS(certificate: cert, key: key)
    }

    @Test func theDeskServesHTTPSWithSecureCookies() async throws {
        let folder = try temporaryFolder()
        let tls = try Self.certificate(in: folder)
        let (ports, port) = AsyncStream.makeStream(of: Int.self)
        let server = Task {
            try await DeskServer.run(data: folder.appendingPathComponent("data"), address: "127.0.0.1", port: 0, workers: 1, tls: tls) { port.yield($0) }
        }
        var iterator = ports.makeAsyncIterator()
        let bound = try #require(await iterator.next())
        // Trusting only the certificate made above: the handshake verifies it.
        let secure = try run("curl", ["-sS", "-i", "--cacert", tls.certificate.path, "https://127.0.0.1:\(bound)/"])
        #expect(secure.status == 0, "\(secure.output)")
        #expect(secure.output.contains("HTTP/1.1 200") && secure.output.contains("填报自评表"))
        let cookie = try #require(secure.output.split(separator: "\r\n").first { $0.lowercased().hasPrefix("set-cookie: formprint_session=") })
        #expect(cookie.contains("Secure") && cookie.contains("HttpOnly"))
        // Plain HTTP on the same port gets no page.
        let plain = try run("curl", ["-sS", "-i", "--max-time", "20", "http://127.0.0.1:\(bound)/"])
        #expect(!plain.output.contains("填报自评表"))
        server.cancel()
        _ = await server.result
    }

    @Test func aKeyThatIsNotTheCertificatesIsRefusedBeforeTheServerStarts() throws {
        let folder = try temporaryFolder()
        let one = try Self.certificate(in: folder, name: "one"), other = try Self.certificate(in: folder, name: "other")
        do {
            _ = try ServerTLS(certificate: one.certificate, key: other.key).configuration()
            Issue.record("a mismatched key was taken")
        } catch let failure as ServerTLS.Failure {
            #expect(failure.message.chinese.contains("不配套"))
        }
        do {
            _ = try ServerTLS(certificate: folder.appendingPathComponent("none.crt"), key: one.key).configuration()
            Issue.record("a missing certificate was taken")
        } catch let failure as ServerTLS.Failure {
            #expect(failure.message.chinese.contains("无法读取 TLS 证书") && failure.message.english.contains("--tls-cert"))
        }
    }

    @Test func aBackupTakenWhileTheDeskRunsRestoresEverySubmission() async throws {
        let data = try temporaryFolder()
        let desk = try Desk(data: data, workers: 1, requiresLogin: false)
        let first = try await desk.submit(try Data(contentsOf: seedText), uploadedName: "粘贴.txt", owner: nil, actor: "test")
        let national = repositoryRoot.appendingPathComponent("Examples/national-2024.yaml")
        _ = try await desk.submit(try Data(contentsOf: national), uploadedName: "national-2024.yaml", owner: nil, actor: "test")
        let before = try DeskServer.verify(data: data)

        // The desk still holds the folder (its lock): the backup reads beside it.
        let file = try temporaryFolder().appendingPathComponent("desk-backup.zip")
        let taken = try DeskServer.backup(data: data, to: file)
        #expect(taken.submissions == 2 && taken.files == before.files + 2)
        #expect(try desk.store.auditLog().contains { $0.action == "backup" })

        let restored = try temporaryFolder().appendingPathComponent("restored")
        #expect(try run("unzip", ["-q", file.path, "-d", restored.path]).status == 0)
        let after = try DeskServer.verify(data: restored)
        #expect(after.submissions == 2 && after.files == before.files && after.problems.isEmpty, "\(after.problems)")
        // A desk on the restored folder serves the same files, byte for byte.
        let copy = try Desk(data: restored, workers: 1, requiresLogin: false)
        #expect(copy.swept == 0)
        let original = try #require(try desk.store.submission(first)), again = try #require(try copy.store.submission(first))
        #expect(original == again)
        for (a, b) in zip(try desk.store.files(of: original), try copy.store.files(of: again)) {
            #expect(try desk.files.data(at: a.storedPath) == copy.files.data(at: b.storedPath))
        }
        // A folder without a desk is said to be one.
        #expect(throws: DeskBackup.Failure.self) { try DeskServer.backup(data: try temporaryFolder(), to: file) }
    }
}
