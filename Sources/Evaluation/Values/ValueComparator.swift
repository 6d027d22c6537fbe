/// The comparison an indicator target states: "≥98%", "=56人", "<5次".
///
/// Units write the same comparator many ways (">=", "≥", "＞＝", "不低于",
/// "95%以上"); all of them read to one case, and `symbol` is how FormPrint
/// writes it back in its own messages. The printed form always keeps the
/// unit's original text.
public enum ValueComparator: String, Sendable, Hashable, CaseIterable {
    case equal
    case atLeast
    case greater
    case atMost
    case less

    /// The mathematical sign, as used in messages ("≥64.4万元").
    public var symbol: String {
        switch self {
        case .equal: "="
        case .atLeast: "≥"
        case .greater: ">"
        case .atMost: "≤"
        case .less: "<"
        }
    }

    /// 正向 comparators (more is better: =, ≥, >) against 反向 ones (less is
    /// better: ≤, <). "=" counts as 正向, as in the national scoring practice
    /// (reference §3.2): reaching or passing the stated amount meets it.
    public var isReverse: Bool { self == .atMost || self == .less }

    /// Whether equality alone fails this comparator (">95%" is not met by 95%).
    public var isStrict: Bool { self == .greater || self == .less }

    /// Written forms, longest first so that ">=" is tried before ">".
    /// Full-width and word forms are ordinary ways of writing these and read
    /// without a warning.
    /// The first characters of every spelling in `prefixes`.
    static let initials: Set<Character> = Set(prefixes.compactMap(\.text.first))

    static let prefixes: [(text: String, comparator: ValueComparator)] = {
        let forms: [(String, ValueComparator)] = [
            (">=", .atLeast), ("≥", .atLeast), ("≧", .atLeast), ("＞＝", .atLeast), (">＝", .atLeast), ("＞=", .atLeast),
            ("大于等于", .atLeast), ("大于或等于", .atLeast), ("不低于", .atLeast), ("不少于", .atLeast), ("不小于", .atLeast),
            ("<=", .atMost), ("≤", .atMost), ("≦", .atMost), ("＜＝", .atMost), ("<＝", .atMost), ("＜=", .atMost),
            ("小于等于", .atMost), ("小于或等于", .atMost), ("不高于", .atMost), ("不超过", .atMost), ("不多于", .atMost), ("不大于", .atMost),
            ("==", .equal), ("=", .equal), ("＝", .equal), ("等于", .equal),
            (">", .greater), ("＞", .greater), ("大于", .greater), ("高于", .greater), ("超过", .greater),
            ("<", .less), ("＜", .less), ("小于", .less), ("低于", .less),
        ]
        return forms.sorted { $0.0.count > $1.0.count }
    }()

    /// Written after the number: "95%以上", "10天以内".
    static let suffixes: [(text: String, comparator: ValueComparator)] = [
        ("及以上", .atLeast), ("以上", .atLeast), ("及以下", .atMost), ("以下", .atMost), ("以内", .atMost),
    ]
}
