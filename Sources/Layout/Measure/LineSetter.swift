/// Sets one line of Chinese text as positioned runs: Western letters and
/// digits in the style's Latin family, adjacent full-width punctuation
/// compressed (no doubled blank at "。」" or "），"), and the line justified
/// to its measure when asked.
struct LineSetter<Measurer: TextMeasurer> {
    let measurer: Measurer
    let font: FontSpec

    /// Runs for `text` starting at `x`; with `justifyTo`, the space left
    /// on the line is spread over the gaps between characters.
    func runs(_ text: String, x: Length, justifyTo measure: Length?) throws(MeasureError) -> [TextRun] {
        let characters = Array(text)
        guard !characters.isEmpty else { return [] }
        var advances: [Length] = []
        var fonts: [FontSpec] = []
        for character in characters {
            let characterFont = font.font(for: character)
            fonts.append(characterFont)
            advances.append(try measurer.advance(of: character, font: characterFont))
        }
        // Compression: a closing mark followed by another mark loses its
        // blank right half; an opening mark after an opening mark shifts
        // left into the first one's blank.
        var compressed = Array(repeating: false, count: characters.count)
        let marks = characters.map(ChinesePunctuation.mark)
        for index in characters.indices.dropLast() {
            let here = marks[index], next = marks[index + 1]
            let pair = (here == .closing && next != .none) || (here == .opening && next == .opening)
            if pair {
                advances[index] = advances[index] - font.size / 2
                compressed[index] = true
            }
        }
        var extra = Length.zero
        if let measure, characters.count > 1 {
            let natural = advances.reduce(Length.zero, +)
            let gap = (measure - natural) / Double(characters.count - 1)
            // Only stretch a line that is nearly full: a gap wider than half
            // a character would open the line visibly.
            if gap.points > 0 && gap < font.size * 0.5 { extra = gap }
        }
        // A new run wherever the font changes or a compressed mark ends one.
        var runs: [TextRun] = []
        var runText = ""
        var runStart = x
        var runFont = fonts[0]
        var position = x
        for index in characters.indices {
            if !runText.isEmpty && fonts[index] != runFont {
                runs.append(TextRun(text: runText, font: runFont, origin: Point(x: runStart, y: .zero), extraSpacing: extra))
                runText = ""
                runStart = position
                runFont = fonts[index]
            }
            runText.append(characters[index])
            position += advances[index] + extra
            if compressed[index] {
                runs.append(TextRun(text: runText, font: runFont, origin: Point(x: runStart, y: .zero), extraSpacing: extra))
                runText = ""
                runStart = position
                if index + 1 < characters.count { runFont = fonts[index + 1] }
            }
        }
        if !runText.isEmpty {
            runs.append(TextRun(text: runText, font: runFont, origin: Point(x: runStart, y: .zero), extraSpacing: extra))
        }
        return runs
    }
}

/// Full-width punctuation by where its blank half sits.
enum ChinesePunctuation {
    /// Closing marks: their blank half is on the right (mainland GB style
    /// also sets ，。、；： at the left of the em box).
    static let closing: Set<Character> = ["，", "。", "、", "；", "：", "？", "！", "）", "》", "」", "』", "】", "〕", "〉", "”", "’"]
    /// Opening marks: their blank half is on the left.
    static let opening: Set<Character> = ["（", "《", "「", "『", "【", "〔", "〈", "“", "‘"]

    enum Mark { case none, opening, closing }

    /// Whether `character` is an opening or a closing mark. Every mark
    /// above lies in U+2018…U+3015 or from U+FF01 on, so the text's other
    /// characters (its hanzi, letters and digits) are answered without
    /// hashing them into the sets: that was a fifth of setting the
    /// report's lines.
    static func mark(_ character: Character) -> Mark {
        if let scalar = character.unicodeScalars.first, scalar.value < 0x2018 || (scalar.value > 0x3015 && scalar.value < 0xFF01) {
            return .none
        }
        return closing.contains(character) ? .closing : opening.contains(character) ? .opening : .none
    }
}
