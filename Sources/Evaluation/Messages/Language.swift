import Foundation
import Support

/// The language FormPrint prints its messages in. Chinese is the default:
/// the forms' readers are Chinese finance officers.
public enum Language: String, Sendable, CaseIterable {
    case chinese = "zh"
    case english = "en"

    /// The language of a process environment, as gettext decides it: the
    /// first of LC_ALL, LC_MESSAGES and LANG that is set. Chinese when it
    /// is a zh_* locale or none is set; English for every other locale
    /// (including C and POSIX, where the user asked for no translation).
    public static func of(environment: [String: String]) -> Language {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        guard let locale else { return .chinese }
        return locale.lowercased().hasPrefix("zh") ? .chinese : .english
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
