import Foundation

/// Tab-separated text as a spreadsheet puts it on the clipboard: one row
/// per line, cells separated by tabs. A cell holding a line break or a tab
/// comes quoted ("…""…" doubling the quotes) and may run over several
/// lines; a quote that does not close such a cell is just a character.
struct TabSeparatedLines {
    let lines: [Substring]
    let file: String

    init(text: String, file: String) {
        // Windows (\r\n) and old Mac (\r) line ends alike.
        let unified = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        self.lines = unified.split(separator: "\n", omittingEmptySubsequences: false)
        self.file = file
    }

    /// The row starting at line `index` (0-based) and the index of the line
    /// after it.
    func row(at index: Int, numbering: inout CellNumbering) -> (row: GridRow, next: Int) {
        var cells: [GridCell] = []
        var lineIndex = index
        var line = lines[index]
        var position = line.startIndex
        var column = 1
        var field = 1
        while true {
            let startLine = lineIndex + 1, startColumn = column
            var text = ""
            if position < line.endIndex, line[position] == "\"",
               let quoted = quotedCell(fromLine: lineIndex, at: line.index(after: position)) {
                text = quoted.text
                if quoted.line != lineIndex {
                    lineIndex = quoted.line
                    line = lines[lineIndex]
                    column = line.distance(from: line.startIndex, to: quoted.end) + 1
                } else {
                    column += line.distance(from: position, to: quoted.end)
                }
                position = quoted.end
            } else {
                let end = line[position...].firstIndex(of: "\t") ?? line.endIndex
                text = String(line[position..<end])
                column += line.distance(from: position, to: end)
                position = end
            }
            let trimmed = text.trimmedCell
            if !trimmed.isEmpty {
                cells.append(GridCell(id: numbering.take(), text: trimmed, column: field,
                                      place: .text(file: file, line: startLine, column: startColumn)))
            }
            guard position < line.endIndex else { break }
            position = line.index(after: position)  // the tab
            column += 1
            field += 1
        }
        return (GridRow(cells: cells, place: .text(file: file, line: index + 1, column: 1)), lineIndex + 1)
    }

    /// A quoted cell starting after its opening quote: its text, the line it
    /// ends on and the position after its closing quote — only if that quote
    /// is followed by a tab or the line's end (within 200 lines).
    private func quotedCell(fromLine start: Int, at position: Substring.Index) -> (text: String, line: Int, end: Substring.Index)? {
        var text = ""
        var lineIndex = start
        var line = lines[start]
        var index = position
        while lineIndex < min(lines.count, start + 200) {
            while index < line.endIndex {
                let character = line[index]
                if character == "\"" {
                    let next = line.index(after: index)
                    if next < line.endIndex, line[next] == "\"" {
                        text.append("\"")
                        index = line.index(after: next)
                        continue
                    }
                    guard next == line.endIndex || line[next] == "\t" else { return nil }
                    return (text, lineIndex, next)
                }
                text.append(character)
                index = line.index(after: index)
            }
            lineIndex += 1
            guard lineIndex < lines.count else { return nil }
            text.append("\n")
            line = lines[lineIndex]
            index = line.startIndex
        }
        return nil
    }
}
