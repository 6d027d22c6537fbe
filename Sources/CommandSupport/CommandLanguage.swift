import ArgumentParser
import Evaluation
import Foundation

/// The language of this run, decided before any command is parsed — the
/// help texts are built while parsing, so `--lang` cannot wait for its own
/// option to be read: `--lang en|zh` anywhere before `--`, else the locale
/// (English for an en_* locale, Chinese for any other, C and POSIX included).
package enum CommandLanguage {
    package static func decide(arguments: [String], environment: [String: String]) -> Language {
        Language.of(arguments: arguments) ?? Language.of(environment: environment)
    }
}

/// `--lang`, accepted by every command; its value was already read by
/// `CommandLanguage` (an unknown value is a usage error here).
package struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"), help: help("输出语言：zh（中文，默认）或 en（英文）；未指定时按 LC_ALL/LC_MESSAGES/LANG 决定。",
                                                 "Language of messages and help: zh (Chinese, the default) or en (English); without it, LC_ALL/LC_MESSAGES/LANG decide.",
                                                 valueName: "zh|en"))
    package var language: Language?

    package init() {}
}

extension Language: ExpressibleByArgument {}

/// A sentence of the command line in the run's language. Each sentence
/// of the CLI is written once, at the one place that prints it.
package func say(_ chinese: String, _ english: String) -> String {
    Message(chinese: chinese, english: english).text
}

/// A help text in the run's language.
package func help(_ chinese: String, _ english: String, valueName: String? = nil) -> ArgumentHelp {
    ArgumentHelp(say(chinese, english), valueName: valueName)
}

/// A command-line mistake (exit status 64), in the run's language.
package func usageError(_ chinese: String, _ english: String) -> ValidationError {
    ValidationError(say(chinese, english))
}

package func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// The words swift-argument-parser writes itself — headings of the help
/// screen, its own option help, its usage errors — which it has no way to
/// translate: in a Chinese run they are replaced in its finished text,
/// here, in one place.
package enum ParserWords {
    package static let replacements: [(pattern: String, chinese: String)] = [
        (#"(?m)^OVERVIEW: "#, "概述："),
        (#"(?m)^USAGE: "#, "用法："),
        (#"(?m)^Usage: "#, "用法："),
        (#"(?m)^ARGUMENTS:$"#, "参数："),
        (#"(?m)^OPTIONS:$"#, "选项："),
        (#"(?m)^SUBCOMMANDS:$"#, "子命令："),
        (#"(?m)^Error: "#, "错误："),
        (#"(?m)^Help: +"#, "说明："),
        (#"(?m)\. Please provide one of ([^\n]*?)\.?$"#, "；请用以下之一：$1"),
        (#"' and '"#, "'、'"),
        (#"Show help information\."#, "显示帮助信息。"),
        (#"Show the version\."#, "显示版本号。"),
        (#"\(values: ([^;)]*); default: ([^)]*)\)"#, "（可选值：$1；默认：$2）"),
        (#"\(values: ([^)]*)\)"#, "（可选值：$1）"),
        (#"\(default: ([^)]*)\)"#, "（默认：$1）"),
        (#"See '([^']*)' for detailed help\."#, "用 '$1' 查看详细帮助。"),
        (#"See '([^']*)' for more information\."#, "用 '$1' 查看更多信息。"),
        (#"Missing expected argument '([^']*)'"#, "缺少必需的参数 '$1'"),
        (#"Unknown option '([^']*)'\. Did you mean '([^']*)'\?"#, "未知选项 '$1'；是否要用 '$2'？"),
        (#"Unknown option '([^']*)'"#, "未知选项 '$1'"),
        (#"Missing one of: "#, "缺少以下之一："),
        (#"(\d+) unexpected arguments: "#, "多余的参数（$1个）："),
        (#"The option '([^']*)' does not take any value, but '([^']*)' was specified\."#, "选项 '$1' 不带值，却给了 '$2'。"),
        (#"Value to be set with ([^\n]*) had already been set with ([^\n]*)"#, "$1 所设的值已由 $2 设过"),
        (#"\[<options>\]"#, "[<选项>]"),
        (#"<options>"#, "<选项>"),
        (#"<subcommand>"#, "<子命令>"),
        (#"Missing value for '([^']*)'"#, "缺少 '$1' 的值"),
        (#"Unexpected argument '([^']*)'"#, "多余的参数 '$1'"),
        (#"The value '([^']*)' is invalid for '([^']*)'"#, "值 '$1' 不能用于 '$2'"),
    ]

    package static func translated(_ text: String, to language: Language = .current) -> String {
        guard language == .chinese else { return text }
        return replacements.reduce(text) { text, replacement in
            text.replacingOccurrences(of: replacement.pattern, with: replacement.chinese, options: .regularExpression)
        }
    }
}
