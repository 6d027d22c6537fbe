import Foundation

/// How two writings of a unit's name are recognised as the same unit — by
/// the desk (a handed-in form against the account's name) and by the
/// batch's roster (a roster line against the name a unit file gives): one
/// folding, so both say the same about the same two names.
public enum UnitNameFolding {
    /// The name with spaces (ASCII, full-width, non-breaking) removed,
    /// full-width letters, digits and punctuation as half-width (NFKC), and
    /// every kind of bracket as a round one: （财政局） = (财政局) = 【财政局】.
    public static func folded(_ name: String) -> String {
        let compatible = name.precomposedStringWithCompatibilityMapping
        var result = ""
        for scalar in compatible.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}" { continue }
            switch scalar {
            case "[", "{", "【", "〔", "〖", "［", "｛", "〈", "《", "「", "『": result.append("(")
            case "]", "}", "】", "〕", "〗", "］", "｝", "〉", "》", "」", "』": result.append(")")
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    public static func same(_ a: String, _ b: String) -> Bool { folded(a) == folded(b) }
}
