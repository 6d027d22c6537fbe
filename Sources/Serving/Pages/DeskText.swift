import Evaluation
import Foundation

/// A page's language is FormPrint's `Language`: Chinese unless `?lang=en`
/// (or the 语言 switch, kept in a cookie) asks for English.
extension Language {
    package func pick(_ chinese: String, _ english: String) -> String { Message(chinese: chinese, english: english).text(in: self) }
}

/// Every error the desk shows a person, as text, in one place: the desk's
/// own refusals here; every error of reading, checking or rendering from
/// FormPrint's message catalogue, in the page's language.
package enum DeskText {
    /// Any error, for the page: the desk's own refusals in the page's
    /// language; a failure of reading, checking or rendering an input as
    /// FormPrint words it (what, where and how to fix; most in English with
    /// the Chinese beside), after what the desk was doing.
    package static func describe(_ error: Error, language: Language = .chinese) -> String {
        if let refusal = error as? Refusal { return refusal.message.text(in: language) }
        let detail = (error as? any HasMessage)?.message.text(in: language) ?? "\(error)"
        return language.pick("无法读取或生成这份材料：", "This input could not be read or printed: ") + detail
    }

    /// The refusals of the desk itself.
    package enum Refusal: Sendable, Error, HasMessage {
        case notFound, forbiddenWithoutToken, tooLarge(limit: Int), loginRequired, wrongLogin, emptyInput, badRequest(Message)
        /// The form's boundary is missing or not 1 to 70 of RFC 2046's characters.
        case badBoundary
        /// The form's body is not the form it says it is.
        case malformedForm
        case tooManyFields(limit: Int)
        case fieldTooLarge(name: String, limit: Int)
        /// A pasted table or a workbook larger than the desk checks and draws.
        case inputTooLarge(InputLimits.Excess)
        /// Too many failed logins for the account or from the address.
        case tooManyLogins(seconds: Int)
        /// "Re-issue all" without its confirmation ticked.
        case reissueNotConfirmed
        /// A bulk issue's download taken already, expired, or another session's.
        case codesGone
        /// A return without a comment, or of a submission that is not its unit's latest.
        case returnNeedsComment
        case notReturnable
        /// A unit handed in forms that name another unit (or none).
        case notThisUnit(form: String, account: String)
        /// A correction of a submission that was not read (or was kept by an
        /// older desk without its forms' shapes).
        case notCorrectable

        package var message: Message {
            switch self {
            case .notFound:
                Message(chinese: "找不到这份材料（或您无权查看）。请从首页重新打开。", english: "Not found (or not yours to see). Start again from the home page.")
            case .forbiddenWithoutToken:
                Message(chinese: "表单已过期或来源不明（缺少安全令牌），已拒绝。请刷新页面后重新提交。",
                        english: "The form had no valid security token and was refused. Reload the page and submit again.")
            case .tooLarge(let limit):
                Message(chinese: "上传的文件超过 \(limit >> 20) MB 的上限。请只上传自评表工作簿或粘贴表格。",
                        english: "The upload is larger than the \(limit >> 20) MB limit. Upload only the evaluation workbook or the pasted table.")
            case .loginRequired:
                Message(chinese: "请先登录。", english: "Please log in first.")
            case .wrongLogin:
                Message(chinese: "单位名称、用户名或访问码/密码不正确。", english: "The unit, user name, access code or password is not right.")
            case .emptyInput:
                Message(chinese: "没有收到内容：请粘贴从 WPS/Excel 复制的表格，或选择一个文件。",
                        english: "Nothing was received: paste a table copied from WPS/Excel, or choose a file.")
            case .badRequest(let what):
                Message(chinese: "请求无法处理：\(what.chinese)", english: "The request could not be handled: \(what.english)")
            case .badBoundary:
                Message(chinese: "表单数据（multipart/form-data）的分隔符（boundary）缺失或不合规定：须为1到70个字母、数字或 '()+_,-./:=? 字符（RFC 2046）。请用浏览器的表单提交。",
                        english: "The form's multipart/form-data boundary is missing or invalid: it must be 1 to 70 letters, digits or '()+_,-./:=? characters (RFC 2046). Submit the form from a browser.")
            case .malformedForm:
                Message(chinese: "表单数据不完整或格式不正确（multipart 或 URL 编码），已拒绝。请刷新页面后重新提交。",
                        english: "The form's body (multipart or URL-encoded) is incomplete or malformed and was refused. Reload the page and submit again.")
            case .tooManyFields(let limit):
                Message(chinese: "表单的字段超过 \(limit) 个，已拒绝。", english: "The form has more than \(limit) fields and was refused.")
            case .fieldTooLarge(let name, let limit):
                Message(chinese: "表单字段“\(name)”超过 \(Self.size(limit)) 的上限，已拒绝。",
                        english: "The form field \"\(name)\" is larger than the \(Self.size(limit)) limit and was refused.")
            case .inputTooLarge(let excess):
                excess.message
            case .tooManyLogins(let seconds):
                Message(chinese: "登录失败次数过多，已暂停登录。请在 \((seconds + 59) / 60) 分钟后再试；如果忘记了访问码或密码，请联系财政局重新发放。",
                        english: "Too many failed logins; logging in is paused. Try again in \((seconds + 59) / 60) minutes; if the access code or password is lost, ask the finance bureau for a new one.")
            case .reissueNotConfirmed:
                Message(chinese: "没有重新发放：全部重新发放会使所有单位的旧访问码立即失效、已登录的单位须重新登录，请先勾选“确认全部重新发放”再点击按钮。只给尚无访问码的单位发放时，请用上面的按钮。",
                        english: "Nothing was issued: issuing all codes again makes every unit's old code stop working and logs every unit out, so tick \"confirm re-issuing all\" first. To issue codes only to units without one, use the button above it.")
            case .returnNeedsComment:
                Message(chinese: "没有退回：请在“退回意见”中写明需要单位修改什么（例如哪张表、哪一行），单位登录后会看到这段意见。",
                        english: "Not returned: write in the comment what the unit must change (which form, which row); the unit sees it when it logs in.")
            case .notReturnable:
                Message(chinese: "没有退回：只能退回单位最近一次的正式提交，且同一份提交只能退回一次。这份提交已被退回，或单位之后又提交过。请在该单位的页面刷新后查看最近一次提交。",
                        english: "Not returned: only a unit's latest official submission can be returned, and only once. This one was returned already, or the unit has submitted since. Reload the unit's page to see its latest submission.")
            case .codesGone:
                Message(chinese: "这份访问码文件已经下载过、已超过30分钟，或不是在这次登录中发放的，服务器不再保存其中的访问码（数据库只保存校验值）。如果没有保存下来，请在“汇总”页为相关单位重新发放访问码。",
                        english: "This file of access codes was downloaded already, is more than 30 minutes old, or was not issued in this login session: the server no longer holds its codes (the database keeps only their hashes). If it was not saved, issue the units' codes again on the bureau's page.")
            case .notThisUnit(let form, let account) where form.trimmingCharacters(in: .whitespaces).isEmpty:
                Message(chinese: "表格中没有填写单位名称，而这份材料是以“\(account)”的名义提交的，未予接收。请在表格的单位名称（部门名称/实施单位/填报单位）处填写“\(account)”后重新提交；如果单位名称有变化，请联系财政局更新名单。",
                        english: "The form gives no unit name, and it was handed in as \"\(account)\"'s; it was not accepted. Write \"\(account)\" as the unit's name (部门名称/实施单位/填报单位) in the form and hand it in again; if the unit's name has changed, ask the finance bureau to update the roster.")
            case .notCorrectable:
                Message(chinese: "这份材料没有读出表格，无法在网页上按表样改正。请改正原文件后重新上传，或在首页粘贴表格。",
                        english: "No form was read from this submission, so it cannot be corrected in the form's shape here. Fix the file and upload it again, or paste the table on the home page.")
            case .notThisUnit(let form, let account):
                Message(chinese: "表格中的单位名称是“\(form)”，而这份材料是以“\(account)”的名义提交的（登录的单位或财政局所选的单位），两者不一致，未予接收。请把表格中的单位名称（部门名称/实施单位/填报单位）改为“\(account)”后重新提交；如果这确是本单位的表格、只是名称不同，请联系财政局核对名单。",
                        english: "The form names the unit \"\(form)\", but it was handed in as \"\(account)\"'s (the unit logged in, or the unit the bureau chose); it was not accepted. Correct the unit's name (部门名称/实施单位/填报单位) in the form to \"\(account)\" and hand it in again; if this is your unit's form under another name, ask the finance bureau to check the roster.")
            }
        }

        static func size(_ bytes: Int) -> String { bytes >= 1 << 20 ? "\(bytes >> 20) MB" : "\(bytes >> 10) KB" }
    }

    /// The audit log's actions: stored as a stable key, shown in words.
    package static func auditAction(_ key: String, language: Language) -> String {
        let words: (String, String)? = switch key {
        case "login": ("登录", "logged in")
        case "login-refused": ("登录失败", "login refused")
        case "login-throttled": ("登录过于频繁，已暂停", "login attempts paused")
        case "logout": ("退出登录", "logged out")
        case "submit": ("提交", "submitted")
        case "resubmit": ("退回后重新提交", "submitted again after a return")
        case "return": ("退回修改", "returned for revision")
        case "submit-bureau-copy": ("财政局代传（未作为正式提交）", "bureau's upload (not the unit's submission)")
        case "refuse-identity": ("退回（单位名称不符）", "refused (another unit's name)")
        case "issue-code": ("发放访问码", "issued an access code")
        case "reissue-code": ("重发访问码（旧会话已结束）", "issued a new access code (old sessions ended)")
        case "issue-codes": ("批量发放访问码（尚无访问码的单位）", "issued access codes to every unit without one")
        case "reissue-codes": ("全部重新发放访问码（旧访问码失效，旧会话已结束）", "issued every unit a new access code (old codes and sessions ended)")
        case "remove-from-roster": ("移出名单（会话已结束）", "removed from the roster (sessions ended)")
        case "roster": ("保存名单", "saved the roster")
        case "rerender": ("重新生成", "re-rendered")
        case "backup": ("备份", "backed up")
        case "admin": ("设置管理员", "set an administrator")
        case "admin-password-reset": ("重设管理员密码（旧会话已结束）", "reset an administrator's password (old sessions ended)")
        default: nil
        }
        guard let words else { return key }
        return language.pick(words.0, words.1)
    }
}
