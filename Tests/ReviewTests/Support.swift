import Evaluation
import Foundation
import Importing
import Review
import Testing

/// The checkout root (Tests/ReviewTests/Support.swift → ../..).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A built-in scoring profile, read from `Scoring/`.
func profile(_ id: String) throws -> ScoringProfile {
    try ScoringProfileReader.read(contentsOf: repositoryRoot.appendingPathComponent("Scoring/\(id).yaml"))
}

/// The seed unit file (Examples/liuhe-2024.yaml), its text and document.
func seed() throws -> (text: String, document: UnitDocument) {
    let url = repositoryRoot.appendingPathComponent("Examples/liuhe-2024.yaml")
    let text = try String(contentsOf: url, encoding: .utf8)
    return (text, try UnitFileReader.read(text: text, file: "Examples/liuhe-2024.yaml"))
}

/// A unit file with the given YAML spliced in after the header.
func unit(_ body: String, year: Int = 2024, name: String = "测试单位") throws -> UnitDocument {
    try UnitFileReader.read(text: "formprint: 1\nunit:\n  name: \(name)\nyear: \(year)\n" + body, file: "unit.yaml")
}

/// 1-based number of the first line of `text` that contains `needle`.
func lineNumber(of needle: String, in text: String) -> Int? {
    text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }.map { $0 + 1 }
}
