extension StringProtocol {
    /// Whether `needle` occurs in this text, compared byte for byte in
    /// UTF-8; an empty needle is not found (as with Foundation's
    /// `contains`). For FormPrint's own markers (": error[", "：…"), where
    /// Foundation's `contains` is a locale-aware CFString search: on the
    /// batch summary's totals it was 5 M instructions per unit
    /// (docs/BENCHMARKS.md, issue 25).
    package func containsBytes(_ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty else { return false }
        if let found = utf8.withContiguousStorageIfAvailable({ Self.occurs(pattern, in: $0) }) { return found }
        return Array(utf8).withUnsafeBufferPointer { Self.occurs(pattern, in: $0) }
    }

    private static func occurs(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= pattern.count else { return false }
        let first = pattern[0]
        var start = 0
        while start <= bytes.count - pattern.count {
            if bytes[start] == first {
                var matched = 1
                while matched < pattern.count && bytes[start + matched] == pattern[matched] { matched += 1 }
                if matched == pattern.count { return true }
            }
            start += 1
        }
        return false
    }
}
