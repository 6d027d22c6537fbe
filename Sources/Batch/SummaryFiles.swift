import Evaluation
import FormPrint
import Foundation
import InputReading
import Support

/// `summary.json`, `summary.csv` and the terminal table: views of a
/// `BatchSummary`.
package enum SummaryFiles {
    /// `summary.json`, or `summary-K-of-N.json` for a shard so that shards
    /// writing to one shared folder do not overwrite each other.
    package static func baseName(shard: Shard?) -> String {
        shard.map { "summary-\($0.index)-of-\($0.count)" } ?? "summary"
    }

    /// Writes `<base>.json` and `<base>.csv` into `folder`, atomically;
    /// the CSV's headings and statuses in `language`.
    @discardableResult
    package static func write(_ summary: BatchSummary, into folder: URL, baseName: String = "summary",
                              language: Language = .current) throws -> [URL] {
        let json = folder.appendingPathComponent(baseName + ".json")
        let csv = folder.appendingPathComponent(baseName + ".csv")
        try AtomicFile.write(try self.json(summary), to: json)
        try AtomicFile.write(Data(self.csv(summary, in: language).utf8), to: csv)
        return [json, csv]
    }

    package static func json(_ summary: BatchSummary) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(summary) + Data("\n".utf8)
    }

    package static func read(_ url: URL) throws -> BatchSummary {
        do {
            let data: Data
            do {
                data = try RegularFile.read(url, limit: 256 << 20)
            } catch {
                throw FormPrintError.unreadableSummary(url.path, error.message)
            }
            do {
                return try JSONDecoder().decode(BatchSummary.self, from: data)
            } catch {
                throw FormPrintError.unreadableSummary(url.path, Message(
                    chinese: "它不是FormPrint批量生成写出的summary.json（\(error)）", english: "it is not a summary.json written by formprint batch (\(error))"))
            }
        }
    }

    /// The CSV's headings: the run's language, since the bureau opens it
    /// in WPS or Excel (summary.json keeps its stable English keys).
    static let csvColumns: [Message] = [
        Message(chinese: "单位", english: "unit"), Message(chinese: "年度", english: "year"),
        Message(chinese: "文档", english: "document"), Message(chinese: "项目", english: "project"),
        Message(chinese: "文件", english: "file"), Message(chinese: "页数", english: "pages"),
        Message(chinese: "问题", english: "findings"), Message(chinese: "总分", english: "total score"),
        Message(chinese: "等级", english: "grade"), Message(chinese: "状态", english: "status"),
        Message(chinese: "输入文件", english: "input"),
    ]

    /// One row per document (a failed unit: one row with its errors), with
    /// a UTF-8 byte order mark so that Excel and WPS open the Chinese text
    /// correctly.
    package static func csv(_ summary: BatchSummary, in language: Language = .current) -> String {
        var lines = [row(csvColumns.map { $0.text(in: language) })]
        for unit in summary.units {
            let year = unit.year.map(String.init) ?? ""
            if unit.documents.isEmpty {
                let findings = (unit.errors + unit.warnings).joined(separator: "; ")
                // A file that failed is listed under the unit it names, when it can be read that far.
                lines.append(row([RosterMatch.unitName(unit) ?? "", year, "", "", "", "", findings, "", "", unit.status.word.text(in: language), unit.input]))
            }
            for document in unit.documents {
                let findings = (unit.errors + unit.warnings + document.findings).joined(separator: "; ")
                lines.append(row([unit.unit ?? "", year, document.document, document.project ?? "", document.files.first ?? "",
                                  String(document.pages), findings, document.totalScore ?? "", document.grade ?? "",
                                  unit.status.word.text(in: language), unit.input]))
            }
        }
        // A merged summary without some shard says so, rather than look complete.
        for shard in summary.missingShards {
            lines.append(row(["", "", "", "", "", "", Message(chinese: "缺少分片\(shard)的汇总：其单位未列出", english: "no summary of shard \(shard): its units are not listed").text(in: language),
                              "", "", Message(chinese: "缺少", english: "missing").text(in: language),
                              Message(chinese: "分片\(shard)", english: "shard \(shard)").text(in: language)]))
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// One CSV line (`SpreadsheetText.csvField`: neutralised and quoted).
    static func row(_ fields: [String]) -> String {
        fields.map(SpreadsheetText.csvField).joined(separator: ",")
    }

    /// The table printed at the end of a run.
    package static func table(_ summary: BatchSummary, in language: Language = .current) -> String {
        func say(_ chinese: String, _ english: String) -> String { Message(chinese: chinese, english: english).text(in: language) }
        let totals = summary.totals
        var outcome = [say("生成\(totals.rendered)个", "\(totals.rendered) rendered")]
        if totals.unchanged > 0 { outcome.append(say("未变\(totals.unchanged)个", "\(totals.unchanged) unchanged")) }
        if totals.failed > 0 { outcome.append(say("无法生成\(totals.failed)个", "\(totals.failed) failed")) }
        if totals.notStarted > 0 { outcome.append(say("未开始\(totals.notStarted)个", "\(totals.notStarted) not started")) }
        if !summary.missingShards.isEmpty {
            outcome.append(say("不完整：缺少分片" + summary.missingShards.joined(separator: "、") + "的汇总",
                               "incomplete: no summary of shard " + summary.missingShards.joined(separator: ", ")))
        }
        let perSecond = summary.seconds > 0 ? Double(totals.rendered + totals.unchanged) / summary.seconds : 0
        let rate = summary.seconds > 0 ? say(String(format: "每秒%.1f个单位", perSecond), String(format: "%.1f units/s", perSecond)) : ""
        let rows: [(String, String, String)] = [
            (say("单位", "units"), String(totals.units), outcome.joined(separator: say("，", ", "))),
            (say("文档", "documents"), String(totals.documents), ""),
            (say("页数", "pages"), String(totals.pages), ""),
            (say("警告", "warnings"), String(totals.warnings), ""),
            (say("错误", "errors"), String(totals.errors), ""),
            (say("用时", "time"), String(format: "%.1f s", summary.seconds), rate),
        ]
        let width = rows.map(\.1.count).max() ?? 0
        var lines = rows.map { name, value, note in
            "  " + name.paddedToColumns(10) + value.leftPadded(to: width, with: " ") + (note.isEmpty ? "" : "   " + note)
        }
        let title = summary.interrupted ? say("FormPrint 批量生成（已中断）", "FormPrint batch (interrupted)") : say("FormPrint 批量生成", "FormPrint batch")
        lines.insert(title + (summary.shard.map { say("，分片\($0)", ", shard \($0)") } ?? ""), at: 0)
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// The text followed by spaces up to `columns` terminal columns, a
    /// CJK character taking two.
    package func paddedToColumns(_ columns: Int) -> String {
        let width = reduce(0) { $0 + (($1.unicodeScalars.first?.value ?? 0) >= 0x1100 ? 2 : 1) }
        return self + String(repeating: " ", count: max(0, columns - width))
    }
}
