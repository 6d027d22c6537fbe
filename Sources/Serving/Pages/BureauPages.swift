import Batch
import Evaluation
import FormPrint
import Foundation

/// One line of the bureau's table: a unit, expected or not, and its latest
/// submission.
package struct UnitLine: Sendable {
    package var name: String
    package var onRoster: Bool
    package var hasCode: Bool
    package var latest: SubmissionRecord?
    /// The bureau's latest upload for the unit that does not stand as its
    /// submission (shown beside it when newer; it replaces nothing).
    package var bureauCopy: SubmissionRecord? = nil
    /// 主管部门: the roster's, else what the unit's forms give.
    package var supervisor: String? = nil

    package var status: UnitStatus { latest?.status ?? .notSubmitted }

    /// 总分 and 等级 of each project form, as the batch summary gives them.
    package var scores: [(project: String, total: String?, grade: String?)] {
        guard let json = latest?.summaryJSON, let summary = try? JSONDecoder().decode(UnitSummary.self, from: Data(json.utf8)) else { return [] }
        return summary.documents.compactMap { d in
            d.totalScore == nil && d.grade == nil ? nil : (d.project ?? d.document, d.totalScore, d.grade)
        }
    }

    /// Roster units and every unit that submitted, worst first, then by
    /// name in natural order.
    package static func lines(roster: [RosterUnit], latest: [String: SubmissionRecord],
                              bureauCopies: [String: SubmissionRecord] = [:]) -> [UnitLine] {
        var lines = roster.map { unit in
            UnitLine(name: unit.name, onRoster: true, hasCode: unit.codeHash != nil, latest: latest[unit.name],
                     supervisor: unit.supervisor ?? latest[unit.name]?.supervisor)
        }
        let named = Set(roster.map(\.name))
        for (name, submission) in latest where !named.contains(name) {
            lines.append(UnitLine(name: name, onRoster: false, hasCode: false, latest: submission, supervisor: submission.supervisor))
        }
        for name in bureauCopies.keys where !named.contains(name) && latest[name] == nil {
            lines.append(UnitLine(name: name, onRoster: false, hasCode: false, latest: nil))
        }
        for index in lines.indices {
            if let copy = bureauCopies[lines[index].name], (copy.id ?? 0) > (lines[index].latest?.id ?? 0) { lines[index].bureauCopy = copy }
        }
        return UnitFilter().apply(lines)
    }
}

/// The bureau's comment on a returned submission, as the unit and the
/// bureau see it.
struct ReturnNotice {
    var language: Language

    func box(_ s: SubmissionRecord, forBureau: Bool = false) -> String {
        let l = language
        guard let at = s.returnedAt else { return "" }
        let head = forBureau ? l.pick("已于 \(DeskTime.text(at)) 退回修改，等待单位重新提交。", "Returned for revision at \(DeskTime.text(at)); waiting for the unit to submit again.")
            : l.pick("财政局已于 \(DeskTime.text(at)) 退回这份材料，请按下面的意见修改后重新提交：", "The finance bureau returned this submission at \(DeskTime.text(at)). Revise it as the comment says and submit again:")
        return "<div class=\"returned-box\" id=\"returned\"><p><strong>\(head)</strong> <a href=\"/s/\(s.id ?? 0)\">#\(s.id ?? 0)</a></p>"
            + "<p class=\"return-comment\">\(HTML.escape(s.returnComment ?? "").replacingOccurrences(of: "\n", with: "<br>"))</p></div>"
    }
}

/// The bureau's pages (汇总).
package struct BureauPages: Sendable {
    package var frame: PageFrame
    var l: Language { frame.language }

    package func overview(_ lines: [UnitLine], filter: UnitFilter = UnitFilter(), csrf: String, message: String? = nil,
                          address: String = "") -> String {
        var counts: [UnitStatus: Int] = [:]
        for line in lines { counts[line.status, default: 0] += 1 }
        let supervisors = Set(lines.compactMap(\.supervisor)).sorted(by: NaturalOrder.precedes)
        var body = message.map { "<p class=\"notice\">\(HTML.escape($0))</p>" } ?? ""
        // Each count is the link to its filtered view.
        body += "<p id=\"counts\">" + UnitStatus.allCases.map { status in
            "<a class=\"status \(status.cssClass)\" href=\"/bureau?status=\(status.key)\">\(status.name(l)) \(counts[status] ?? 0)</a>"
        }.joined(separator: " ") + "</p>"
        // Above the table: at 300 units, the codes form below it is far away.
        let roster = lines.filter(\.onRoster)
        body += bulkCodes(roster: roster.count, withoutCode: roster.filter { !$0.hasCode }.count, address: address, csrf: csrf)
        body += filterForm(filter, supervisors: supervisors)
        let shown = filter.apply(lines)
        body += "<p id=\"shown\">" + (filter.isEmpty ? l.pick("共 \(lines.count) 个单位", "\(lines.count) units")
            : l.pick("显示 \(shown.count) 个单位（共 \(lines.count) 个）", "Showing \(shown.count) of \(lines.count) units")) + "</p>"
        body += "<table class=\"units\" id=\"units\"><tr><th>\(l.pick("单位", "Unit"))</th><th>\(l.pick("状态", "Status"))</th><th>\(l.pick("总分", "Total"))</th><th>\(l.pick("等级", "Grade"))</th><th>\(l.pick("最近提交", "Last submission"))</th><th>\(l.pick("错误/警告", "Errors/warnings"))</th>"
        if !supervisors.isEmpty { body += "<th>\(l.pick("主管部门", "Supervising department"))</th>" }
        if frame.requiresLogin { body += "<th class=\"no-print\">\(l.pick("访问码", "Access code"))</th>" }
        body += "</tr>"
        for line in shown {
            let scores = line.scores
            body += "<tr data-unit=\"\(HTML.escape(line.name))\"><td><a href=\"/bureau/unit?name=\(HTML.query(line.name))\">\(HTML.escape(line.name))</a>\(line.onRoster ? "" : " <small>（\(l.pick("不在名单中", "not on the roster"))）</small>")</td>"
            body += "<td><span class=\"status \(line.status.cssClass)\">\(line.status.name(l))</span></td>"
            body += "<td>\(HTML.escape(scores.compactMap(\.total).joined(separator: "<br>")))</td><td>\(HTML.escape(scores.compactMap(\.grade).joined(separator: " ")))</td>"
            body += "<td>\(line.latest.map { "<a href=\"/s/\($0.id ?? 0)\">\(DeskTime.text($0.submittedAt))</a>" + ($0.byBureau ? " <small class=\"by-bureau\">\(l.pick("（财政局代交）", "(by the bureau)"))</small>" : "") } ?? "—")"
            if let copy = line.bureauCopy {
                body += "<br><small class=\"bureau-copy\">\(l.pick("财政局上传", "Bureau's upload")) <a href=\"/s/\(copy.id ?? 0)\">#\(copy.id ?? 0)</a>\(l.pick("（非正式，未替换单位的提交）", " (not the unit's submission; replaces nothing)"))</small>"
            }
            body += "</td>"
            body += "<td>\(line.latest.map { "\($0.errors)/\($0.warnings)" } ?? "")</td>"
            if !supervisors.isEmpty { body += "<td class=\"supervisor\">\(HTML.escape(line.supervisor ?? ""))</td>" }
            if frame.requiresLogin {
                body += "<td class=\"no-print\">" + (line.onRoster ? "<form method=\"post\" action=\"/bureau/code\" class=\"inline\">\(HTML.csrf(csrf))<input type=\"hidden\" name=\"unit\" value=\"\(HTML.escape(line.name))\"><button>\(line.hasCode ? l.pick("重新发放", "Issue again") : l.pick("发放访问码", "Issue a code"))</button></form> <form method=\"post\" action=\"/bureau/remove\" class=\"inline\">\(HTML.csrf(csrf))<input type=\"hidden\" name=\"unit\" value=\"\(HTML.escape(line.name))\"><button>\(l.pick("移出名单", "Remove"))</button></form>" : "") + "</td>"
            }
            body += "</tr>"
        }
        body += "</table>"
        body += "<h2 class=\"no-print\">\(l.pick("导出", "Export"))</h2><ul class=\"no-print\">"
        body += "<li><a href=\"/bureau/findings.xlsx\">findings.xlsx</a>（\(l.pick("各单位问题清单", "every unit's findings"))）</li>"
        body += "<li><a href=\"/bureau/pdfs.zip\">\(l.pick("全部PDF（zip）", "All PDFs (zip)"))</a></li>"
        if supervisors.isEmpty {
            body += "<li>\(l.pick("按主管部门合订：名单没有“主管部门”一列，所提交的表格也都没有填写（吉林版式没有这一栏），无法分组。请在名单中加一列“主管部门”。", "Booklets by 主管部门: the roster has no 主管部门 column and no submitted form gives one (the 吉林 layout has no such cell), so there is nothing to group by. Add a 主管部门 column to the roster."))</li>"
        } else {
            for supervisor in supervisors {
                body += "<li><a href=\"/bureau/booklet?supervisor=\(HTML.query(supervisor))\">\(l.pick("合订本", "Booklet"))：\(HTML.escape(supervisor))</a></li>"
            }
        }
        body += "</ul>"
        body += uploadForUnit(roster.map(\.name), csrf: csrf)
        body += """
            <h2 class="no-print">\(l.pick("单位名单", "Roster"))</h2>
            <form method="post" action="/bureau/roster" enctype="multipart/form-data" class="no-print">\(HTML.csrf(csrf))
            <p>\(l.pick("每行一个单位名称，或上传工作簿（第一列为单位名称）。可加一列“主管部门”（表头写“主管部门”；粘贴时用制表符分隔，从 Excel 复制两列即可），用于筛选、合订本和压缩包分组。", "One unit name per line, or a workbook whose first column lists the units. A column headed 主管部门 (tab-separated when pasted: copy two columns from Excel) gives each unit its supervising department, for the filters, the booklets and the zip's folders."))</p>
            <textarea name="text" rows="5" cols="50"></textarea><br><input type="file" name="file" accept=".xlsx,.xls,.txt">
            <button>\(l.pick("保存名单", "Save the roster"))</button></form>
            <form method="post" action="/bureau/rerender" class="no-print">\(HTML.csrf(csrf))
            <p><button>\(l.pick("全部重新生成", "Re-render all"))</button> \(l.pick("（更换版式或评分办法后）", "(after a layout or profile change)"))</p></form>
            <p class="no-print"><a href="/bureau/audit">\(l.pick("操作记录", "Audit log"))</a></p>
            """
        return frame.page(l.pick("汇总：各单位提交情况", "Bureau: who has submitted"), path: "/bureau" + filter.queryString, body: body)
    }

    /// Search, status, 主管部门 and order as a GET form: the view's address
    /// is its bookmark, and it needs no script.
    func filterForm(_ filter: UnitFilter, supervisors: [String]) -> String {
        func option(_ value: String, _ label: String, selected: Bool) -> String {
            "<option value=\"\(HTML.escape(value))\"\(selected ? " selected" : "")>\(HTML.escape(label))</option>"
        }
        var html = "<form method=\"get\" action=\"/bureau\" id=\"filter\" class=\"no-print\"><p>"
        html += "<label>\(l.pick("单位名称", "Unit name")) <input type=\"search\" name=\"q\" value=\"\(HTML.escape(filter.query))\" size=\"20\"></label> "
        html += "<label>\(l.pick("状态", "Status")) <select name=\"status\">" + option("", l.pick("全部", "all"), selected: filter.status == nil)
        html += UnitStatus.allCases.map { option($0.key, $0.name(l), selected: filter.status == $0) }.joined() + "</select></label> "
        if !supervisors.isEmpty || filter.supervisor != nil {
            html += "<label>\(l.pick("主管部门", "Supervising department")) <select name=\"supervisor\">" + option("", l.pick("全部", "all"), selected: filter.supervisor == nil)
            html += supervisors.map { option($0, $0, selected: filter.supervisor == $0) }.joined() + "</select></label> "
        }
        html += "<label>\(l.pick("排序", "Order")) <select name=\"sort\">" + option("status", l.pick("问题多的在前", "worst first"), selected: filter.order == .status)
        html += option("name", l.pick("按单位名称", "by name"), selected: filter.order == .name) + "</select></label> "
        html += "<button>\(l.pick("筛选", "Filter"))</button>"
        if !filter.isEmpty || filter.order != .status { html += " <a href=\"/bureau\">\(l.pick("清除筛选", "Clear"))</a>" }
        return html + "</p></form>"
    }

    /// The administrator's upload for a unit: the bureau's copy unless
    /// "作为该单位的正式提交" is ticked.
    func uploadForUnit(_ units: [String], csrf: String) -> String {
        guard frame.requiresLogin, !units.isEmpty else { return "" }
        let options = units.map { "<option>\(HTML.escape($0))</option>" }.joined()
        return """
            <h2 class="no-print">\(l.pick("为单位上传", "Upload for a unit"))</h2>
            <form method="post" action="/submit" enctype="multipart/form-data" class="no-print" id="bureau-upload">\(HTML.csrf(csrf))
            <p><label>\(l.pick("单位", "Unit")) <select name="unit">\(options)</select></label></p>
            <textarea name="text" rows="4" cols="50" placeholder="\(l.pick("粘贴表格", "Paste a table"))"></textarea><br>
            <input type="file" name="file" accept=".xlsx,.xlsm,.xls,.docx,.yaml,.yml,.json,.txt,.tsv">
            <p><label><input type="checkbox" name="official" value="1"> \(l.pick("作为该单位的正式提交", "As the unit's own submission"))</label>
            <small>\(l.pick("（不勾选时只作为财政局的副本保存，不替换单位自己的提交）", "(unticked, it is kept as the bureau's copy and replaces nothing of the unit's)"))</small></p>
            <p><button>\(l.pick("上传并检查", "Upload and check"))</button></p></form>
            """
    }

    package func unit(_ name: String, history: [SubmissionRecord], csrf: String = "") -> String {
        var body = ""
        // The submission that stands as the unit's: the one to return.
        if let standing = history.first(where: \.official) {
            if standing.returnedAt != nil {
                body += ReturnNotice(language: l).box(standing, forBureau: true)
            } else {
                body += """
                    <form method="post" action="/bureau/return" id="return-form" class="no-print">\(HTML.csrf(csrf))
                    <input type="hidden" name="id" value="\(standing.id ?? 0)">
                    <h2>\(l.pick("退回修改", "Return for revision"))</h2>
                    <p>\(l.pick("把最近一次提交", "Return the latest submission")) <a href="/s/\(standing.id ?? 0)">#\(standing.id ?? 0)</a> \(l.pick("退回给单位修改。单位登录后会看到下面的意见；汇总表显示“已退回”，直到单位重新提交。", "to the unit. The unit sees the comment below when it logs in; the table shows it as returned until the unit submits again."))</p>
                    <p><textarea name="comment" rows="3" cols="70" placeholder="\(l.pick("退回意见：需要修改什么（哪张表、哪一行）", "What must change (which form, which row)"))"></textarea></p>
                    <p><button>\(l.pick("退回修改", "Return for revision"))</button></p></form>
                    """
            }
        }
        if let latest = history.first {
            body += "<h2>\(l.pick("最近一次提交的问题", "Findings of the latest submission"))</h2><ol class=\"findings\">"
            if let error = latest.readError { body += "<li class=\"sev error\">\(HTML.escape(error))</li>" }
            for finding in latest.findings {
                body += "<li><span class=\"sev \(finding.severity)\">[\(finding.code)]</span> \(HTML.escape(l == .chinese ? finding.message : finding.english)) <small>\(l.pick("位置：", "Where: "))\(HTML.escape(finding.whereText(l)))</small></li>"
            }
            body += "</ol>"
            body += "<h2>\(l.pick("提交历史", "History"))</h2>" + SubmissionTable(language: l).table(history)
        } else {
            body += "<p>\(l.pick("尚未提交。", "Nothing submitted yet."))</p>"
        }
        return frame.page(name, path: "/bureau/unit?name=" + HTML.query(name), body: body)
    }

    package func codeIssued(unit: String, code: String) -> String {
        let body = """
            <p>\(l.pick("请把下面的访问码告知", "Give this access code to")) <strong>\(HTML.escape(unit))</strong>\(l.pick("。它只显示这一次；遗失后可重新发放（旧码随即失效）。", ". It is shown only this once; issuing again makes the old one invalid."))</p>
            <p class="code" id="code">\(HTML.escape(code))</p><p><a href="/bureau">\(l.pick("返回汇总", "Back"))</a></p>
            """
        return frame.page(l.pick("访问码", "Access code"), path: "/bureau", body: body)
    }

    package func audit(_ lines: [SubmissionStore.AuditLine]) -> String {
        var body = "<table><tr><th>\(l.pick("时间", "When"))</th><th>\(l.pick("操作人", "Who"))</th><th>\(l.pick("操作", "What"))</th><th>\(l.pick("内容", "Detail"))</th></tr>"
        for line in lines {
            body += "<tr><td>\(DeskTime.text(line.at))</td><td>\(HTML.escape(line.actor))</td><td data-action=\"\(HTML.escape(line.action))\">\(HTML.escape(DeskText.auditAction(line.action, language: l)))</td><td>\(HTML.escape(line.detail))</td></tr>"
        }
        return frame.page(l.pick("操作记录", "Audit log"), path: "/bureau/audit", body: body + "</table>")
    }

    package func login(units: [String], refusal: String? = nil, csrf: String) -> String {
        var body = refusal.map { "<p class=\"refusal\">\(HTML.escape($0))</p>" } ?? ""
        let options = units.map { "<option>\(HTML.escape($0))</option>" }.joined()
        body += """
            <h2>\(l.pick("单位登录", "Unit login"))</h2>
            <form method="post" action="/login" id="unit-login">\(HTML.csrf(csrf))
            <p><label>\(l.pick("单位", "Unit")) <select name="unit">\(options)</select></label></p>
            <p><label>\(l.pick("访问码", "Access code")) <input name="code" autocomplete="off"></label></p>
            <p><button>\(l.pick("登录", "Log in"))</button></p></form>
            <h2>\(l.pick("财政局管理员登录", "Bureau administrator"))</h2>
            <form method="post" action="/login/admin" id="admin-login">\(HTML.csrf(csrf))
            <p><label>\(l.pick("用户名", "User")) <input name="user"></label></p>
            <p><label>\(l.pick("密码", "Password")) <input name="password" type="password"></label></p>
            <p><button>\(l.pick("登录", "Log in"))</button></p></form>
            """
        return frame.page(l.pick("登录", "Log in"), path: "/login", body: body)
    }

    package func refusal(_ text: String) -> String {
        frame.page(l.pick("无法完成", "Not done"), path: "/", body: "<p class=\"refusal\" id=\"refusal\">\(HTML.escape(text))</p><p><a href=\"/\">\(l.pick("返回首页", "Home"))</a></p>")
    }
}
