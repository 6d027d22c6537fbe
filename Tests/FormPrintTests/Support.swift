import Foundation
import TestSupport
import Testing

let repositoryRoot = RepositoryPaths.root
let exampleUnit = RepositoryPaths.exampleUnit
let seedText = RepositoryPaths.seed

/// Runs a command-line tool (pdftotext, pdffonts, …) and returns its output.
func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

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
