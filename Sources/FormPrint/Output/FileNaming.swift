/// Output names made of unit, year and document, safe on every file
/// system: no path separators, no `..`, no control or reserved characters,
/// and at most 200 bytes per name (most file systems allow 255).
public enum FileNaming {
    public static let maximumBytes = 200

    public static func safeComponent(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || "/\\:*?\"<>|".unicodeScalars.contains(scalar) {
                result.unicodeScalars.append("_")
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        while result.hasPrefix(".") || result.hasPrefix(" ") { result.removeFirst() }
        while result.hasSuffix(".") || result.hasSuffix(" ") { result.removeLast() }
        while result.utf8.count > maximumBytes { result.removeLast() }
        return result.isEmpty ? "_" : result
    }

    /// `2024_项目支出绩效自评表_2024年政数局综合类项目.pdf`
    public static func documentFileName(year: Int, document: String, detail: String?, extension ext: String) -> String {
        var base = "\(year)_\(document)"
        if let detail, !detail.isEmpty { base += "_\(detail)" }
        return safeComponent(String(base.prefix(80))) + "." + ext
    }
}
