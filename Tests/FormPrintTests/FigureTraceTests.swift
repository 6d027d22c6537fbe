import Evaluation
import Foundation
import Testing

@testable import FormPrint

/// `validate --explain PATH` (issue 24): one value's way from the file to
/// the page — written, read, the import's notes, and what each form prints
/// with the rule applied.
@Suite(.serialized)
struct FigureTraceTests {
    @Test("a unit file's value: its line, the value read, printed as written")
    func unitFile() throws {
        let trace = try UnitFiles.trace("projects[0].funds[0].initialBudget", inFileAt: exampleUnit.path, renderer: try UnitRenderer())
        #expect(trace.written?.contains("initialBudget: 212.40") == true, "\(trace.message.chinese)")
        #expect(trace.read == "212.40")
        #expect(trace.printed.map(\.text) == ["212.40"])
        #expect(trace.printed.first?.rule.chinese == "原样打印")
    }

    @Test("an amount in a two-decimal money column: the rule says so, and that no digit was lost")
    func moneyColumn() throws {
        let folder = try temporaryFolder()
        let url = folder.appendingPathComponent("unit.yaml")
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Examples/national-2024.yaml"), encoding: .utf8)
        try text.replacingOccurrences(of: "executed: 92.00}", with: "executed: 92}").write(to: url, atomically: true, encoding: .utf8)
        let trace = try UnitFiles.trace("projects[0].funds[1].executed", inFileAt: url.path, renderer: try UnitRenderer(),
                                        layouts: [.project: "project-national"])
        #expect(trace.read == "92")
        #expect(trace.printed.map(\.text) == ["92.00"])
        #expect(trace.printed.first?.rule.english == "the money column's two decimals (no digit lost)", "\(trace.message.english)")
    }

    @Test("a paste whose heading says 元: the value read is in 万元 and the conversion note is shown")
    func convertedPaste() throws {
        let folder = try temporaryFolder()
        let url = folder.appendingPathComponent("粘贴.txt")
        let pasted = try String(contentsOf: repositoryRoot.appendingPathComponent("Examples/liuhe-2024-pasted.txt"), encoding: .utf8)
        try pasted.replacingOccurrences(of: "资金情况 (万元)", with: "资金情况（元）").write(to: url, atomically: true, encoding: .utf8)
        let trace = try UnitFiles.trace("projects[0].funds[0].initialBudget", inFileAt: url.path, renderer: try UnitRenderer(), lenient: true)
        #expect(trace.read == "0.02124")
        // Written → read → printed: the cell's own text in 元, the heading that converted it, the 万元 printed.
        #expect(trace.written == "212.40", "\(trace.message.chinese)")
        #expect(trace.place?.contains("粘贴") == true || trace.place?.contains("行") == true || trace.place?.contains("line") == true,
                "\(String(describing: trace.place))")
        #expect(trace.notes.contains { $0.chinese.contains("按表头“资金情况（元）”") && $0.chinese.contains("由元准确换算为万元") },
                "\(trace.message.chinese)")
        #expect(trace.printed.first?.text == "0.02124")
        // A field the heading does not convert carries no conversion note.
        let name = try UnitFiles.trace("projects[0].name", inFileAt: url.path, renderer: try UnitRenderer(), lenient: true)
        #expect(!name.notes.contains { $0.chinese.contains("换算") }, "\(name.message.chinese)")
    }

    @Test("a value the import found in one cell shows that cell's text")
    func pastedCell() throws {
        let trace = try UnitFiles.trace("projects[0].name", inFileAt: repositoryRoot.appendingPathComponent("Examples/liuhe-2024-pasted.txt").path,
                                        renderer: try UnitRenderer(), lenient: true)
        #expect(trace.written == trace.read && !trace.read.isEmpty, "\(trace.message.chinese)")
        #expect(trace.place != nil)
    }

    @Test("a text that is not a field path is refused, saying how to write one", arguments: ["projects[x]", "", "a..b", "funds[1"])
    func notAPath(text: String) throws {
        #expect(throws: FigureTraceError.self) {
            try UnitFiles.trace(text, inFileAt: exampleUnit.path, renderer: try UnitRenderer())
        }
        #expect(FieldPath(parsing: "projects[0].indicators[1].subcategories[0].indicators[2].target")?.description
                == "projects[0].indicators[1].subcategories[0].indicators[2].target")
    }
}
