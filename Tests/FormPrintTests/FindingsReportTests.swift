import Foundation
import Testing
import TestSupport
import ZIPFoundation

@testable import Batch
@testable import FormPrint

/// The bureau's findings report: findings.xlsx read back with an
/// independent reader (openpyxl), findings.html loaded in headless
/// Chromium; the end of a batch names the units to act on.
@Suite(.serialized)
struct FindingsReportTests {
    /// A batch of the provincial examples, the seed, and the seed with a
    /// total that does not add up (FP201, an error), with a roster naming
    /// one unit that sent nothing.
    static func batch() throws -> (output: URL, summary: BatchSummary, roster: Roster) {
        let units = try temporaryFolder().appendingPathComponent("units")
        try FileManager.default.createDirectory(at: units, withIntermediateDirectories: true)
        for name in ["fujian-2024", "hunan-2024", "liuhe-2024"] {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Examples/\(name).yaml"),
                                             to: units.appendingPathComponent("\(name).yaml"))
        }
        let broken = try String(contentsOf: exampleUnit, encoding: .utf8)
            .replacingOccurrences(of: "unit:\n  name: 柳河县政务服务和数字化建设管理局", with: "unit:\n  name: 测试局")
            .replacingOccurrences(of: "      - source: 年度资金总和\n        initialBudget: 212.40", with: "      - source: 年度资金总和\n        initialBudget: 300.00")
        try broken.write(to: units.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let output = try temporaryFolder()
        let summary = try BatchFixture.run([units], output: output)
        let rosterFile = output.appendingPathComponent("roster.txt")
        try "单位名称\n示例市文化和旅游局\n测试局\n未交单位\n".write(to: rosterFile, atomically: true, encoding: .utf8)
        let roster = try Roster.read(rosterFile)
        try FindingsReport(summary: summary, roster: roster).write(into: output)
        return (output, summary, roster)
    }

    @Test("the roster is read from text (a heading skipped) and from the first column of a workbook")
    func roster() throws {
        let (_, _, roster) = try Self.batch()
        #expect(roster.units == ["示例市文化和旅游局", "测试局", "未交单位"])
        var sheet = XLSXWorkbook.Sheet(name: "名单")
        for (row, name) in ["单位名称", "示例市文化和旅游局", "", "测试局", "测试局"].enumerated() where !name.isEmpty {
            sheet.text("A\(row + 1)", name)
        }
        sheet.text("B2", "备注")
        let url = try temporaryFolder().appendingPathComponent("名单.xlsx")
        try XLSXWorkbook(sheets: [sheet]).data().write(to: url)
        #expect(try Roster.read(url).units == ["示例市文化和旅游局", "测试局"])
    }

    @Test(.enabled(if: OFDTests.readerPython != nil, "openpyxl is not installed: run Scripts/ofd/make-venv.sh (CI does)"))
    func workbookReadsBack() throws {
        let (output, summary, _) = try Self.batch()
        let script = """
            import json, sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            out = {}
            for sheet in book.worksheets:
                rows = [[c.value for c in row] for row in sheet.iter_rows()]
                out[sheet.title] = {"rows": rows, "frozen": sheet.freeze_panes, "filter": sheet.auto_filter.ref,
                                    "widths": [sheet.column_dimensions[k].width for k in sorted(sheet.column_dimensions)],
                                    "heights": {str(k): d.height for k, d in sheet.row_dimensions.items() if d.height},
                                    "orientation": sheet.page_setup.orientation, "fitToWidth": sheet.page_setup.fitToWidth,
                                    "fitToPage": sheet.sheet_properties.pageSetUpPr.fitToPage, "printTitles": sheet.print_title_rows}
            print(json.dumps(out, ensure_ascii=False))
            """
        let scriptURL = try temporaryFolder().appendingPathComponent("read.py")
        try script.write(to: scriptURL, atomically: true, encoding: .utf8)
        let result = try run(try #require(OFDTests.readerPython), [scriptURL.path, output.appendingPathComponent("findings.xlsx").path])
        #expect(result.status == 0, "\(result.output)")
        let json = try #require(result.output.split(separator: "\n").last.map(String.init))
        #expect(!result.output.contains("Warning"), "\(result.output)")
        let book = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [String: Any]])
        #expect(Set(book.keys) == ["问题清单", "单位状态"])
        let findings = try #require(book["问题清单"]?["rows"] as? [[Any]])
        #expect(findings.first as? [String] == ["单位", "文档", "级别", "代码", "问题", "表中位置", "文件位置", "怎么改"])
        #expect(book["问题清单"]?["frozen"] as? String == "A2")
        #expect((book["问题清单"]?["filter"] as? String)?.hasPrefix("A1:H") == true)
        // As LibreOffice showed it (issue 17): printed landscape, one page wide, the header on every
        // page; columns as wide as their text up to a cap; a row with a long message is tall
        // enough for its wrapped lines.
        #expect(book["问题清单"]?["orientation"] as? String == "landscape")
        #expect(book["问题清单"]?["fitToWidth"] as? Int == 1 && book["问题清单"]?["fitToPage"] as? Bool == true)
        #expect(book["问题清单"]?["printTitles"] as? String == "$1:$1")
        let widths = try #require(book["问题清单"]?["widths"] as? [Double])
        #expect(widths.count == 8 && widths[2] < 10 && widths[4] <= 70, "\(widths)")
        let heights = try #require(book["问题清单"]?["heights"] as? [String: Double])
        #expect(!heights.isEmpty && heights.values.allSatisfy { $0 >= 28.5 }, "\(heights)")
        // One row per finding of every unit.
        let recorded = summary.units.reduce(0) { $0 + $1.allRecords.count }
        #expect(findings.count - 1 == recorded)
        let fp201 = try #require(findings.first { ($0[3] as? String) == "FP201" } as? [String])
        #expect(fp201[0] == "测试局" && fp201[2] == "错误" && fp201[4].contains("年度资金总和的年初预算数为300.00"))
        // The place in the officer's words, the file place beside it, what to do — no field path.
        #expect(fp201[5] == "项目支出绩效自评表「2024年政数局综合类项目」资金「年度资金总和」行的年初预算数", "\(fp201[5])")
        #expect(fp201[6] == "broken.yaml:47:24" && fp201[7].hasPrefix("核对合计行"))
        #expect(!findings.joined().contains { ($0 as? String)?.contains("projects[") == true })
        let units = try #require(book["单位状态"]?["rows"] as? [[Any]])
        let statuses = units.dropFirst().map { "\($0[0]) \($0[2])" }
        #expect(statuses.first == "测试局 有错误")
        #expect(statuses.contains("未交单位 未提交"))
        #expect(statuses.last?.hasSuffix("通过") == true || statuses.last?.hasSuffix("有警告") == true)
    }

    static let soffice: String? = ["/usr/bin/soffice", "/usr/bin/libreoffice"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Issue 27, item 4: the printed 问题清单 is legible. Rendered by
    /// LibreOffice headless (with FormPrint's bundled fonts, as an office
    /// machine has 宋体): landscape A4, one page wide, the header on every
    /// page, the text at 9 pt or more.
    @Test(.enabled(if: soffice != nil, "LibreOffice is not installed (CI installs libreoffice-calc-nogui)"))
    func workbookPrintsLegibly() throws {
        let (output, _, _) = try Self.batch()
        let profile = try temporaryFolder()
        let fonts = try temporaryFolder().appendingPathComponent("fonts.conf")
        try """
            <?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
            <fontconfig><dir>\(repositoryRoot.appendingPathComponent("Fonts").path)</dir><include ignore_missing="yes">/etc/fonts/fonts.conf</include></fontconfig>
            """.write(to: fonts, atomically: true, encoding: .utf8)
        let pdfFolder = try temporaryFolder()
        let converted = try run("env", ["FONTCONFIG_FILE=\(fonts.path)", try #require(Self.soffice), "-env:UserInstallation=file://\(profile.path)",
                                        "--headless", "--convert-to", "pdf", "--outdir", pdfFolder.path, output.appendingPathComponent("findings.xlsx").path])
        let pdf = pdfFolder.appendingPathComponent("findings.pdf")
        #expect(FileManager.default.fileExists(atPath: pdf.path), "\(converted.output)")
        let boxes = try run("pdftotext", ["-bbox", pdf.path, "-"]).output
        let pages = boxes.components(separatedBy: "<page ").dropFirst()
        #expect(!pages.isEmpty)
        // Landscape A4 (842 × 595 pt).
        for page in pages {
            let size = page.prefix { $0 != ">" }
            #expect(size.contains("width=\"841.") || size.contains("width=\"842."), "\(size)")
        }
        // One page wide: every page of the 问题清单 starts with the header's 单位 … 怎么改.
        let findingsPages = pages.filter { $0.contains(">级别<") }
        #expect(!findingsPages.isEmpty)
        for page in findingsPages { #expect(page.contains(">怎么改<") && page.contains(">文件位置<"), "a page without the whole header row") }
        // The font size: a CJK character is one em wide, so a word of CJK
        // characters alone is as wide as their count times the size.
        let sizes = findingsPages.flatMap { page in
            page.components(separatedBy: "<word ").dropFirst().compactMap { word -> Double? in
                func value(_ name: String) -> Double? {
                    guard let range = word.range(of: name + "=\"") else { return nil }
                    return Double(word[range.upperBound...].prefix { $0 != "\"" })
                }
                guard let start = word.firstIndex(of: ">"), let end = word.range(of: "</word>") else { return nil }
                let text = word[word.index(after: start)..<end.lowerBound]
                guard text.count >= 2, text.unicodeScalars.allSatisfy({ (0x4E00...0x9FFF).contains($0.value) }),
                      let left = value("xMin"), let right = value("xMax") else { return nil }
                return (right - left) / Double(text.count)
            }
        }.sorted()
        let median = try #require(sizes.isEmpty ? nil : sizes[sizes.count / 2])
        #expect(median >= 9, "the text prints at about \(median) pt")
    }

    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: chromium != nil, "Debian's chromium is not installed (CI installs it)"))
    func pageInHeadlessChromium() throws {
        let (output, _, _) = try Self.batch()
        let page = output.appendingPathComponent("findings.html")
        let browser = try #require(Self.chromium)
        let profile = try temporaryFolder()
        let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)"]
        let dom = try run(browser, flags + ["--dump-dom", page.absoluteString])
        #expect(dom.status == 0)
        // The units table in status order, worst first, each linked to its section.
        let rows = dom.output.components(separatedBy: "<tr class=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        let units = rows.filter { ["failed", "errors", "notSubmitted", "warnings", "clean"].contains(String($0)) }
        #expect(units.first == "errors")
        #expect(units == units.sorted { ["failed", "errors", "notSubmitted", "warnings", "clean"].firstIndex(of: String($0))! < ["failed", "errors", "notSubmitted", "warnings", "clean"].firstIndex(of: String($1))! })
        #expect(dom.output.contains("未交单位") && dom.output.contains("未提交"))
        #expect(dom.output.contains("FP201"))
        // Links to the PDFs resolve to files the batch wrote.
        let links = dom.output.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }.filter { $0.hasSuffix(".pdf") }
        #expect(!links.isEmpty)
        for link in links {
            let path = try #require(link.removingPercentEncoding)
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path), "\(path)")
        }
        // The screenshot uses FormPrint's bundled fonts (machines without a
        // Chinese font show boxes; office machines have 宋体).
        let fonts = try temporaryFolder().appendingPathComponent("fonts.conf")
        try """
            <?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
            <fontconfig><dir>\(repositoryRoot.appendingPathComponent("Fonts").path)</dir><include ignore_missing="yes">/etc/fonts/fonts.conf</include></fontconfig>
            """.write(to: fonts, atomically: true, encoding: .utf8)
        let shot = output.appendingPathComponent("findings.png")
        _ = try run("env", ["FONTCONFIG_FILE=\(fonts.path)", browser] + flags + ["--screenshot=\(shot.path)", "--window-size=1280,1600", page.absoluteString])
        #expect(FileManager.default.fileExists(atPath: shot.path))
    }

    @Test("a unit name a spreadsheet would run as a formula is written as text in findings.xlsx")
    func workbookCellsAreNeutralised() throws {
        let unit = UnitSummary(input: "u.yaml", position: 0, unit: "=HYPERLINK(\"http://x\")", year: 2024, status: .rendered)
        let data = try FindingsReport(summary: BatchSummary(units: [unit])).workbookData()
        let archive = try Archive(data: data, accessMode: .read)
        var sheet = Data()
        _ = try archive.extract(try #require(archive["xl/worksheets/sheet2.xml"])) { sheet.append($0) }
        let xml = String(decoding: sheet, as: UTF8.self)
        #expect(xml.contains("<t xml:space=\"preserve\">'=HYPERLINK(&quot;http://x&quot;)</t>"))
    }

    @Test("columns are as wide as their text up to a cap, and a row whose text wraps is as tall as its lines")
    func widthsAndHeights() {
        let sheet = SpreadsheetWriter.Sheet(name: "问题清单", header: ["单位", "级别", "问题"],
                                            rows: [[.text("柳河县教育局"), .text("警告"), .text(String(repeating: "很长的说明", count: 20))],
                                                   [.text("短"), .text("提示"), .text("短句")]],
                                            widths: [36, 8, 70])
        // 单位: six CJK characters (12 units) + 2; 级别: the header + 4; 问题: capped at 70.
        #expect(sheet.fittedWidths == [14, 8, 70])
        // 100 CJK characters are 200 units: three lines in a 70-wide column, 14.25 pt each.
        #expect(SpreadsheetWriter.height(sheet.rows[0], widths: sheet.fittedWidths) == 3 * 14.25)
        #expect(SpreadsheetWriter.height(sheet.rows[1], widths: sheet.fittedWidths) == nil)
        let xml = SpreadsheetWriter.worksheet(sheet)
        #expect(xml.contains("<row r=\"2\" ht=\"42.75\" customHeight=\"1\">") && xml.contains("<row r=\"3\">"))
        #expect(xml.contains("orientation=\"landscape\"") && xml.contains("fitToWidth=\"1\"") && xml.contains("<pageSetUpPr fitToPage=\"1\"/>"))
        #expect(SpreadsheetWriter.workbook([sheet]).contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'问题清单'!$1:$1</definedName>"))
    }
}
