/// Greedy line breaking with the Chinese rules (GB/T 15834 practice, 禁则):
/// no line starts with closing punctuation (，。、；：？！）》」』 …) and none
/// ends with opening punctuation (（《「『 …), in cells of any width; Latin
/// words and numbers ("212.40", "81.06%") stay whole unless longer than
/// the line.
struct LineBreaker<Measurer: TextMeasurer> {
    let measurer: Measurer
    let font: FontSpec
    let width: Length

    static var noLineStart: Set<Character> { LineBreakRules.noLineStart }
    static var noLineEnd: Set<Character> { LineBreakRules.noLineEnd }

    func lines(of text: String) throws(MeasureError) -> [TextLine] {
        var lines: [TextLine] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += try breakParagraph(Substring(paragraph))
        }
        return lines
    }

    /// A unit that is never split across lines (unless wider than a line):
    /// a character, or a Western word or number. It refers to its place in
    /// the paragraph, so a line's text is one slice of it, not a string
    /// glued together from one string per character.
    private struct Token {
        var range: Range<String.Index>
        var first: Character
        var last: Character
        var width: Length
        var isSpace: Bool
    }

    private func tokens(_ paragraph: Substring) throws(MeasureError) -> [Token] {
        measurer.prepare(String(paragraph), font: font)
        var tokens: [Token] = []
        var missing: [Character] = []
        var word: Token?
        func flushWord() {
            if let word { tokens.append(word) }
            word = nil
        }
        var index = paragraph.startIndex
        while index < paragraph.endIndex {
            let character = paragraph[index]
            let next = paragraph.index(after: index)
            defer { index = next }
            let advance: Length
            do { advance = try measurer.advance(of: character, font: font) } catch {
                if case .missingGlyphs(let characters) = error { missing += characters.filter { !missing.contains($0) } }
                continue
            }
            if LineBreakRules.inseparable.contains(character), word == nil, let last = tokens.last,
               last.first == character, last.last == character, last.range.upperBound == index {
                // The second half of —— or ……: one token with the first.
                tokens[tokens.count - 1].range = last.range.lowerBound..<next
                tokens[tokens.count - 1].width += advance
            } else if Self.isWordCharacter(character) {
                if word == nil { word = Token(range: index..<next, first: character, last: character, width: .zero, isSpace: false) }
                word!.range = word!.range.lowerBound..<next
                word!.last = character
                word!.width += advance
            } else {
                flushWord()
                tokens.append(Token(range: index..<next, first: character, last: character, width: advance, isSpace: character == " "))
            }
        }
        flushWord()
        if !missing.isEmpty { throw .missingGlyphs(missing) }
        return tokens
    }

    static func isWordCharacter(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        switch ascii {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return true
        default: return ".-_/%+@#&".utf8.contains(ascii)
        }
    }

    private func breakParagraph(_ paragraph: Substring) throws(MeasureError) -> [TextLine] {
        if paragraph.isEmpty { return [TextLine(text: "", width: .zero)] }
        var pending = try tokens(paragraph)
        var lines: [[Token]] = []
        var current: [Token] = []
        var currentWidth = Length.zero
        var index = 0
        while index < pending.count {
            let token = pending[index]
            if (currentWidth + token.width).fits(in: width) || current.isEmpty && token.width.fits(in: width) {
                if !(current.isEmpty && token.isSpace) {
                    current.append(token)
                    currentWidth += token.width
                }
                index += 1
                continue
            }
            if current.isEmpty {
                // A word wider than the line: split it by characters.
                var split: [Token] = []
                var position = token.range.lowerBound
                while position < token.range.upperBound {
                    let next = paragraph.index(after: position)
                    let character = paragraph[position]
                    split.append(Token(range: position..<next, first: character, last: character,
                                       width: try measurer.advance(of: character, font: font), isSpace: false))
                    position = next
                }
                pending.replaceSubrange(index...index, with: split)
                if split.count == 1 {
                    // A single character wider than the line: it gets a line of its own.
                    current.append(split[0])
                    currentWidth += split[0].width
                    index += 1
                }
                continue
            }
            // Break before `token`; pull characters down so that the next
            // line does not start with closing punctuation and this one
            // does not end with opening punctuation.
            var carried: [Token] = []
            while current.count > 1,
                  Self.noLineStart.contains((carried.first ?? token).first)
                    || Self.noLineEnd.contains(current.last!.last) {
                carried.insert(current.removeLast(), at: 0)
            }
            while current.last?.isSpace == true { current.removeLast() }
            lines.append(current)
            current = []
            currentWidth = .zero
            if !carried.isEmpty {
                pending.replaceSubrange(index..<index, with: carried)
            }
        }
        while current.last?.isSpace == true { current.removeLast() }
        lines.append(current)
        // A line is one slice of the paragraph (spaces at its ends dropped),
        // and its width the sum of its characters' advances: CJK text has no
        // kerning, and measuring each line again through Pango cost a fifth
        // of the measure phase.
        return lines.map { line in
            guard let first = line.first, let last = line.last else { return TextLine(text: "", width: .zero) }
            return TextLine(text: String(paragraph[first.range.lowerBound..<last.range.upperBound]),
                            width: line.reduce(Length.zero) { $0 + $1.width })
        }
    }

}

/// The Chinese line-breaking sets, built once (a computed set was rebuilt
/// for every character measured). From W3C "Requirements for Chinese Text
/// Layout" (clreq §3.1.7, 行首行尾禁则) and JIS X 4051 (classes 2 closing
/// brackets, 5 middle dots, 6 full stops, 7 commas, 9 small kana and
/// iteration marks as line-start prohibited; class 1 opening brackets as
/// line-end prohibited), with their ASCII counterparts.
enum LineBreakRules {
    static let noLineStart: Set<Character> = [
        // Commas, full stops, colons, semicolons, question and exclamation marks.
        "，", "。", "、", "；", "：", "？", "！", "．", "｡", "､", "‼", "⁇", "⁈", "⁉",
        // Closing brackets and quotes (clreq 3.1.7; JIS X 4051 class 2).
        "）", "》", "」", "』", "】", "〕", "〉", "〗", "］", "｝", "〙", "〛", "｠", "»", "›", "〞", "〟", "”", "’", "｣",
        // Middle dots, iteration marks, prolonged sound mark, small kana (JIS X 4051 classes 5 and 9).
        "·", "・", "･", "ー", "ｰ", "々", "〻", "ゝ", "ゞ", "ヽ", "ヾ", "〜", "～", "゠", "‐",
        "ぁ", "ぃ", "ぅ", "ぇ", "ぉ", "っ", "ゃ", "ゅ", "ょ", "ゎ", "ゕ", "ゖ", "ァ", "ィ", "ゥ", "ェ", "ォ", "ッ", "ャ", "ュ", "ョ", "ヮ", "ヵ", "ヶ",
        // Units written after a number, and the ellipsis (it belongs to the text before it).
        "％", "‰", "‱", "℃", "…", "‥", "⋯",
        ",", ".", ";", ":", "?", "!", ")", "]", "}", "%",
    ]
    static let noLineEnd: Set<Character> = [
        // Opening brackets and quotes (clreq 3.1.7; JIS X 4051 class 1).
        "（", "《", "「", "『", "【", "〔", "〈", "〖", "［", "｛", "〘", "〚", "｟", "«", "‹", "〝", "“", "‘", "｢",
        "(", "[", "{",
    ]
    /// Marks written doubled and never split over two lines (clreq §3.1.7
    /// 不可分割标点): 破折号 —— and 省略号 …… (also ⋯⋯ and the two-em dash).
    static let inseparable: Set<Character> = ["—", "…", "⋯", "⸺", "─"]
}
