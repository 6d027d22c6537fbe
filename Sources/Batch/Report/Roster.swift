import Evaluation
import FormPrint
import Foundation
import Importing
import InputReading

/// The units a bureau expects (`batch --roster`): one name per line of a
/// text file, or the first column of an .xlsx or .xls sheet. A heading such as
/// 单位名称 and blank lines are skipped. Names are compared as written,
/// without surrounding spaces. A column headed 主管部门 (a workbook's, or a
/// text file's tab-separated one) gives each unit its supervising
/// department, which the desk groups booklets and its table by.
package struct Roster: Sendable, Equatable {
    package var units: [String]
    /// 主管部门 of the units whose row gives one.
    package var supervisors: [String: String]

    package init(units: [String], supervisors: [String: String] = [:]) {
        self.units = units
        self.supervisors = supervisors
    }

    static let supervisorHeadings: Set<String> = ["主管部门", "主管单位", "主管部门名称"]

    /// Each unit's 主管部门 from the rows' cells (in column order): the
    /// column of the first row that has a 主管部门 heading, the unit's name
    /// in the row's first cell.
    static func supervisors(_ rows: [[String]]) -> [String: String] {
        var column: Int?
        var found: [String: String] = [:]
        for row in rows {
            let cells = row.map { $0.trimmingCharacters(in: .whitespaces) }
            guard let column else {
                column = cells.firstIndex { supervisorHeadings.contains($0) }
                continue
            }
            guard let name = cells.first(where: { !$0.isEmpty }), column < cells.count, !cells[column].isEmpty,
                  !headings.contains(name), found[name] == nil else { continue }
            found[name] = cells[column]
        }
        return found
    }

    static let headings: Set<String> = ["单位名称", "单位", "部门名称", "预算单位", "名称", "unit", "name"]

    package static func read(_ url: URL) throws -> Roster {
        let data: Data
        do {
            data = try RegularFile.read(url, limit: YAMLDocument.maximumFileSize)
        } catch {
            throw FormPrintError.unreadableRoster(url.path, error.message)
        }
        let lines: [String]
        var supervisors: [String: String] = [:]
        if ["xlsx", "xls"].contains(url.pathExtension.lowercased()) {
            do {
                lines = try WorkbookImporter.firstColumn(data, file: url.path)
                if let sheet = try WorkbookImporter.sheets(data, file: url.path).first {
                    let rows = Dictionary(grouping: sheet.cells, by: \.row).sorted { $0.key < $1.key }.map { _, cells in
                        var row = [String](repeating: "", count: (cells.map(\.column).max() ?? 0))
                        for cell in cells where cell.column >= 1 { row[cell.column - 1] = cell.text }
                        return row
                    }
                    supervisors = Self.supervisors(rows)
                }
            } catch {
                throw FormPrintError.unreadableRoster(url.path, (error as? any HasMessage)?.message ?? Message(chinese: "\(error)", english: "\(error)"))
            }
        } else {
            guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .utf16) else {
                throw FormPrintError.unreadableRoster(url.path, SystemReason.notUTF8)
            }
            let rows = text.split(whereSeparator: \.isNewline).map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
            lines = rows.map { $0.first { !$0.isEmpty } ?? "" }
            supervisors = Self.supervisors(rows)
        }
        var seen: Set<String> = []
        let names = lines.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") && !headings.contains($0) && seen.insert($0).inserted }
        return Roster(units: names, supervisors: supervisors.filter { seen.contains($0.key) })
    }
}
