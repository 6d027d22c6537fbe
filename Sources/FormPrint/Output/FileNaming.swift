import Foundation

/// Output names made of unit, year and document, safe on every file
/// system: no path separators, no `..`, no control, format or reserved
/// characters, no Windows device names, and at most 200 UTF-8 bytes per
/// name (most file systems allow 255; the rest is room for an extension,
/// a page suffix and the temporary name of an atomic write). A name cut
/// to fit ends in `~` and 8 hex digits of the full name's SHA-256, so two
/// long names that share a beginning stay apart.
package enum FileNaming {
    package static let maximumBytes = 200

    /// The longest document base name, leaving room for `_p001`, `_2` and
    /// an extension within `maximumBytes`.
    static let maximumBaseBytes = 180

    package static func safeComponent(_ text: String) -> String {
        safeComponent(text, maximumBytes: maximumBytes)
    }

    static func safeComponent(_ text: String, maximumBytes: Int) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            result.unicodeScalars.append(isUnsafe(scalar) ? "_" : scalar)
        }
        while result.hasPrefix(".") || result.hasPrefix(" ") { result.removeFirst() }
        while result.hasSuffix(".") || result.hasSuffix(" ") { result.removeLast() }
        if result.isEmpty { return "_" }
        // CON, PRN, AUX, NUL, COM1…9, LPT1…9 (also with an extension) are
        // devices on Windows.
        let stem = result.split(separator: ".", maxSplits: 1).first.map { $0.uppercased() } ?? ""
        if reservedOnWindows.contains(stem) { result = "_" + result }
        if result.utf8.count > maximumBytes {
            let tag = "~" + String(ContentHash.hex(text).prefix(8))
            var cut = result
            while cut.utf8.count > maximumBytes - tag.utf8.count { cut.removeLast() }
            while cut.hasSuffix(".") || cut.hasSuffix(" ") { cut.removeLast() }
            result = cut + tag
        }
        return result
    }

    /// Path separators, characters Windows forbids, and every control or
    /// invisible format character (NUL, newlines, bidi overrides that could
    /// disguise an extension, zero-width characters).
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        if "/\\:*?\"<>|".unicodeScalars.contains(scalar) { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned, .privateUse: return true
        default: return false
        }
    }

    static let reservedOnWindows: Set<String> = Set(["CON", "PRN", "AUX", "NUL"]
        + (1...9).map { "COM\($0)" } + (1...9).map { "LPT\($0)" })

    /// `2024_项目支出绩效自评表_2024年政数局综合类项目`, without extension.
    package static func documentBaseName(year: Int, document: String, detail: String?) -> String {
        var base = "\(year)_\(document)"
        if let detail, !detail.isEmpty { base += "_\(detail)" }
        return safeComponent(base, maximumBytes: maximumBaseBytes)
    }

    /// `2024_项目支出绩效自评表_2024年政数局综合类项目.pdf`
    package static func documentFileName(year: Int, document: String, detail: String?, extension ext: String) -> String {
        documentBaseName(year: year, document: document, detail: detail) + "." + ext
    }

    /// A key under which two names are the same file on a case-insensitive
    /// or normalising file system (macOS, Windows).
    package static func collisionKey(_ name: String) -> String {
        name.precomposedStringWithCanonicalMapping.lowercased()
    }
}
