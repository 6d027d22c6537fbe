import Evaluation
import Foundation
import Testing

@testable import FormPrint

/// Bad input gets a message that names the place and the fix, and no
/// file is written.
struct BadInputTests {
    func unitFile(_ projectName: String) throws -> URL {
        let folder = try temporaryFolder()
        let url = folder.appendingPathComponent("unit.yaml")
        try """
            formprint: 1
            unit:
              name: 测试单位
            year: 2024
            projects:
              - name: \(projectName)
                implementingUnit: 测试单位
            """.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func characterOutsideEveryBundledFontIsAnErrorNamingItAndItsField() throws {
        // U+2A6A5 is a CJK Extension B character: outside GBK and outside every bundled font.
        let url = try unitFile("项目\u{2A6A5}名")
        let output = try temporaryFolder()
        let renderer = try UnitRenderer()
        #expect {
            _ = try UnitFiles.render(url, with: renderer, into: output)
        } throws: { error in
            let message = english(error)
            return message.contains("unit.yaml:6:") && message.contains("U+2A6A5") && message.contains("projects[0].name")
        }
        let written = try FileManager.default.subpathsOfDirectory(atPath: output.path)
        #expect(written.isEmpty, "nothing may be written for a failed unit: \(written)")
    }

    @Test func gbkCharactersOfRealNamesRender() throws {
        // 镕 and 喆 are outside GB2312 but inside GBK; the bundled Song face covers them.
        let url = try unitFile("朱镕基喆项目")
        let output = try temporaryFolder()
        let files = try UnitFiles.render(url, with: try UnitRenderer(), into: output)
        let text = try run("pdftotext", [files[0].path, "-"]).output
        #expect(text.contains("朱镕基喆项目"))
    }

    @Test func unknownLayoutIsReportedWithTheAvailableOnes() throws {
        let renderer = try UnitRenderer()
        let document = try UnitFiles.read(exampleUnit)
        #expect {
            _ = try renderer.render(document, layouts: [.project: "project-nowhere"])
        } throws: { error in
            english(error).contains("project-nowhere") && english(error).contains("project-jilin")
        }
    }

    @Test func fileNamesAreSafeOnEveryFileSystem() {
        #expect(FileNaming.safeComponent("../a/b\\c:d*e?f\"g<h>i|j") == "_a_b_c_d_e_f_g_h_i_j")
        #expect(FileNaming.safeComponent("..") == "_")
        #expect(FileNaming.safeComponent("名\u{0}称\n") == "名_称_")
        #expect(FileNaming.safeComponent(String(repeating: "长", count: 200)).utf8.count <= FileNaming.maximumBytes)
    }

    @Test func atomicWriteLeavesNoTemporaryFile() throws {
        let folder = try temporaryFolder()
        let target = folder.appendingPathComponent("a/b.pdf")
        try AtomicFile.write(Data("one".utf8), to: target)
        try AtomicFile.write(Data("two".utf8), to: target)
        #expect(try String(contentsOf: target, encoding: .utf8) == "two")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.deletingLastPathComponent().path) == ["b.pdf"])
    }

    @Test func missingGlyphInLayoutTextNamesTheLayoutFileAndPlace() throws {
        let folder = try temporaryFolder()
        let original = try String(contentsOf: repositoryRoot.appendingPathComponent("Layouts/project-jilin.yaml"), encoding: .utf8)
        let edited = original.replacingOccurrences(of: "{text: 项目支出绩效自评表, style: title", with: "{text: 项目支出\u{2A6A5}自评表, style: title")
        #expect(edited != original)
        try edited.write(to: folder.appendingPathComponent("project-jilin.yaml"), atomically: true, encoding: .utf8)
        let renderer = try UnitRenderer(extraLayoutFolders: [folder])
        let document = try UnitFiles.read(exampleUnit)
        #expect {
            _ = try renderer.render(document, .project(index: 0))
        } throws: { error in
            let message = english(error)
            return message.contains("U+2A6A5") && message.contains("project-jilin.yaml") && message.contains("table.title[0]")
        }
    }
}
