/// Breaks a document title over lines the way GB/T 9704 §7.3.1 asks:
/// words kept whole, lines arranged as a trapezoid (each line longer or
/// each shorter than the one above) or a diamond (the middle longest) —
/// never a rectangle of equal lines or an hourglass.
///
/// Chinese has no spaces to mark words, so breaks are scored: places where
/// titles naturally divide (after a unit's name, before the year, after
/// 关于 or 的) are preferred, and the names of the documents themselves
/// (部门整体支出, 绩效自评报告, …) are never split.
struct TitleBreaker {
    /// Words a title line never breaks inside.
    static let words = [
        "部门整体支出", "项目支出", "绩效自评报告", "绩效评价报告", "自评报告", "评价报告", "绩效自评", "绩效评价", "预算绩效",
        "整体支出", "政务服务", "数字化", "人民政府", "委员会", "管理局", "办公室", "中心", "年度",
    ]
    /// Last characters of unit names: a break after them is natural.
    static let unitEndings: Set<Character> = ["局", "委", "办", "厅", "院", "府", "部", "会", "心", "司", "室", "所", "站", "队", "校"]

    /// The title as lines no wider than `width` (widths from `advances`).
    static func lines(_ title: String, advances: [Length], width: Length) -> [String] {
        let characters = Array(title)
        let total = advances.reduce(Length.zero, +)
        if total.fits(in: width) || characters.count < 2 { return [title] }
        let allowed = allowedBreaks(characters)
        var best: (cost: Double, breaks: [Int])?
        let minimumLines = Int((total.points / width.points).rounded(.up))
        for count in minimumLines...max(minimumLines, min(minimumLines + 1, characters.count)) {
            if count <= exhaustiveLines {
                search(count: count, from: 0, breaks: [], characters, advances, width, allowed) { breaks in
                    let cost = Self.cost(breaks, characters, advances)
                    if best == nil || cost < best!.cost { best = (cost, breaks) }
                }
            } else {
                best = balancedBreaks(characters, advances, width, allowed).map { (0, $0) }
            }
            if best != nil { break }
        }
        guard let breaks = best?.breaks else {
            // No arrangement keeps every word whole: fall back to filling lines.
            return greedy(characters, advances, width)
        }
        var lines: [String] = []
        var start = 0
        for end in breaks + [characters.count] {
            lines.append(String(characters[start..<end]))
            start = end
        }
        return lines
    }

    /// Up to this many lines every arrangement is scored, so the shape rules
    /// apply exactly; the work is at most (characters per line)² arrangements.
    /// More lines are cut by `balancedBreaks`, whose work is linear in the
    /// title's length: the full search grows exponentially with the number
    /// of lines (a 200-character title took minutes, issue 14).
    static let exhaustiveLines = 3

    /// Lines that fit, cut by dynamic programming over the break points:
    /// the fewest lines, and among those the natural break places of `cost`
    /// with lines as full as the width allows (a title this long has no
    /// trapezoid to keep). O(characters × characters per line) steps and
    /// O(characters) memory; nil when no cut keeps words whole.
    static func balancedBreaks(_ characters: [Character], _ advances: [Length], _ width: Length,
                               _ allowed: [Bool]) -> [Int]? {
        let n = characters.count
        var prefix = [Length.zero]
        for advance in advances { prefix.append(prefix[prefix.count - 1] + advance) }
        // best[i]: the fewest lines, then the lowest cost, of the first i
        // characters ending with a break before character i; from[i] is the
        // break before that line.
        var best = Array(repeating: (lines: Int.max, cost: Double.infinity), count: n + 1)
        var from = Array(repeating: -1, count: n + 1)
        best[0] = (0, 0)
        for end in 1...n where end == n || allowed[end] {
            var start = end - 1
            while start >= 0, (prefix[end] - prefix[start]).fits(in: width) {
                if best[start].lines < Int.max {
                    let fill = (width.points - (prefix[end] - prefix[start]).points) / width.points
                    let candidate = (lines: best[start].lines + 1,
                                     cost: best[start].cost + (end == n ? 0 : fill * fill * 2 - breakBonus(end, characters)))
                    if candidate.lines < best[end].lines || (candidate.lines == best[end].lines && candidate.cost < best[end].cost) {
                        best[end] = candidate
                        from[end] = start
                    }
                }
                start -= 1
            }
        }
        guard best[n].lines < Int.max else { return nil }
        var breaks: [Int] = []
        var end = from[n]
        while end > 0 {
            breaks.append(end)
            end = from[end]
        }
        return breaks.reversed()
    }

    /// Every way to cut `characters[from...]` into `count` lines that fit.
    private static func search(count: Int, from: Int, breaks: [Int], _ characters: [Character], _ advances: [Length],
                               _ width: Length, _ allowed: [Bool], _ visit: ([Int]) -> Void) {
        if count == 1 {
            let rest = advances[from...].reduce(Length.zero, +)
            if rest.fits(in: width) { visit(breaks) }
            return
        }
        var lineWidth = Length.zero
        var end = from
        while end < characters.count - 1 {
            lineWidth += advances[end]
            end += 1
            if !lineWidth.fits(in: width) { break }
            if allowed[end] { search(count: count - 1, from: end, breaks: breaks + [end], characters, advances, width, allowed, visit) }
        }
    }

    /// Whether a line may break before character `index`.
    static func allowedBreaks(_ characters: [Character]) -> [Bool] {
        var allowed = Array(repeating: true, count: characters.count + 1)
        allowed[0] = false
        for index in 1..<characters.count {
            let before = characters[index - 1], after = characters[index]
            if isWordCharacter(before) && isWordCharacter(after) { allowed[index] = false }
            if ChinesePunctuation.closing.contains(after) || ChinesePunctuation.opening.contains(before) { allowed[index] = false }
            // The line-breaking rules of the body text hold for titles too.
            if LineBreakRules.noLineStart.contains(after) || LineBreakRules.noLineEnd.contains(before)
                || (before == after && LineBreakRules.inseparable.contains(after)) { allowed[index] = false }
        }
        let text = String(characters)
        for word in words {
            var searchStart = text.startIndex
            while let range = text.range(of: word, range: searchStart..<text.endIndex) {
                let lower = text.distance(from: text.startIndex, to: range.lowerBound)
                for inside in (lower + 1)..<(lower + word.count) { allowed[inside] = false }
                searchStart = range.upperBound
            }
        }
        return allowed
    }

    static func isWordCharacter(_ character: Character) -> Bool { character.isASCII && (character.isLetter || character.isNumber) }

    /// Lower is better: natural break places, then the shape.
    static func cost(_ breaks: [Int], _ characters: [Character], _ advances: [Length]) -> Double {
        var cost = 0.0
        for index in breaks { cost -= breakBonus(index, characters) }
        var widths: [Double] = []
        var start = 0
        for end in breaks + [characters.count] {
            widths.append(advances[start..<end].reduce(Length.zero, +).points)
            start = end
        }
        let em = advances.max()?.points ?? 1
        let equal = { (a: Double, b: Double) in abs(a - b) < em * 0.5 }
        // Shape: a rectangle or an hourglass is wrong; a trapezoid or diamond is right.
        if widths.count == 2 {
            if equal(widths[0], widths[1]) { cost += 6 }
        } else {
            let increasing = zip(widths, widths.dropFirst()).allSatisfy { $1 > $0 + em * 0.5 }
            let decreasing = zip(widths, widths.dropFirst()).allSatisfy { $0 > $1 + em * 0.5 }
            let diamond = widths.count == 3 && widths[1] > widths[0] + em * 0.5 && widths[1] > widths[2] + em * 0.5
            if !(increasing || decreasing || diamond) { cost += 6 }
        }
        // Lines of very different length look ragged.
        let longest = widths.max() ?? 1
        cost += widths.map { (longest - $0) / longest }.reduce(0, +) * 2
        return cost
    }

    /// How natural a break before character `index` is (higher is better).
    static func breakBonus(_ index: Int, _ characters: [Character]) -> Double {
        let before = characters[index - 1], after = characters[index]
        var bonus = 0.0
        if unitEndings.contains(before) { bonus += 3 }
        if after.isNumber && !before.isNumber { bonus += 3 }
        if before == "的" { bonus += 3 }
        if String(characters[max(0, index - 2)..<index]) == "关于" { bonus += 3 }
        if String(characters[index..<min(characters.count, index + 2)]) == "关于" { bonus += 3 }
        if before == "年" || before == "度" { bonus += 2 }
        return bonus
    }

    static func greedy(_ characters: [Character], _ advances: [Length], _ width: Length) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = Length.zero
        for (character, advance) in zip(characters, advances) {
            if !line.isEmpty && !(lineWidth + advance).fits(in: width) {
                lines.append(line)
                line = ""
                lineWidth = .zero
            }
            line.append(character)
            lineWidth += advance
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
