import ArgumentParser
import Evaluation
import Foundation

/// The language of this run, decided before any command is parsed — the
/// help texts are built while parsing, so `--lang` cannot wait for its own
/// option to be read: `--lang en|zh` anywhere before `--`, else the locale
/// (Chinese for zh_* or no locale, English for any other).
enum CommandLanguage {
    static func decide(arguments: [String], environment: [String: String]) -> Language {
        Language.of(arguments: arguments) ?? Language.of(environment: environment)
    }
}

/// `--lang`, accepted by every command; its value was already read by
/// `CommandLanguage` (an unknown value is a usage error here).
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"), help: help("输出语言：zh（中文，默认）或 en（英文）；未指定时按 LC_ALL/LC_MESSAGES/LANG 决定。",
                                                 "Language of messages and help: zh (Chinese, the default) or en (English); without it, LC_ALL/LC_MESSAGES/LANG decide.",
                                                 valueName: "zh|en"))
    var language: Language?
}

extension Language: ExpressibleByArgument {}

/// A sentence of the command line in the run's language. Each sentence
/// of the CLI is written once, at the one place that prints it.
func say(_ chinese: String, _ english: String) -> String {
    Message(chinese: chinese, english: english).text
}

/// A help text in the run's language.
func help(_ chinese: String, _ english: String, valueName: String? = nil) -> ArgumentHelp {
    ArgumentHelp(say(chinese, english), valueName: valueName)
}

/// A command-line mistake (exit status 64), in the run's language.
func usageError(_ chinese: String, _ english: String) -> ValidationError {
    ValidationError(say(chinese, english))
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
