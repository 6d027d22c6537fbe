import Evaluation
import Foundation
import Testing

@testable import FormPrint

/// Nothing is ever written outside the output folder: not by unit or
/// project names (`..`, `/`, absolute paths), not through symbolic links
/// planted inside the output folder, not by `--layouts` folders.
@Suite("Output stays inside the output folder", .serialized)
struct OutputPathTests {
    /// A sandbox with the output folder `out` and, beside it, a `victim`
    /// folder holding one file that must never change.
    struct Sandbox {
        let root: URL
        var output: URL { root.appendingPathComponent("out") }
        var victim: URL { root.appendingPathComponent("victim") }
        var victimFile: URL { victim.appendingPathComponent("keep.txt") }

        init() throws {
            root = try temporaryFolder()
            try FileManager.default.createDirectory(at: victim, withIntermediateDirectories: true)
            try "untouched".write(to: victimFile, atomically: true, encoding: .utf8)
        }

        /// Every file and link under the sandbox, relative to it.
        func entries() throws -> Set<String> {
            Set(try FileManager.default.subpathsOfDirectory(atPath: root.path))
        }

        func expectVictimUntouched(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
            #expect(try FileManager.default.contentsOfDirectory(atPath: victim.path) == ["keep.txt"], sourceLocation: sourceLocation)
            #expect(try String(contentsOf: victimFile, encoding: .utf8) == "untouched", sourceLocation: sourceLocation)
        }

        func unitFile(unit: String, project: String) throws -> URL {
            let url = root.appendingPathComponent("unit.yaml")
            // Single-quoted YAML: backslashes are text.
            try "formprint: 1\nunit: {name: '\(unit)'}\nyear: 2024\nprojects:\n  - name: '\(project)'\n    implementingUnit: 测试单位\n"
                .write(to: url, atomically: true, encoding: .utf8)
            return url
        }
    }

    static let hostileNames = ["../../escape", "/etc/evil", "a/../../b", "..", ".", "..\\..\\windows", "~", " .. ", "../",
                               "./../x", "名/../../../tmp/x", String(repeating: "../", count: 40) + "x"]

    /// One renderer for the hostile names: the paths are tested, not its set-up.
    /// Unchecked because UnitRenderer is not Sendable; the suite is serialized.
    nonisolated(unsafe) static let renderer = Result { try UnitRenderer() }

    @Test("hostile unit and project names write only inside the output folder", arguments: hostileNames)
    func hostileName(name: String) throws {
        let sandbox = try Sandbox()
        let url = try sandbox.unitFile(unit: name, project: name)
        let written = try UnitFiles.render(url, with: try Self.renderer.get(), into: sandbox.output)
        #expect(written.count == 1)
        let output = sandbox.output.resolvingSymlinksInPath().path + "/"
        for file in written {
            #expect(file.resolvingSymlinksInPath().path.hasPrefix(output), "\(file.path)")
            #expect(FileManager.default.fileExists(atPath: file.path))
        }
        // Besides the output folder, only the unit file and the victim exist.
        let outside = try sandbox.entries().filter { !$0.hasPrefix("out") }
        #expect(outside == ["unit.yaml", "victim", "victim/keep.txt"], "\(outside)")
        try sandbox.expectVictimUntouched()
    }

    @Test("a unit folder that is a symbolic link to another place is refused; nothing is written there")
    func symlinkedUnitFolder() throws {
        let sandbox = try Sandbox()
        try FileManager.default.createDirectory(at: sandbox.output, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: sandbox.output.appendingPathComponent("测试单位"), withDestinationURL: sandbox.victim)
        let url = try sandbox.unitFile(unit: "测试单位", project: "项目")
        #expect {
            _ = try UnitFiles.render(url, with: try UnitRenderer(), into: sandbox.output)
        } throws: { error in
            english(error).contains("refusing to write") && english(error).contains("symbolic link") && english(error).contains("测试单位")
        }
        try sandbox.expectVictimUntouched()
    }

    @Test("a link planted where the temporary file goes is removed, not written through")
    func plantedTemporaryLink() throws {
        let sandbox = try Sandbox()
        let folder = sandbox.output.appendingPathComponent("测试单位")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let name = "2024_项目支出绩效自评表_项目.pdf"
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent(".\(name).\(ProcessInfo.processInfo.processIdentifier).tmp"),
                                                   withDestinationURL: sandbox.victimFile)
        let written = try UnitFiles.render(try sandbox.unitFile(unit: "测试单位", project: "项目"), with: try UnitRenderer(), into: sandbox.output)
        #expect(written.map(\.lastPathComponent) == [name])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [name])
        try sandbox.expectVictimUntouched()
    }

    @Test("an output file that is a link is replaced by the PDF, the file it pointed to is untouched")
    func outputFileLink() throws {
        let sandbox = try Sandbox()
        let folder = sandbox.output.appendingPathComponent("测试单位")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let target = folder.appendingPathComponent("2024_项目支出绩效自评表_项目.pdf")
        try FileManager.default.createSymbolicLink(at: target, withDestinationURL: sandbox.victimFile)
        _ = try UnitFiles.render(try sandbox.unitFile(unit: "测试单位", project: "项目"), with: try UnitRenderer(), into: sandbox.output)
        let attributes = try FileManager.default.attributesOfItem(atPath: target.path)
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect(try Data(contentsOf: target).starts(with: Data("%PDF-".utf8)))
        try sandbox.expectVictimUntouched()
    }

    @Test("the output folder itself may be a link: it is used as named")
    func outputFolderLink() throws {
        let sandbox = try Sandbox()
        let real = sandbox.root.appendingPathComponent("real-out")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: sandbox.output, withDestinationURL: real)
        _ = try UnitFiles.render(try sandbox.unitFile(unit: "测试单位", project: "项目"), with: try UnitRenderer(), into: sandbox.output)
        #expect(try FileManager.default.contentsOfDirectory(atPath: real.appendingPathComponent("测试单位").path) == ["2024_项目支出绩效自评表_项目.pdf"])
    }

    @Test("paths that leave the folder are refused by the writer itself", arguments: ["../x.pdf", "/tmp/x.pdf", "a/../../x.pdf", "a//x.pdf", ".", "a/./x.pdf", ""])
    func writerRefusesEscapingPaths(path: String) throws {
        let sandbox = try Sandbox()
        #expect(throws: FormPrintError.self) { try AtomicFile.write(Data("x".utf8), to: path, inside: sandbox.output) }
        #expect(try sandbox.entries() == ["victim", "victim/keep.txt"])
    }

    @Test("--layouts folders, relative with '..' or absolute, are only read: the documents go to the output folder")
    func layoutFoldersAreOnlyRead() throws {
        let sandbox = try Sandbox()
        let layouts = sandbox.root.appendingPathComponent("layouts")
        try FileManager.default.createDirectory(at: layouts, withIntermediateDirectories: true)
        let jilin = try String(contentsOf: repositoryRoot.appendingPathComponent("Layouts/project-jilin.yaml"), encoding: .utf8)
        try jilin.replacingOccurrences(of: "id: project-jilin", with: "id: project-mine")
            .write(to: layouts.appendingPathComponent("mine.yaml"), atomically: true, encoding: .utf8)
        let relative = URL(fileURLWithPath: sandbox.root.path + "/victim/../layouts")
        for folder in [layouts, relative] {
            let renderer = try UnitRenderer(extraLayoutFolders: [folder])
            let document = try UnitFiles.read(try sandbox.unitFile(unit: "测试单位", project: "项目"))
            let written = try UnitFiles.render(document, with: renderer, layouts: [.project: "project-mine"], into: sandbox.output)
            #expect(written.allSatisfy { $0.path.hasPrefix(sandbox.output.path + "/") })
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: layouts.path) == ["mine.yaml"])
        try sandbox.expectVictimUntouched()
    }

    @Test("a layout id that looks like a path is refused when the layout is loaded")
    func layoutIdLikeAPath() throws {
        let sandbox = try Sandbox()
        let layouts = sandbox.root.appendingPathComponent("layouts")
        try FileManager.default.createDirectory(at: layouts, withIntermediateDirectories: true)
        let jilin = try String(contentsOf: repositoryRoot.appendingPathComponent("Layouts/project-jilin.yaml"), encoding: .utf8)
        try jilin.replacingOccurrences(of: "id: project-jilin", with: "id: ../../victim/x")
            .write(to: layouts.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        #expect {
            _ = try UnitRenderer(extraLayoutFolders: [layouts])
        } throws: { error in
            english(error).contains("the id '../../victim/x' must be letters, digits, '-' and '_' only")
        }
        try sandbox.expectVictimUntouched()
    }
}
