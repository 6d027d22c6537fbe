import Evaluation
import FormPrint
import Foundation

/// The bureau's access codes in bulk: the form on the table's page, and the
/// one page that shows a bulk issue's codes.
extension BureauPages {
    /// Issue codes to every unit without one; re-issue all only with the
    /// box ticked. `address` is what the notices print (editable: the
    /// address units reach may differ from the administrator's).
    func bulkCodes(roster: Int, withoutCode: Int, address: String, csrf: String) -> String {
        guard frame.requiresLogin, roster > 0 else { return "" }
        let addressField = "<label>\(l.pick("通知上印的网址", "Address printed on the notices")) <input name=\"address\" size=\"36\" value=\"\(HTML.escape(address))\"></label>"
        return """
            <h2 class="no-print">\(l.pick("访问码", "Access codes"))</h2>
            <p class="no-print">\(l.pick("名单中 \(roster) 个单位，其中 \(withoutCode) 个尚无访问码。", "\(roster) units on the roster, \(withoutCode) without a code."))</p>
            <form method="post" action="/bureau/codes" class="no-print" id="codes-missing">\(HTML.csrf(csrf))<input type="hidden" name="scope" value="missing">
            <p>\(addressField) <button\(withoutCode == 0 ? " disabled" : "")>\(l.pick("为尚无访问码的 \(withoutCode) 个单位发放", "Issue codes to the \(withoutCode) units without one"))</button></p></form>
            <form method="post" action="/bureau/codes" class="no-print" id="codes-all">\(HTML.csrf(csrf))<input type="hidden" name="scope" value="all">
            <input type="hidden" name="address" value="\(HTML.escape(address))">
            <p><label><input type="checkbox" name="confirm" value="1"> \(l.pick("确认全部重新发放：所有单位的旧访问码立即失效，已登录的单位须用新访问码重新登录", "Confirm re-issuing all: every unit's old code stops working at once, and units logged in must log in again with the new code"))</label>
            <button>\(l.pick("全部重新发放", "Re-issue all"))</button></p></form>
            """
    }

    /// The codes of one bulk issue, shown this once, with their two
    /// downloads (each once, within half an hour).
    package func codesIssued(_ notices: AccessCodeNotices, token: String, reissued: Bool, csrf: String) -> String {
        let count = notices.notices.count
        var body = "<p class=\"notice\">"
        body += reissued ? l.pick("已为名单中全部 \(count) 个单位重新发放访问码，旧访问码和已登录的会话均已失效。", "New codes for all \(count) units on the roster; the old codes and open sessions no longer work.")
            : l.pick("已为 \(count) 个单位发放访问码。", "Codes issued to \(count) units.")
        body += l.pick("访问码只在本页显示这一次；下面的通知（PDF，每个单位一份，可打印裁开分发）和清单（工作簿）各可下载一次，30分钟内有效。数据库只保存访问码的校验值，之后无法再查看。",
                       " They are shown only on this page; the notices (PDF, one a unit, to print and cut) and the list (workbook) can each be downloaded once within 30 minutes. The database keeps only the codes' hashes: they cannot be seen again.")
        body += "</p><ul class=\"downloads\" id=\"code-downloads\">"
        body += "<li><a href=\"/bureau/codes/\(token)/notices.pdf\" id=\"notices-pdf\">\(l.pick("访问码通知（PDF，A4，每页两份）", "Code notices (PDF, A4, two a page)"))</a></li>"
        body += "<li><a href=\"/bureau/codes/\(token)/codes.xlsx\" id=\"codes-xlsx\">\(l.pick("访问码清单（工作簿）", "Code list (workbook)"))</a></li></ul>"
        body += "<p>\(l.pick("网址", "Address"))：<code>\(HTML.escape(notices.address))</code></p>"
        body += "<table class=\"codes\" id=\"codes\"><tr><th>\(l.pick("单位", "Unit"))</th><th>\(l.pick("主管部门", "Supervising department"))</th><th>\(l.pick("访问码", "Access code"))</th></tr>"
        for notice in notices.notices {
            body += "<tr><td>\(HTML.escape(notice.unit))</td><td>\(HTML.escape(notice.supervisor ?? ""))</td><td class=\"code-cell\">\(HTML.escape(notice.code))</td></tr>"
        }
        body += "</table>"
        body += "<form method=\"post\" action=\"/bureau/codes/\(token)/forget\" class=\"no-print\">\(HTML.csrf(csrf))<p><button>\(l.pick("已保存，从服务器内存中清除", "Saved: clear them from the server's memory"))</button> <a href=\"/bureau\">\(l.pick("返回汇总", "Back"))</a></p></form>"
        return frame.page(l.pick("访问码（仅显示一次）", "Access codes (shown once)"), path: "/bureau", body: body)
    }
}
