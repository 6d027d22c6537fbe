import Foundation
import Testing

/// `formprint serve` is the desk's own executable, `formprint-desk`, run
/// from beside `formprint` (which no longer links the server stack): the
/// command, its help and its errors read as before, and a missing desk
/// executable is said in both languages.
struct DeskLauncherTests {
    static let desk = repositoryRoot.appendingPathComponent(".build/debug/formprint-desk")
    static var deskBuilt: Bool { FileManager.default.isExecutableFile(atPath: desk.path) }

    @Test("formprint --help still lists serve")
    func serveIsListed() throws {
        let result = try runFormPrint(["--help"])
        #expect(result.status == 0)
        #expect(result.output.contains("serve") && result.output.contains("Serve the web desk"), "\(result.output)")
    }

    @Test("formprint serve --help is the desk's help, its usage named formprint serve, in the run's language",
          .enabled(if: deskBuilt, "needs .build/debug/formprint-desk (swift build builds it)"))
    func serveHelpComesFromTheDesk() throws {
        let english = try runFormPrint(["serve", "--help"])
        #expect(english.status == 0)
        #expect(english.output.contains("USAGE: formprint serve") && english.output.contains("admin"), "\(english.output)")
        let start = try runFormPrint(["serve", "start", "--help"])
        #expect(start.output.contains("--tls-cert") && start.output.contains("--workers"), "\(start.output)")
        let chinese = try runFormPrint(["--lang", "zh", "serve", "start", "--help"])
        #expect(chinese.output.contains("用法：formprint serve start") && chinese.output.contains("监听的地址"), "\(chinese.output)")
        // The desk's own checks of its options, exit status 64 as before.
        let mistake = try runFormPrint(["serve", "--port", "70000"])
        #expect(mistake.status == 64 && mistake.errors.contains("--port must be between 0 and 65535"), "\(mistake.errors)")
    }

    @Test("without formprint-desk beside it, formprint serve says what to build, in Chinese and English, exit status 2")
    func missingDeskIsExplained() throws {
        let folder = try temporaryFolder()
        let alone = folder.appendingPathComponent("formprint")
        // A hard link, not a symbolic one: the executable's folder is taken
        // with links resolved, and this one must be a folder without the desk.
        let binary = try requireFormPrintBinary()
        do { try FileManager.default.linkItem(at: binary, to: alone) } catch { try FileManager.default.copyItem(at: binary, to: alone) }
        for (language, expected) in [("zh", "由 formprint 同一文件夹中的 formprint-desk 程序提供"), ("en", "formprint serve is run by formprint-desk")] {
            let process = Process()
            process.executableURL = alone
            process.arguments = ["serve", "--lang", language]
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 2)
            #expect(text.contains(expected) && text.contains(folder.resolvingSymlinksInPath().appendingPathComponent("formprint-desk").path)
                    && text.contains("--product formprint-desk"), "\(text)")
        }
    }
}
