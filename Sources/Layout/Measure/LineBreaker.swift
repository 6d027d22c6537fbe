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

    /// A unit that is never split across lines (unless wider than a line).
    private struct Token {
        var text: String
        var width: Length
        var isSpace: Bool
    }

    private func tokens(_ paragraph: Substring) throws(MeasureError) -> [Token] {
        measurer.prepare(String(paragraph), font: font)
        var tokens: [Token] = []
        var missing: [Character] = []
        var word = ""
        var wordWidth = Length.zero
        func flushWord() {
            if !word.isEmpty { tokens.append(Token(text: word, width: wordWidth, isSpace: false)) }
            word = ""
            wordWidth = .zero
        }
        for character in paragraph {
            let advance: Length
            do { advance = try measurer.advance(of: character, font: font) } catch {
                if case .missingGlyphs(let characters) = error { missing += characters.filter { !missing.contains($0) } }
                continue
            }
            if Self.isWordCharacter(character) {
                word.append(character)
                wordWidth += advance
            } else {
                flushWord()
                tokens.append(Token(text: String(character), width: advance, isSpace: character == " "))
            }
        }
        flushWord()
        if !missing.isEmpty { throw .missingGlyphs(missing) }
        return tokens
    }

    static func isWordCharacter(_ character: Character) -> Bool {
        guard character.isASCII else { return false }
        return character.isLetter || character.isNumber || ".-_/%+@#&".contains(character)
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
                let pieces = token.text.map { String($0) }
                var split: [Token] = []
                for piece in pieces {
                    split.append(Token(text: piece, width: try measurer.advance(of: Character(piece), font: font), isSpace: false))
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
                  Self.noLineStart.contains(firstCharacter(carried.first ?? token))
                    || Self.noLineEnd.contains(lastCharacter(current.last!)) {
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
        // A line's width is the sum of its characters' advances: CJK text
        // has no kerning, and measuring each line again through Pango cost
        // a fifth of the measure phase.
        return lines.map { line in
            TextLine(text: line.map(\.text).joined(), width: line.reduce(Length.zero) { $0 + $1.width })
        }
    }

    private func firstCharacter(_ token: Token) -> Character { token.text.first ?? " " }
    private func lastCharacter(_ token: Token) -> Character { token.text.last ?? " " }
}

/// The Chinese line-breaking sets, built once (a computed set was rebuilt
/// for every character measured).
enum LineBreakRules {
    static let noLineStart: Set<Character> = [
        "，", "。", "、", "；", "：", "？", "！", "）", "》", "」", "』", "】", "〕", "〉", "”", "’", "％", "‰", "…", "·",
        "ー", "～", ",", ".", ";", ":", "?", "!", ")", "]", "}", "%",
    ]
    static let noLineEnd: Set<Character> = ["（", "《", "「", "『", "【", "〔", "〈", "“", "‘", "(", "[", "{"]
}
