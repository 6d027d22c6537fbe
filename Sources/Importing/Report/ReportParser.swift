import Evaluation
import Foundation

/// Turns the narrative report pasted after the tables — one paragraph or
/// heading per line — into the `Report` tree, repairing what copying from
/// PDF and Word does to such text. Every repair is reported as a note with
/// its line, never made silently:
///
/// - heading numbers written half-width "(一)" or with an extra "、" ("（二）、");
/// - text run in after a heading ("四、存在的问题和建议 无", "（一）…评价。对于…"),
///   moved into the section's first paragraph; a stray one-letter mark
///   ("二、部门绩效情况 x") dropped;
/// - paragraphs broken across old page breaks ("协调推" + "进…"), re-joined;
/// - Markdown-like "- " list markers, removed.
///
/// A cover before the first heading (部门（单位）名称, 预算编码 …: `ReportCover`)
/// is read as the cover.
///
/// Headings are told from numbered list items by their sequence: a heading
/// must carry the next number of its level ("（二）" after "（一）"), and a
/// numbered line that continues a running list (the "（一）…（十五）" duties
/// inside 第五条) stays a paragraph.
struct ReportParser {
    private final class Section {
        let level: Int
        let heading: String
        var paragraphs: [String] = []
        var children: [Section] = []

        init(level: Int, heading: String) {
            self.level = level
            self.heading = heading
        }

        var model: ReportSection {
            ReportSection(heading: heading, paragraphs: paragraphs, sections: children.map(\.model))
        }
    }

    private var roots: [Section] = []
    /// The open section at each level: open[0] is level 1.
    private var open: [Section] = []
    /// A running numbered list: its level and the number that continues it.
    private var list: (level: Int, next: Int)?
    /// The last paragraph, which a broken line may continue.
    private var lastParagraph: (section: Section, index: Int, place: ImportPlace)?

    static func parse(title: String, lines: [TextLine], _ context: inout ReadingContext) -> Report {
        var lines = lines.map { TextLine(text: $0.text.trimmedCell, place: $0.place, role: $0.role) }.filter { !$0.text.isEmpty }
        let cover = ReportCover.read(lines)
        cover.record(&context)
        lines.removeFirst(cover.used.count)
        let (signature, date) = closingLines(&lines, &context)
        var parser = ReportParser()
        for line in lines { parser.read(line, &context) }
        return Report(title: title, sections: parser.roots.map(\.model), signature: signature, date: date)
    }

    // MARK: - Lines

    private mutating func read(_ line: TextLine, _ context: inout ReadingContext) {
        var text = line.text
        var isListItem = false
        for marker in ["- ", "• ", "* ", "· "] where text.hasPrefix(marker) {
            text = String(text.dropFirst(marker.count)).trimmedCell
            isListItem = true
            context.note(.repaired, line.place, Message(chinese: "删去了“\(ReadingContext.excerpt(text))”前的列表符号“\(marker.trimmedCell)”",
                                                        english: "removed the list marker \"\(marker.trimmedCell)\" before \"\(ReadingContext.excerpt(text))\""))
        }
        switch line.role {
        case .heading(let level):
            openStyledHeading(level, text, line, &context)
            return
        case .body:
            addParagraph(text, line, &context)
            return
        case .unknown:
            break
        }
        if let number = HeadingNumber.parse(text) {
            if isHeading(number) {
                openHeading(number, line, &context)
            } else {
                list = (number.level, number.value + 1)
                addParagraph(text, line, &context)
            }
            return
        }
        let startsNewParagraph = isListItem || text.range(of: #"^第[一二三四五六七八九十百零〇0-9]+[条章节]"#, options: .regularExpression) != nil
        if !startsNewParagraph, let last = lastParagraph, !Self.endsSentence(last.section.paragraphs[last.index]) {
            let before = last.section.paragraphs[last.index]
            last.section.paragraphs[last.index] += text
            context.note(.repaired, line.place, Message(
                chinese: "把“…\(String(before.suffix(6)))”（\(last.place.short.chinese)）与“\(ReadingContext.excerpt(text))”接为一段：原段落被分页断开",
                english: "re-joined \"…\(String(before.suffix(6)))\" (\(last.place.short.english)) with \"\(ReadingContext.excerpt(text))\": one paragraph broken across a page break"))
            return
        }
        addParagraph(text, line, &context)
    }

    private mutating func addParagraph(_ text: String, _ line: TextLine, _ context: inout ReadingContext) {
        guard let section = open.last else {
            context.note(.unplaced, line.place, Message(chinese: "“\(ReadingContext.excerpt(text))”在报告第一个标题之前；报告中没有它的位置",
                                                        english: "\"\(ReadingContext.excerpt(text))\" comes before the report's first heading; the report has no place for it"))
            return
        }
        section.paragraphs.append(text)
        lastParagraph = (section, section.paragraphs.count - 1, line.place)
    }

    // MARK: - Headings

    /// The number a heading of `level` must carry next; nil when its parent
    /// level has no open section (a "1." directly under "一、" is a list item).
    private func expectedNumber(at level: Int) -> Int? {
        if level == 1 { return roots.count + 1 }
        guard open.count >= level - 1 else { return nil }
        return open[level - 2].children.count + 1
    }

    private func isHeading(_ number: HeadingNumber) -> Bool {
        if let list, list.level == number.level, list.next == number.value { return false }
        guard expectedNumber(at: number.level) == number.value else { return false }
        let rest = number.rest.trimmedCell
        if rest.isEmpty { return false }
        // Levels 3 and 4 are too often list items to accept run-in text.
        if number.level >= 3 { return rest.count <= 30 && !rest.contains("。") }
        return true
    }

    private mutating func openHeading(_ number: HeadingNumber, _ line: TextLine, _ context: inout ReadingContext) {
        if number.halfWidthBrackets {
            context.note(.repaired, line.place, Message(chinese: "把半角的“\(number.marker.trimmedCell)”读作标题序号\(number.standardMarker)",
                                                        english: "read the half-width \"\(number.marker.trimmedCell)\" as the heading number \(number.standardMarker)"))
        }
        if number.extraComma {
            context.note(.repaired, line.place, Message(chinese: "删去了标题序号\(number.standardMarker)后的“、”",
                                                        english: "dropped the \"、\" after the heading number \(number.standardMarker)"))
        }
        let (heading, runIn) = Self.splitRunIn(number.rest.trimmedCell, line, &context)
        let section = Section(level: number.level, heading: heading)
        open = Array(open.prefix(number.level - 1))
        if let parent = open.last { parent.children.append(section) } else { roots.append(section) }
        open.append(section)
        list = nil
        lastParagraph = nil
        if let runIn { addParagraph(runIn, line, &context) }
    }

    /// A heading a Word paragraph style marks (标题 1, Heading 2, …): its
    /// level is the style's, one below the open heading at most (a
    /// "标题 3" straight under a "标题 1" is level 2), and a number written in
    /// front of it ("一、") is dropped, since FormPrint numbers headings by depth.
    private mutating func openStyledHeading(_ styleLevel: Int, _ text: String, _ line: TextLine, _ context: inout ReadingContext) {
        let level = max(1, min(styleLevel, open.count + 1, 4))
        let words = HeadingNumber.parse(text).map { String($0.rest).trimmedCell } ?? text
        let heading = Self.trimHeadingEnd(words.isEmpty ? text : words, line, &context)
        let section = Section(level: level, heading: heading)
        open = Array(open.prefix(level - 1))
        if let parent = open.last { parent.children.append(section) } else { roots.append(section) }
        open.append(section)
        list = nil
        lastParagraph = nil
    }

    /// A heading line's heading and the text run in after it. The heading
    /// ends at the first space, "。" or "：". A single letter after it is a
    /// stray mark; anything else becomes the section's first paragraph.
    private static func splitRunIn(_ text: String, _ line: TextLine, _ context: inout ReadingContext) -> (String, String?) {
        let separators: Set<Character> = [" ", "\u{3000}", "\t", "。", "："]
        guard let cut = text.firstIndex(where: { separators.contains($0) }) else {
            return (trimHeadingEnd(text, line, &context), nil)
        }
        let separator = text[cut]
        let heading = trimHeadingEnd(String(text[..<cut]), line, &context)
        let rest = String(text[text.index(after: cut)...]).trimmedCell
        if rest.isEmpty {
            if separator == "。" || separator == "：" {
                context.note(.repaired, line.place, .droppedEnding(String(separator), of: heading))
            }
            return (heading, nil)
        }
        if rest.count == 1, let letter = rest.first, letter.isASCII, letter.isLetter {
            context.note(.repaired, line.place, Message(chinese: "删去了标题“\(heading)”后多余的“\(letter)”",
                                                        english: "removed the stray \"\(letter)\" after the heading \(heading)"))
            return (heading, nil)
        }
        let atSeparator = separator == "。" || separator == "："
        context.note(.repaired, line.place, Message(
            chinese: "把标题“\(heading)”" + (atSeparator ? "在“\(separator)”处" : "") + "之后的文字（“\(ReadingContext.excerpt(rest))”）移为单独一段",
            english: "moved the text after the heading \(heading)" + (atSeparator ? " at its \"\(separator)\"" : "") + " (\"\(ReadingContext.excerpt(rest))\") into its own paragraph"))
        return (heading, rest)
    }

    private static func trimHeadingEnd(_ heading: String, _ line: TextLine, _ context: inout ReadingContext) -> String {
        var heading = heading
        while let last = heading.last, "、，,；;".contains(last) {
            heading.removeLast()
            context.note(.repaired, line.place, .droppedEnding(String(last), of: heading))
        }
        return heading
    }

    // MARK: - Paragraph ends and closing lines

    /// Whether `text` ends a sentence; a paragraph that does not was cut by
    /// a page break when the next line continues it.
    static func endsSentence(_ text: String) -> Bool {
        guard let last = text.last else { return true }
        return "。！？!?；;：:…”’」』.".contains(last)
    }

    /// The 署名 and 成文日期 that close a report ("柳河县…局" / "2025年3月1日"),
    /// taken off the end of `lines`.
    private static func closingLines(_ lines: inout [TextLine], _ context: inout ReadingContext) -> (String, String) {
        guard let last = lines.last,
              last.text.range(of: #"^(19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$"#, options: .regularExpression) != nil
        else { return ("", "") }
        lines.removeLast()
        context.note(.inferred, last.place, Message(chinese: "把“\(last.text)”读作报告的成文日期", english: "read \"\(last.text)\" as the report's date (成文日期)"))
        guard let previous = lines.last, previous.text.count <= 40, !endsSentence(previous.text),
              HeadingNumber.parse(previous.text) == nil, !previous.text.contains("，") else { return ("", last.text) }
        lines.removeLast()
        context.note(.inferred, previous.place, Message(chinese: "把“\(previous.text)”读作报告的署名", english: "read \"\(previous.text)\" as the report's signature (署名)"))
        context.evidence.name(previous.text, rank: ClueRank.report, source: Message(chinese: "报告的署名", english: "the report's 署名"), at: previous.place)
        return (previous.text, last.text)
    }
}

extension Message {
    /// A repair note: the punctuation that ended a heading was dropped.
    static func droppedEnding(_ ending: String, of heading: String) -> Message {
        Message(chinese: "删去了标题“\(heading)”末尾的“\(ending)”", english: "dropped the \"\(ending)\" ending the heading \(heading)")
    }
}
