import Foundation
import Testing

/// The desk in a real browser: Scripts/browser/serve_scenario.py drives
/// Debian's chromium (chromium-driver, Selenium from PyPI in
/// .build/browser-venv, made by Scripts/browser/make-venv.sh) through both
/// servers this test starts from the built binary — one on loopback (an
/// officer fixes the seed), one beyond it with an administrator (a bureau
/// of 300 units: codes in bulk and their notice PDF, a unit that submits,
/// one refused for another's forms, a return and a resubmission, the
/// filtered table). Screenshots of every page are left in
/// .build/serve-screenshots/ to be looked at (docs/images holds a few).
@Suite(.serialized) struct BrowserTests {
    static let python = repositoryRoot.appendingPathComponent(".build/browser-venv/bin/python")
    static let binary = repositoryRoot.appendingPathComponent(".build/debug/formprint")
    /// What `formprint serve` execs (`swift build` and `swift test` build it).
    static let desk = repositoryRoot.appendingPathComponent(".build/debug/formprint-desk")
    static var available: Bool {
        [python.path, binary.path, desk.path, "/usr/bin/chromedriver", "/usr/bin/chromium"].allSatisfy(FileManager.default.isExecutableFile(atPath:))
    }

    /// A running `formprint serve`, stopped by its process id (the desk's
    /// executable replaced `formprint` in that process).
    final class Server {
        let process = Process()
        let port: Int

        init(data: URL, listen: String) throws {
            process.executableURL = BrowserTests.binary
            process.arguments = ["serve", "--data", data.path, "--listen", listen, "--port", "0", "--workers", "1"]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            // "formprint serve: http://ADDRESS:PORT/  (folder)"
            var line = Data()
            while !line.contains(UInt8(ascii: "\n")) {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                line += chunk
            }
            let text = String(decoding: line, as: UTF8.self)
            guard let match = text.firstMatch(of: /:(\d+)\//), let port = Int(match.1) else {
                process.terminate()
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "the server said: \(text)"])
            }
            self.port = port
        }

        deinit {
            process.terminate()
            process.waitUntilExit()
        }
    }

    @Test(.enabled(if: available, "needs chromium, chromium-driver, .build/browser-venv and the built binaries"))
    func anOfficerFixesTheSeedAndABureauOf300UnitsCollectsReturnsAndFilters() throws {
        let local = try Server(data: try temporaryFolder(), listen: "127.0.0.1")
        let networkData = try temporaryFolder()
        let admin = Process()
        admin.executableURL = Self.binary
        admin.arguments = ["serve", "admin", "--data", networkData.path, "--user", "财政局"]
        let input = Pipe()
        admin.standardInput = input
        admin.standardOutput = FileHandle.nullDevice
        try admin.run()
        input.fileHandleForWriting.write(Data("browser-test-password\n".utf8))
        try input.fileHandleForWriting.close()
        admin.waitUntilExit()
        #expect(admin.terminationStatus == 0)
        // Beyond loopback (all addresses), reached here through 127.0.0.1.
        let network = try Server(data: networkData, listen: "0.0.0.0")

        let shots = repositoryRoot.appendingPathComponent(".build/serve-screenshots")
        try? FileManager.default.removeItem(at: shots)
        let scenario = Process()
        scenario.executableURL = Self.python
        scenario.arguments = [repositoryRoot.appendingPathComponent("Scripts/browser/serve_scenario.py").path,
                              "http://127.0.0.1:\(local.port)", "http://127.0.0.1:\(network.port)", "财政局", "browser-test-password",
                              repositoryRoot.appendingPathComponent("Examples/liuhe-2024-pasted.txt").path, shots.path]
        let output = Pipe()
        scenario.standardOutput = output
        scenario.standardError = output
        try scenario.run()
        let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        scenario.waitUntilExit()
        #expect(scenario.terminationStatus == 0, "\(said)")
        #expect(said.contains("browser scenario passed"))
        let downloaded = try Data(contentsOf: shots.appendingPathComponent("downloaded.pdf"))
        #expect(downloaded.prefix(5) == Data("%PDF-".utf8))
        let notices = try Data(contentsOf: shots.appendingPathComponent("notices.pdf"))
        #expect(notices.prefix(5) == Data("%PDF-".utf8))
        #expect(FileManager.default.fileExists(atPath: shots.appendingPathComponent("19-audit.png").path))
    }
}
