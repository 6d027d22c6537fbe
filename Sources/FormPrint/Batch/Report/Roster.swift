import InputReading
import Evaluation
import Foundation
import Importing

/// The units a bureau expects (`batch --roster`): one name per line of a
/// text file, or the first column of an .xlsx or .xls sheet. A heading such as
/// 单位名称 and blank lines are skipped. Names are compared as written,
/// without surrounding spaces.
public struct Roster: Sendable, Equatable {
    public var units: [String]

    public init(units: [String]) { self.units = units }

    static let headings: Set<String> = ["单位名称", "单位", "部门名称", "预算单位", "名称", "unit", "name"]

    public static func read(_ url: URL) throws -> Roster {
        let data: Data
        do {
            data = try RegularFile.read(url, limit: YAMLDocument.maximumFileSize)
        } catch {
            throw FormPrintError.unreadableRoster(url.path, error.message)
        }
        let lines: [String]
        if ["xlsx", "xls"].contains(url.pathExtension.lowercased()) {
            do {
                lines = try WorkbookImporter.firstColumn(data, file: url.path)
            } catch {
                throw FormPrintError.unreadableRoster(url.path, (error as? any HasMessage)?.message ?? Message(chinese: "\(error)", english: "\(error)"))
            }
        } else {
            guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .utf16) else {
                throw FormPrintError.unreadableRoster(url.path, SystemReason.notUTF8)
            }
            lines = text.split(whereSeparator: \.isNewline).map { $0.split(separator: "\t").first.map(String.init) ?? "" }
        }
        var seen: Set<String> = []
        let names = lines.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") && !headings.contains($0) && seen.insert($0).inserted }
        return Roster(units: names)
    }
}
