import Evaluation
import Foundation
import Importing
import TestSupport
import Testing

/// The batch's look at a unit file's name and year without parsing it
/// (`UnitIdentityScan`): where it answers, it answers what the reader reads;
/// every shape it is not sure of is left to the reader.
@Suite("A unit file's name and year, scanned")
struct UnitIdentityScanTests {
    func read(_ text: String) throws -> UnitIdentityScan.Identity {
        let unit = try UnitFileReader.read(text: text, file: "u.yaml").unit
        return UnitIdentityScan.Identity(name: unit.name, year: unit.year)
    }

    @Test("every example unit file: the scan finds what the reader reads")
    func examples() throws {
        let folder = RepositoryPaths.root.appendingPathComponent("Examples")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        #expect(files.count >= 5)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let scanned = try #require(UnitIdentityScan.scan(text), "\(file)")
            #expect(scanned == (try read(text)), "\(file)")
        }
    }

    @Test("written by the unit-file writer, plain or quoted: found, or left to the reader", arguments: [
        "测试县第1局", "柳河县政务服务和数字化建设管理局", "A #1 unit", "null", "单位: 甲", "-前缀", "「引号」局", "局 ", "12:30 局",
    ])
    func written(name: String) throws {
        let text = UnitFileWriter.yaml(UnitEvaluation(name: name, year: 2024, projects: []))
        if let scanned = UnitIdentityScan.scan(text) {
            #expect(scanned == (try read(text)))
        } else {
            // Quoted by the writer: the reader reads it.
            #expect(text.contains("name: \""))
        }
    }

    @Test("the flow form and comments", arguments: [
        "formprint: 1\nunit: {name: 示例县司法局}  # the unit\nyear: 2024   # the year\n",
        "# a comment\nformprint: 1\nyear: 2023\nunit:   # 单位\n  # its name:\n  name: 示例县司法局 # 名称\n\n  # more of the unit\nprojects: []\n",
    ])
    func shapes(text: String) throws {
        let scanned = try #require(UnitIdentityScan.scan(text))
        #expect(scanned == (try read(text)))
    }

    @Test("shapes the scan is not sure of are left to the reader", arguments: [
        // The name continues on the next line (YAML folds it: "示例县 司法局").
        "formprint: 1\nunit:\n  name: 示例县\n    司法局\nyear: 2024\n",
        "formprint: 1\nunit:\n  name: 示例县\n\n    司法局\nyear: 2024\n",
        // Quoted, anchored, in a block scalar.
        "formprint: 1\nunit:\n  name: \"示例县\"\nyear: 2024\n",
        "formprint: 1\nunit:\n  name: &n 示例县\nyear: 2024\n",
        "formprint: 1\nunit:\n  name: |\n    示例县\nyear: 2024\n",
        // A key twice, carriage returns, tabs, a byte order mark, JSON, an indented root.
        "formprint: 1\nunit:\n  name: 甲\nyear: 2024\nyear: 2025\n",
        "formprint: 1\r\nunit:\r\n  name: 甲\r\nyear: 2024\r\n",
        "formprint: 1\nunit:\n\tname: 甲\nyear: 2024\n",
        "\u{FEFF}formprint: 1\nunit:\n  name: 甲\nyear: 2024\n",
        "{\"formprint\": 1, \"unit\": {\"name\": \"甲\"}, \"year\": 2024}",
        "  formprint: 1\n  unit:\n    name: 甲\n  year: 2024\n",
        // A year that is not four plain digits, a missing name.
        "formprint: 1\nunit:\n  name: 甲\nyear: '2024'\n",
        "formprint: 1\nunit:\n  name: 甲\nyear: 2024\n  5\n",
        "formprint: 1\nunit:\n  code: 1\nyear: 2024\n",
        // A sequence where the unit's mapping should be; a flow mapping with more in it.
        "formprint: 1\nunit:\n- name: 甲\nyear: 2024\n",
        "formprint: 1\nunit: {name: 甲, code: 1}\nyear: 2024\n",
    ])
    func unsure(text: String) {
        #expect(UnitIdentityScan.scan(text) == nil)
    }
}
