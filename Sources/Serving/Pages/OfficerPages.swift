import Evaluation
import Foundation

/// The officer's pages (填报): hand in a form, see it checked, fix it.
package struct OfficerPages: Sendable {
    package var frame: PageFrame
    var l: Language { frame.language }

    package func home(submissions: [SubmissionRecord], csrf: String, uploadLimit: Int) -> String {
        // The bureau's comment, when it returned the unit's standing submission.
        var body = submissions.first(where: \.official).map { ReturnNotice(language: l).box($0) } ?? ""
        body += """
            <p>\(l.pick("把自评表从 WPS 或 Excel 中选中复制，粘贴到下面；或上传工作簿（.xlsx/.xls）、Word文档（.docx）或单位文件（.yaml/.json）。FormPrint 识别表格和版式，逐格检查，并生成与命令行 <code>formprint render</code> 完全相同的 PDF。",
                         "Copy the form in WPS or Excel and paste it below, or upload the workbook (.xlsx/.xls), the Word document (.docx) or a unit file (.yaml/.json). FormPrint recognises the form and its layout, checks every cell and prints the same PDF as <code>formprint render</code>."))</p>
            <form method="post" action="/submit" enctype="multipart/form-data" id="submit-form">
            \(HTML.csrf(csrf))
            <h2>\(l.pick("粘贴表格", "Paste a table"))</h2>
            <textarea class="paste" name="text" id="paste" placeholder="\(l.pick("在此粘贴（Ctrl+V）", "Paste here (Ctrl+V)"))"></textarea>
            <h2>\(l.pick("或上传文件", "Or upload a file"))</h2>
            <p><input type="file" name="file" accept=".xlsx,.xlsm,.xls,.docx,.yaml,.yml,.json,.txt,.tsv"> \(l.pick("不超过", "at most")) \(uploadLimit >> 20) MB</p>
            <p><label><input type="checkbox" name="lenient" value="1"> \(l.pick("表格外多出的单元格只作提示，不算错误（同命令行 --lenient）", "A cell that fits no field is a note, not an error (as --lenient)"))</label></p>
            <p><button type="submit" id="check">\(l.pick("检查并生成", "Check and print"))</button></p>
            </form>
            """
        if !submissions.isEmpty {
            body += "<h2>\(l.pick("已提交", "Submitted"))</h2>" + SubmissionTable(language: l).table(submissions)
        }
        return frame.page(l.pick("填报自评表", "Hand in the self-evaluation"), path: "/", body: body)
    }

    package func submission(_ s: SubmissionRecord, files: [RenderedFileRecord], pasted: PastedGrid?, workbook: [StoredSheet] = [],
                            csrf: String) -> String {
        let id = s.id ?? 0
        let shapes = s.shapes
        let findings = s.findings
        var body = "<p>\(l.pick("单位：", "Unit: "))<strong>\(HTML.escape(s.unitName ?? "—"))</strong> · \(s.year.map(String.init) ?? "") · "
        body += "\(l.pick("提交于", "submitted")) \(DeskTime.text(s.submittedAt)) · <span class=\"status \(s.status.cssClass)\">\(s.status.name(l))</span> · "
        body += l.pick("错误 \(s.errors) 个，警告 \(s.warnings) 个，提示 \(s.notes) 个", "\(s.errors) errors, \(s.warnings) warnings, \(s.notes) notes")
        if let parent = s.parent { body += " · <a href=\"/s/\(parent)\">\(l.pick("修改前", "before the edit"))</a>" }
        body += "</p>"
        body += ReturnNotice(language: l).box(s)
        if let error = s.readError {
            body += "<p class=\"refusal\" id=\"read-error\">\(HTML.escape(error))</p>"
        }
        if s.errors > 0 {
            body += "<p class=\"notice\">\(l.pick("仍有错误：下载的每页都印有“草稿”。改正后重新检查即可得到正式版。", "Errors remain: every page of the downloads is marked 草稿 (draft). Fix them and check again."))</p>"
        }
        // Which cell each finding is on (pasted tables only).
        var marks: [String: [(number: Int, finding: StoredFinding)]] = [:]
        if let pasted {
            for (index, finding) in findings.enumerated() {
                if let cell = pasted.cell(line: finding.line, characterColumn: finding.column) {
                    marks["\(cell.line),\(cell.column)", default: []].append((index + 1, finding))
                }
            }
        }
        var list = "<ol class=\"findings\" id=\"findings\">"
        for (index, finding) in findings.enumerated() {
            let number = index + 1
            let chinese = "<span class=\"sev \(finding.severity)\">\(Self.severityName(finding.severity, l))[\(finding.code)]</span> "
            let text = l == .chinese ? finding.message : finding.english
            var anchor = ""
            let onShape = shapes.contains { $0.cells.contains { $0.path == finding.field && $0.written != nil } }
            if onShape {
                anchor = " <a href=\"#at-\(HTML.escape(String(Correction.field(of: finding.field).dropFirst(2))))\">\(l.pick("在表上", "on the form"))</a>"
            } else if let pasted, let cell = pasted.cell(line: finding.line, characterColumn: finding.column) {
                anchor = " <a href=\"#c-\(cell.line)-\(cell.column)\">\(l.pick("第\(cell.line)行第\(cell.column)列", "line \(cell.line) column \(cell.column)"))</a>"
            }
            let fix = finding.fixText(l).map { "<br><small class=\"fix\">\(l.pick("怎么改：", "What to do: "))\(HTML.escape($0))</small>" } ?? ""
            list += "<li id=\"f\(number)\" data-code=\"\(finding.code)\">\(chinese)\(HTML.escape(text))<br><small>\(l.pick("位置：", "Where: "))\(HTML.escape(finding.whereText(l)))</small>\(anchor)\(fix)</li>"
        }
        list += "</ol>"
        if findings.isEmpty && s.readError == nil { list = "<p>\(l.pick("没有发现问题。", "Nothing found."))</p>" }

        var main = ""
        let pngs = files.filter { $0.role == "png" }
        let downloads = files.filter { $0.role != "png" }
        if !downloads.isEmpty {
            main += "<h2>\(l.pick("下载", "Downloads"))</h2><ul class=\"downloads\">"
            for file in downloads {
                let label = file.role == "combined" ? l.pick("（合并PDF，带书签）", " (combined PDF with bookmarks)") : ""
                main += "<li><a href=\"/s/\(id)/file/\(file.position)\" class=\"download \(file.role)\">\(HTML.escape(file.downloadName))</a>\(label) <small>\(file.bytes / 1024) KB</small></li>"
            }
            main += "</ul>"
        }
        if !shapes.isEmpty {
            main += "<h2>\(l.pick("按表样改正", "Correct the form in its own shape"))</h2>"
            main += FormShapeView(shapes: shapes, language: l).html(submission: id, findings: findings, csrf: csrf)
        }
        if !pngs.isEmpty {
            main += "<h2>\(l.pick("页面预览", "Page previews"))</h2>"
            main += "<p><small>\(l.pick("点击一页，按原大（\(Int(Submitting.previewResolution)) dpi）打开。", "Click a page to open it full size (\(Int(Submitting.previewResolution)) dpi)."))</small></p><div class=\"previews\">"
            for (index, file) in pngs.enumerated() {
                main += "<figure><a href=\"/s/\(id)/file/\(file.position)\" class=\"full-size\" target=\"_blank\"><img src=\"/s/\(id)/file/\(file.position)\" alt=\"\(HTML.escape(file.downloadName))\" loading=\"lazy\"></a>"
                main += "<figcaption><a href=\"/s/\(id)/file/\(file.position)\" target=\"_blank\">\(l.pick("第\(index + 1)页 原大", "page \(index + 1), full size"))</a></figcaption></figure>"
            }
            main += "</div>"
        }
        if let pasted {
            let open = shapes.isEmpty ? " open" : ""
            main += "<details class=\"raw\"\(open)><summary>\(l.pick("粘贴的原始表格（可直接修改单元格后重新检查）", "The pasted table as it was (edit any cell, then check again)"))</summary>"
            main += "<form method=\"post\" action=\"/s/\(id)/recheck\" id=\"grid-form\">\(HTML.csrf(csrf))"
            main += "<p><button type=\"submit\" class=\"recheck\">\(l.pick("重新检查", "Check again"))</button></p>"
            main += "<div class=\"shape-wrap\">" + gridTable(pasted, marks: marks) + "</div>"
            main += "<p><button type=\"submit\" class=\"recheck\">\(l.pick("重新检查", "Check again"))</button></p></form></details>"
        } else if s.inputKind == .workbook || s.inputKind == .legacyWorkbook {
            let advice = shapes.isEmpty
                ? l.pick("工作簿中的问题以“工作表!单元格”标出（见右侧）。请在 WPS/Excel 中改正后重新上传，或复制整张表粘贴到首页，在网页中逐格修改。",
                         "Findings in a workbook are named by sheet!cell (see the list). Fix them in WPS/Excel and upload again, or copy the sheet, paste it on the home page and edit it cell by cell here.")
                : l.pick("上面按表样改正后生成新的提交（以单位文件保存）；下面是上传的工作簿原样，问题以“工作表!单元格”标出。",
                         "Corrections above make a new submission (kept as a unit file); below is the workbook as uploaded, findings named by sheet!cell.")
            main += "<details class=\"raw\"\(shapes.isEmpty ? " open" : "")><summary>\(l.pick("上传的工作簿原样", "The workbook as uploaded"))</summary>"
            main += "<p class=\"notice\">\(advice)</p><div class=\"shape-wrap\">" + WorkbookGrid(sheets: workbook, language: l).html(findings) + "</div></details>"
        }
        body += "<div class=\"layout\"><div class=\"main\">\(main)</div><aside><h2>\(l.pick("检查结果", "Findings"))</h2>\(list)</aside></div>"
        return frame.page(l.pick("自评表检查", "Checked form") + " #\(id)", path: "/s/\(id)", body: body)
    }

    func gridTable(_ grid: PastedGrid, marks: [String: [(number: Int, finding: StoredFinding)]]) -> String {
        var html = "<table class=\"grid\" id=\"grid\">"
        let width = grid.width
        for (l, line) in grid.lines.enumerated() {
            let number = l + 1
            if line.count == 1 && line[0].isEmpty { html += "<tr><td class=\"ln\">\(number)</td><td colspan=\"\(width)\"></td></tr>"; continue }
            html += "<tr><td class=\"ln\">\(number)</td>"
            // A title line (one text, then empty cells) spans the row; the
            // empty cells are kept as they are when the grid is posted.
            let shown = line.dropFirst().allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } ? [line[0]] : line
            for (c, text) in shown.enumerated() {
                let column = c + 1
                let here = marks["\(number),\(column)"] ?? []
                let worst = here.map(\.finding.severity).min { Self.rank($0) < Self.rank($1) }
                let span = c == shown.count - 1 && shown.count < width ? " colspan=\"\(width - shown.count + 1)\"" : ""
                let title = here.map { "[\($0.finding.code)] " + (self.l == .chinese ? $0.finding.message : $0.finding.english) }.joined(separator: "\n")
                html += "<td id=\"c-\(number)-\(column)\"\(span)\(worst.map { " class=\"\($0)\"" } ?? "")\(title.isEmpty ? "" : " title=\"\(HTML.escape(title))\"")>"
                html += here.map { "<a class=\"mark\" href=\"#f\($0.number)\">\($0.number)</a>" }.joined()
                let name = "r\(number)c\(column)"
                if text.count > 12 {
                    // A cell alone on its line (a report paragraph) spans the row.
                    let rows = shown.count == 1 ? min(8, text.count / 50 + 1) : min(6, text.count / 12 + 1)
                    html += "<textarea name=\"\(name)\" rows=\"\(rows)\">\(HTML.escape(text))</textarea>"
                } else {
                    // Sized to the text (a Chinese character is two), so columns fit what they hold.
                    let size = max(6, min(16, text.reduce(0) { $0 + ($1.isASCII ? 1 : 2) } + 1))
                    html += "<input name=\"\(name)\" value=\"\(HTML.escape(text))\" size=\"\(size)\">"
                }
                html += "<span class=\"printed\">\(HTML.escape(text))</span></td>"
            }
            html += "</tr>"
        }
        return html + "</table>"
    }

    static func rank(_ severity: String) -> Int { severity == "error" ? 0 : severity == "warning" ? 1 : 2 }

    static func severityName(_ severity: String, _ l: Language) -> String {
        switch severity {
        case "error": l.pick("错误", "error")
        case "warning": l.pick("警告", "warning")
        default: l.pick("提示", "note")
        }
    }
}

/// A list of submissions with links.
struct SubmissionTable {
    var language: Language

    func table(_ rows: [SubmissionRecord]) -> String {
        let l = language
        var html = "<table class=\"submissions\"><tr><th>#</th><th>\(l.pick("单位", "Unit"))</th><th>\(l.pick("提交时间", "Submitted"))</th><th>\(l.pick("状态", "Status"))</th><th>\(l.pick("错误/警告", "Errors/warnings"))</th><th>\(l.pick("提交人", "By"))</th></tr>"
        for s in rows {
            let id = s.id ?? 0
            html += "<tr><td><a href=\"/s/\(id)\">#\(id)</a></td><td>\(HTML.escape(s.unitName ?? "—"))</td><td>\(DeskTime.text(s.submittedAt))</td>"
            html += "<td><span class=\"status \(s.status.cssClass)\">\(s.status.name(l))</span></td><td>\(s.errors)/\(s.warnings)</td><td class=\"by\">\(Self.by(s, l))</td></tr>"
        }
        return html + "</table>"
    }

    /// Who handed it in: the unit, or the bureau (and whether the bureau's
    /// upload stands as the unit's submission).
    static func by(_ s: SubmissionRecord, _ l: Language) -> String {
        guard s.byBureau else { return l.pick("本单位", "the unit") }
        return s.official ? l.pick("财政局代交（正式提交）", "the bureau, as the unit's submission")
            : l.pick("财政局上传（非正式）", "the bureau (not the unit's submission)")
    }
}

/// Times as the bureau reads them: local wall-clock, to the minute.
enum DeskTime {
    static func text(_ seconds: Double) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }
}
