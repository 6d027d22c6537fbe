/// The one loop every escaper of FormPrint runs: XML, HTML and YAML differ
/// only in which characters they replace, so a character one writer learned
/// to handle is handled by the same code in all of them.
package enum ScalarEscaping {
    /// `text` with each Unicode scalar for which `replacement` returns a
    /// string replaced by it (an empty string drops the scalar); every other
    /// scalar is kept as it is.
    package static func escaped(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let replaced = replacement(scalar) {
                out += replaced
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
