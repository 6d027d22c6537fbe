import Foundation
import Support

/// The language FormPrint prints its messages in. Chinese is the default:
/// the forms' readers are Chinese finance officers.
public enum Language: String, Sendable, CaseIterable {
    case chinese = "zh"
    case english = "en"

    /// The variables a locale is read from, in gettext's order.
    package static let localeVariables = ["LC_ALL", "LC_MESSAGES", "LANG"]

    /// The language of a process environment, as gettext decides which
    /// locale applies: the first of LC_ALL, LC_MESSAGES and LANG that is set.
    /// English only for an English locale (en, en_*); Chinese for zh_*, for
    /// none, and for C and POSIX — the default of most servers and
    /// containers, where an officer's tool must still speak Chinese — and
    /// for any other language, which FormPrint does not speak.
    public static func of(environment: [String: String]) -> Language {
        let locale = localeVariables.lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        guard let name = locale?.lowercased() else { return .chinese }
        let language = name.prefix { $0.isLetter }
        return language == "en" ? .english : .chinese
    }

    /// `--lang en|zh` (or `--lang=en`) in a command line, before `--`.
    public static func of(arguments: [String]) -> Language? {
        var value: String?
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { break }
            if argument == "--lang", index + 1 < arguments.count { value = arguments[index + 1] }
            if argument.hasPrefix("--lang=") { value = String(argument.dropFirst("--lang=".count)) }
        }
        return value.flatMap { Language(rawValue: $0.lowercased()) }
    }

    /// The language messages are described in. The command line sets it
    /// once, before any command runs; a library caller that never sets it
    /// gets Chinese, whatever the machine's locale (so tests are the same
    /// everywhere). Code that needs a particular language asks a `Message`
    /// for `text(in:)` instead.
    public static var current: Language {
        get { setting.withLock { $0 } }
        set { setting.withLock { $0 = newValue } }
    }

    private static let setting = Locked(Language.chinese)
}
