import Foundation
@_exported import TestSupport
import Testing

let repositoryRoot = RepositoryPaths.root
let exampleUnit = RepositoryPaths.exampleUnit
let seedText = RepositoryPaths.seed

/// A fresh temporary folder for one test.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("formprint-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Text without any whitespace, so that values wrapped over cell lines
/// still compare equal.
func squeezed(_ text: String) -> String {
    String(text.unicodeScalars.filter { !CharacterSetWhitespace.contains($0) }.map(Character.init))
}

private let CharacterSetWhitespace = CharacterSet.whitespacesAndNewlines

/// A unit file holding only a report whose `sections:` are `sections`
/// (indented under it as written), for the report tests.
func reportUnitFile(sections: String) -> String {
    """
    formprint: 1
    unit: {name: 报告单位}
    year: 2024
    report:
      title: 部门整体支出绩效自评报告
      signature: 报告单位
      date: 2025年1月10日
      sections:
    \(sections)
    """
}
