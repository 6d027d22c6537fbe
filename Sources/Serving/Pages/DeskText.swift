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
        guard let refusal = error as? Refusal else {
            let detail = (error as? any HasMessage)?.message.text(in: language) ?? "\(error)"
            return language.pick("无法读取或生成这份材料：", "This input could not be read or printed: ") + detail
        }
        return describe(refusal, language: language)
    }

    /// The refusals of the desk itself.
    package enum Refusal: Sendable {
        case notFound, forbiddenWithoutToken, tooLarge(limit: Int), loginRequired, wrongLogin, emptyInput, badRequest(String)
    }

    private static func describe(_ refusal: Refusal, language: Language) -> String {
        switch refusal {
        case .notFound:
            language.pick("找不到这份材料（或您无权查看）。请从首页重新打开。", "Not found (or not yours to see). Start again from the home page.")
        case .forbiddenWithoutToken:
            language.pick("表单已过期或来源不明（缺少安全令牌），已拒绝。请刷新页面后重新提交。",
                          "The form had no valid security token and was refused. Reload the page and submit again.")
        case .tooLarge(let limit):
            language.pick("上传的文件超过 \(limit >> 20) MB 的上限。请只上传自评表工作簿或粘贴表格。",
                          "The upload is larger than the \(limit >> 20) MB limit. Upload only the evaluation workbook or the pasted table.")
        case .loginRequired:
            language.pick("请先登录。", "Please log in first.")
        case .wrongLogin:
            language.pick("单位名称、用户名或访问码/密码不正确。", "The unit, user name, access code or password is not right.")
        case .emptyInput:
            language.pick("没有收到内容：请粘贴从 WPS/Excel 复制的表格，或选择一个文件。",
                          "Nothing was received: paste a table copied from WPS/Excel, or choose a file.")
        case .badRequest(let what):
            language.pick("请求无法处理：\(what)", "The request could not be handled: \(what)")
        }
    }
}
