import Evaluation
import Foundation
import Support

/// Plain HTML, escaped in one place.
package enum HTML {
    /// Shared with the findings report (`MarkupEscaping`, in Support).
    package static func escape(_ text: String) -> String { MarkupEscaping.html(text) }

    /// A query-string value.
    package static func query(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    /// The hidden field every form carries.
    package static func csrf(_ token: String) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(escape(token))\">"
    }
}

/// The frame of every page: title, navigation, language switch, styles.
package struct PageFrame: Sendable {
    package var language: Language
    package var session: Session?
    package var requiresLogin: Bool

    package func page(_ title: String, path: String, body: String) -> String {
        let l = language
        // Beyond loopback, the links only for those who may follow them.
        let role = session?.role
        var nav = ""
        if !requiresLogin || role == .unit { nav += "<a href=\"/\">\(l.pick("填报", "Submit"))</a>" }
        if !requiresLogin || role == .admin { nav += " <a href=\"/bureau\">\(l.pick("汇总", "Bureau"))</a>" }
        if let session, session.role != .local {
            nav += " <span class=\"who\">\(HTML.escape(session.principal ?? ""))</span>"
            nav += "<form method=\"post\" action=\"/logout\" class=\"inline\">\(HTML.csrf(session.csrf))<button>\(l.pick("退出", "Log out"))</button></form>"
        }
        let other = l == .chinese ? ("en", "English") : ("zh", "中文")
        let separator = path.contains("?") ? "&" : "?"
        nav += " <a class=\"lang\" href=\"\(HTML.escape(path + separator + "lang=" + other.0))\">\(other.1)</a>"
        return """
            <!DOCTYPE html>
            <html lang="\(l == .chinese ? "zh-CN" : "en")">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(title)) · FormPrint</title>
            <style>\(Self.css)</style></head>
            <body>
            <header><strong>FormPrint</strong> \(l.pick("预算绩效自评", "budget-performance self-evaluation")) <nav>\(nav)</nav></header>
            <main>
            <h1>\(HTML.escape(title))</h1>
            \(body)
            </main>
            </body></html>
            """
    }

    // The machine's own Chinese font when it has one; else the bundled 黑体,
    // fetched once and cached (7 MB, on the office network only).
    static let css = """
        @font-face{font-family:"FormPrint Hei";src:local("Microsoft YaHei"),local("Noto Sans CJK SC"),local("SimHei"),url(/font/hei.ttf) format("truetype")}
        body{font-family:"Microsoft YaHei","Noto Sans CJK SC","SimSun","FormPrint Hei",sans-serif;margin:0;color:#222;background:#fafafa}
        header{background:#8b1a1a;color:#fff;padding:.5em 1em}header a,header button{color:#fff;margin-left:1em}
        header nav{display:inline}header .who{margin-left:1em;opacity:.85}
        header button{background:none;border:1px solid #fff;cursor:pointer}
        form.inline{display:inline}
        main{padding:1em 1.5em;max-width:1400px}
        h1{font-size:1.4em}h2{font-size:1.15em;border-bottom:1px solid #ccc;padding-bottom:.2em}
        textarea,input,button,select{font-family:inherit;font-size:inherit}
        textarea.paste{width:100%;height:14em}
        table{border-collapse:collapse;background:#fff}td,th{border:1px solid #999;padding:.25em .4em;vertical-align:top}
        th{background:#eee}
        .grid td{padding:0;min-width:4em}.grid td input,.grid td textarea{border:0;box-sizing:border-box;font:inherit;padding:.2em;background:transparent}.grid td textarea{width:100%;min-width:10em}.grid td[colspan] input{width:100%}
        .grid.workbook td{padding:.2em .3em}.grid td.ln{background:#eee;color:#666;font-size:.8em;padding:.2em;text-align:right}
        .grid td.error{background:#fdd;outline:2px solid #c00}.grid td.warning{background:#fff3c4;outline:2px solid #d80}
        .grid td.note{background:#e6f0ff}
        .mark{font-size:.75em;font-weight:bold;color:#900;padding:0 .2em;text-decoration:none}
        .layout{display:flex;gap:1.5em;align-items:flex-start}.layout>.main{flex:1 1 auto;min-width:0}.layout>aside{flex:0 0 20em;position:sticky;top:0;max-height:100vh;overflow:auto}
        main:has(#shape-form){max-width:none}
        .shape-wrap{overflow-x:auto;max-width:100%}
        .shape-page{background:#fff;border:1px solid #ccc;padding:1em 1.2em;box-sizing:border-box;margin-bottom:1em}
        .shape-title{text-align:center;font-weight:bold;margin-bottom:.4em}.shape-title+.shape-title{font-weight:normal}
        table.form-shape{width:100%;table-layout:fixed}
        .form-shape td{padding:0;vertical-align:middle;overflow-wrap:anywhere;position:relative}.form-shape .mark{position:absolute;top:0;right:0;z-index:1}
        .form-shape td.label{background:#f1f1f1;padding:.3em;text-align:center}.form-shape td.shown,.form-shape td.gap{background:#f7f7f7;padding:.3em}
        .form-shape td.value input,.form-shape td.value textarea{display:block;width:100%;box-sizing:border-box;border:0;padding:.3em;font:inherit;background:transparent;resize:vertical;field-sizing:content;min-height:2em}
        .form-shape td.value:focus-within{outline:2px solid #36c}
        .form-shape td.error{background:#fdd;outline:2px solid #c00}.form-shape td.warning{background:#fff3c4;outline:2px solid #d80}.form-shape td.note{background:#e6f0ff}
        .shape-signatures{margin-top:.6em;display:flex;gap:1.5em;flex-wrap:wrap}
        fieldset.options{border:1px solid #ccc;background:#fff}label.option{margin-right:1.5em;white-space:nowrap}
        details.raw{margin:1em 0}details.raw>summary{cursor:pointer;font-weight:bold}
        ol.findings li{margin-bottom:.6em}.sev{font-weight:bold}.sev.error{color:#c00}.sev.warning{color:#b60}.sev.note{color:#36c}
        .status{padding:.1em .5em;border-radius:.3em;white-space:nowrap}.status.error{background:#fdd;color:#900}
        .status.warning{background:#fff3c4;color:#850}.status.clean{background:#dfd;color:#060}.status.missing{background:#eee;color:#555}
        .status.returned{background:#e8dcff;color:#529}.returned-box{background:#f3ecff;border-left:4px solid #529;padding:.5em 1em}
        .previews figure{display:inline-block;width:23%;margin:.3em;vertical-align:top}.previews img{border:1px solid #aaa;width:100%;background:#fff}
        .previews figcaption{text-align:center;font-size:.9em}
        .notice{background:#fff8e1;border-left:4px solid #d80;padding:.5em 1em}
        .refusal{background:#fdd;border-left:4px solid #c00;padding:.5em 1em}
        .code{font-size:2em;font-family:monospace;letter-spacing:.1em}.code-cell{font-family:monospace;white-space:nowrap}
        button,input[type=submit]{padding:.3em 1em}
        @media print{header,nav,button,.no-print,#submit-form,aside form{display:none!important}body{background:#fff}
          main{padding:0}.layout{display:block}table{page-break-inside:auto}tr{page-break-inside:avoid}
          .grid td input,.grid td textarea,.form-shape td input,.form-shape td textarea{display:none}.grid td .printed,.form-shape td .printed{display:block!important}}
        .printed{display:none}
        """
}
